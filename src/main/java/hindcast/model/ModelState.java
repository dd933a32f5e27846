package hindcast.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * Parameters fitted at a train date, able to simulate paths from any later forecast origin. Closed when no
 * longer needed, since a state may hold native resources.
 */
public interface ModelState extends AutoCloseable {

    /** What is stored in {@code trained_models.parameters}; {@link ForecastModel#restore} inverts it exactly. */
    Map<String, Double> parameters();

    /** Binary state stored in {@code trained_models.state}, for models whose fit is more than numbers. */
    default byte[] state() {
        return null;
    }

    @Override
    default void close() {
    }

    /**
     * Fills {@code out[path][day]} with simulated prices for calendar days start, start+1, ... The history
     * holds only observations dated on or before start-1; the state is brought up to its last observation.
     */
    void simulate(MarketSeries history, LocalDate start, Rng rng, float[][] out);
}
