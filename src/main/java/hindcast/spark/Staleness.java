package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.MarketSeries;
import hindcast.plan.Freshness;
import hindcast.plan.StoredForecast;
import hindcast.plan.TrainedModel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many stored forecasts and fits of a commodity are no longer what today's data and today's model
 * definitions would make ({@link Freshness}). Reads the forecast index and the fits' provenance, never the paths.
 * Models no longer in the registry are left out: nothing could recompute them.
 */
public final class Staleness {
    private final Warehouse warehouse;

    Staleness(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Per model: forecasts stale or incomplete; fits of a changed definition; fits trained on changed data. */
    public record Counts(long forecasts, long changedFits, long staleFits) {
        static final Counts NONE = new Counts(0, 0, 0);

        public long fits() {
            return changedFits + staleFits;
        }

        Counts plus(Counts o) {
            return new Counts(forecasts + o.forecasts, changedFits + o.changedFits, staleFits + o.staleFits);
        }
    }

    /** The counts of every model of the commodity added up. */
    public Counts total(String commodity) {
        return of(commodity).values().stream().reduce(Counts.NONE, Counts::plus);
    }

    /** The counts of each registered model with anything stored for the commodity, by model. */
    Map<String, Counts> of(String commodity) {
        MarketSeries series = warehouse.market().load(commodity);
        Settings settings = warehouse.settings();
        Map<String, Counts> out = new LinkedHashMap<>();
        if (series.size() == 0) {
            return out;
        }
        Map<String, Map<LocalDate, StoredForecast>> forecasts = warehouse.index().byModel(commodity);
        Map<String, List<TrainedModel>> allFits = warehouse.models().allWithoutState(commodity);
        for (String model : settings.models().names()) {
            List<TrainedModel> fits = allFits.getOrDefault(model, List.of());
            Map<LocalDate, StoredForecast> stored = forecasts.getOrDefault(model, Map.of());
            if (fits.isEmpty() && stored.isEmpty()) {
                continue;
            }
            Freshness freshness = Freshness.of(settings.models().spec(model), series);
            int paths = settings.forecast().paths();
            long staleForecasts = stored.values().stream().filter(f -> !f.isFresh(freshness, paths)).count();
            long changed = fits.stream().filter(freshness::definitionChanged).count();
            long staleFits = fits.stream().filter(f -> !freshness.definitionChanged(f) && !freshness.isFresh(f)).count();
            out.put(model, new Counts(staleForecasts, changed, staleFits));
        }
        return out;
    }
}
