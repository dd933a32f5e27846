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

    /** Rebuilds a state from its parameters and its binary state (null for models that have none). */
    default ModelState restore(Map<String, Double> parameters, byte[] state) {
        return restore(parameters);
    }

    /** What {@link #fit} reads of its training series (cut at T-1). */
    Reads fitReads();

    /** What a forecast from D reads of the series cut at D-1, besides its fit. */
    Reads forecastReads();
}
