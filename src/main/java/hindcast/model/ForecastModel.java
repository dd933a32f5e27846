package hindcast.model;

import java.util.Map;

/**
 * A forecasting method: fits parameters at a train date T and restores them from storage. Implementations
 * are plain Java, free of Spark, so they are unit-tested directly.
 */
public interface ForecastModel {

    /** Fits on {@code training}, which holds only observations dated on or before T-1. */
    ModelState fit(MarketSeries training);

    /** Rebuilds the state {@link ModelState#parameters()} returned. */
    ModelState restore(Map<String, Double> parameters);
}
