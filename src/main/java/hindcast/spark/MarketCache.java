package hindcast.spark;

import hindcast.model.MarketSeries;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The market series of each commodity, read from the market table the first time a job asks for it. Made
 * fresh per job ({@link Warehouse#marketCache()}), so a later job sees a later ingest.
 */
public final class MarketCache {
    private final MarketStore store;
    private final HashMap<String, MarketSeries> series = new HashMap<>();

    MarketCache(MarketStore store) {
        this.store = store;
    }

    /** The commodity's series; empty when nothing was ingested for it. Units of work ask from their threads. */
    public synchronized MarketSeries get(String commodity) {
        return series.computeIfAbsent(commodity, store::load);
    }

    /** The series of these commodities, as a map an executor can receive. */
    public Map<String, MarketSeries> of(Collection<String> commodities) {
        HashMap<String, MarketSeries> out = new HashMap<>();
        commodities.forEach(c -> out.put(c, get(c)));
        return out;
    }
}
