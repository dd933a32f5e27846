package hindcast.spark;

import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;
import hindcast.plan.TrainedModel;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What executors need to compute one chunk of forecasts for one (commodity, model_version): the market
 * series, the stored fit of each train date used, and the forecast dates with their train dates and the
 * fingerprints of what each reads (written with its paths).
 * Broadcast once per chunk; its size does not depend on the number of paths.
 */
record ChunkJob(String modelVersion, ModelSpec spec, MarketSeries series,
                List<LocalDate> forecastDates, List<LocalDate> trainDates, List<String> fingerprints,
                Map<LocalDate, TrainedModel> models,
                int paths, int horizonDays, Instant generatedAt) implements Serializable {

    String commodity() {
        return series.commodity();
    }

    LocalDate firstDate() {
        return forecastDates.get(0);
    }

    LocalDate lastDate() {
        return forecastDates.get(forecastDates.size() - 1);
    }
}
