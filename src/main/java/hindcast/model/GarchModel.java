package hindcast.model;

import hindcast.model.garch.Garch;
import hindcast.model.garch.GarchParams;
import hindcast.model.garch.StudentT;

import java.time.LocalDate;
import java.util.Map;

/**
 * garch_t: GARCH(1,1) on daily log returns of the trading-day close, constant mean, unit-variance Student-t
 * innovations with estimated degrees of freedom ({@link GarchParams}), fitted by maximum likelihood at T
 * on the last {@code trainWindow} observations before T ({@link Garch#fit}). For a forecast from D the
 * parameters stay fixed and the conditional variance is filtered through the last {@code trainWindow}
 * observations before D, started as in the fit; paths then take one GARCH step per trading day (weekday),
 * and a weekend day repeats the previous price.
 */
public final class GarchModel implements ForecastModel {
    private final int trainWindow;

    public GarchModel(int trainWindow) {
        if (trainWindow <= Garch.MIN_RETURNS) {
            throw new IllegalArgumentException("train-window must be more than " + Garch.MIN_RETURNS
                    + " observations, got " + trainWindow);
        }
        this.trainWindow = trainWindow;
    }

    @Override
    public ModelState fit(MarketSeries training) {
        return new State(Garch.fit(returns(training)));
    }

    @Override
    public Reads fitReads() {
        return Reads.closes(trainWindow);
    }

    /** The variance filter runs over the same window before D. */
    @Override
    public Reads forecastReads() {
        return fitReads();
    }

    @Override
    public ModelState restore(Map<String, Double> parameters) {
        return new State(GarchParams.fromMap(parameters));
    }

    /** The log returns between the last {@code trainWindow} observations. */
    private double[] returns(MarketSeries series) {
        return Windows.returns(series, trainWindow - 1);
    }

    private final class State implements ModelState {
        private final GarchParams params;

        State(GarchParams params) {
            this.params = params;
        }

        @Override
        public Map<String, Double> parameters() {
            return params.toMap();
        }

        /** Path by path, so the first n paths do not depend on how many are drawn. */
        @Override
        public void simulate(MarketSeries history, LocalDate start, Rng rng, float[][] out) {
            double h0 = Garch.nextVariance(params, returns(history));
            double logStart = StrictMath.log(history.lastClose());
            int days = out[0].length;
            boolean[] trading = new boolean[days];
            for (int k = 0; k < days; k++) {
                trading[k] = TradingDays.isTradingDay(start.plusDays(k));
            }
            for (float[] path : out) {
                double h = h0;
                double logPrice = logStart;
                float price = (float) history.lastClose();
                for (int k = 0; k < days; k++) {
                    if (trading[k]) {
                        double e = Math.sqrt(h) * StudentT.draw(rng, params.shape());
                        logPrice += params.mu() + e;
                        price = (float) StrictMath.exp(logPrice);
                        h = params.next(h, e);
                    }
                    path[k] = price;
                }
            }
        }
    }
}
