package hindcast.model;

import java.time.LocalDate;

/** The single way a forecast's paths are computed, shared by the backfill and the `forecast` command. */
public final class Forecaster {
    private Forecaster() {
    }

    /**
     * Paths[path][day] for forecast start D, conditioned on the series cut at D-1. A pure function of the
     * state, the data dated on or before D-1 and the key (commodity, model_version, D).
     */
    public static float[][] paths(ModelState state, MarketSeries series, String modelVersion, LocalDate start,
                                  int paths, int horizonDays) {
        MarketSeries history = series.cutAt(start.minusDays(1));
        if (history.size() == 0) {
            throw new IllegalArgumentException(series.commodity() + ": no market data before " + start);
        }
        float[][] out = new float[paths][horizonDays];
        state.simulate(history, start, Rng.forForecast(series.commodity(), modelVersion, start), out);
        return out;
    }
}
