package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.model.Forecaster;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.model.TrainFrequency;
import hindcast.plan.ForecastPlanner;
import hindcast.plan.Freshness;
import hindcast.plan.Request;
import hindcast.plan.RequestCheck;

import java.time.LocalDate;

/** One forecast computed on the driver, by the same planner and model code the backfill uses; nothing is written. */
public final class SingleForecast {
    private SingleForecast() {
    }

    public static float[][] compute(Warehouse warehouse, String commodity, String modelVersion,
                                    TrainFrequency frequency, LocalDate date) {
        Settings settings = warehouse.settings();
        Request request = new Request("forecast", commodity, modelVersion, frequency.label(), date, date, null);
        new RequestCheck(settings.commodities(), settings.models(), settings.forecast().maxRequestDays()).check(request)
                .ifPresent(r -> {
                    throw Errors.requestRefused(r.reason());
                });
        MarketSeries series = warehouse.market().load(commodity);
        if (series.size() == 0) {
            throw Errors.noMarketData(commodity);
        }
        var trained = warehouse.models().load(
                new ModelStore.Key(commodity, modelVersion, frequency.label()), date.minusYears(1), date);
        ForecastPlanner.Decision decision = new ForecastPlanner(request, series, trained,
                Freshness.of(settings.models().spec(modelVersion), series), settings.forecast().minTrainingRows(), settings.forecast().maxDataStalenessDays()).decide(date);
        if (decision.rejection() != null) {
            throw Errors.cannotForecast(decision.rejection().kind().name(), decision.rejection().reason());
        }
        try (var state = settings.models().model(modelVersion).restore(decision.model().parameters(),
                decision.model().state())) {
            return Forecaster.paths(state, series, modelVersion, date, settings.forecast().paths(), Horizon.DAYS);
        }
    }
}
