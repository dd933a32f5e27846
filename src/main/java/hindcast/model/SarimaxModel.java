package hindcast.model;

import hindcast.model.sarimax.AutoOrder;
import hindcast.model.sarimax.FilteredState;
import hindcast.model.sarimax.Sarimax;
import hindcast.model.sarimax.SarimaxOrder;
import hindcast.model.sarimax.SarimaxParams;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * sarimax: regression of the trading-day close on covariates with ARIMA errors (see
 * {@link hindcast.model.sarimax.Sarimax}), fitted by maximum likelihood at T on the last {@code trainWindow}
 * observations before T; {@code order} null means a stepwise AIC search ({@link AutoOrder}). For a forecast
 * from D the parameters stay fixed, the Kalman filter runs through D-1, and paths are simulated forward from
 * that end state, one step per trading day (weekday), with covariates over the horizon from the
 * {@link ExogProjection}.
 * <p>
 * Noise: the model is on the price level, so its innovation variance, fitted over years, is too small
 * after prices have risen and too large after they have fallen. With {@code noiseWindow > 0} the forecast
 * variance is scaled by the mean standardised squared one-step error of the last {@code noiseWindow}
 * observations before D (1 when they behave as the fit expects), which keeps the intervals honest.
 */
public final class SarimaxModel implements ForecastModel {
    /** How covariates are projected over the forecast horizon; both use only data dated before D. */
    public enum ExogProjection {
        /** The last observed value before D. */
        PERSIST,
        /** The mean of the values on the same calendar day in each of the previous 3 years (as of that day). */
        SEASONAL
    }

    private static final int SEASONAL_YEARS = 3;

    private final SarimaxOrder order;
    private final List<String> exog;
    private final ExogProjection projection;
    private final int trainWindow;
    private final int noiseWindow;

    public SarimaxModel(SarimaxOrder order, List<String> exog, ExogProjection projection, int trainWindow,
                        int noiseWindow) {
        this.order = order;
        this.exog = List.copyOf(exog);
        this.projection = projection;
        this.trainWindow = trainWindow;
        this.noiseWindow = noiseWindow;
    }

    @Override
    public ModelState fit(MarketSeries training) {
        MarketSeries window = window(training);
        double[] y = window.closes();
        double[][] x = window.covariateRows(exog);
        return restore((order == null ? AutoOrder.select(y, x) : Sarimax.fit(order, y, x)).params());
    }

    /** The training window and its regressors (a window shortened by missing covariates lies inside it). */
    @Override
    public Reads fitReads() {
        return new Reads(trainWindow > 0 ? trainWindow : Reads.ALL, exog);
    }

    /** The filter runs through the same window before D; the seasonal projection looks back inside it. */
    @Override
    public Reads forecastReads() {
        return fitReads();
    }

    @Override
    public ModelState restore(Map<String, Double> parameters) {
        return restore(SarimaxParams.fromMap(parameters));
    }

    /**
     * The observations a fit at T, or the filter for a forecast from D, uses: the last {@code trainWindow}
     * before T (or D), shortened to the stretch where every regressor has a value (a weather file that starts
     * later than the prices shortens early windows instead of failing them).
     */
    private MarketSeries window(MarketSeries history) {
        return (trainWindow > 0 ? history.last(trainWindow) : history).withCovariatesPresent(exog);
    }

    private ModelState restore(SarimaxParams params) {
        return new State(params);
    }

    private final class State implements ModelState {
        private final SarimaxParams params;

        State(SarimaxParams params) {
            this.params = params;
        }

        @Override
        public Map<String, Double> parameters() {
            return params.toMap();
        }

        @Override
        public void simulate(MarketSeries all, LocalDate start, Rng rng, float[][] out) {
            MarketSeries history = window(all);
            double[][] x = history.covariateRows(exog);
            FilteredState end = Sarimax.filter(params, history.closes(), x, noiseWindow);
            if (noiseWindow > 0 && end.recentScale() > 0) {
                end = end.withVarianceScaled(end.recentScale());
            }
            int days = out[0].length;
            List<LocalDate> steps = TradingDays.between(start, days);
            double[][] futureX = new double[steps.size()][];
            for (int h = 0; h < futureX.length; h++) {
                futureX[h] = project(history, x, steps.get(h));
            }
            double[][] sims = futureX.length == 0 ? new double[out.length][0] : end.simulate(out.length, futureX, rng);
            float last = (float) history.lastClose();
            for (int p = 0; p < out.length; p++) {
                int h = 0;
                float price = last;
                for (int k = 0; k < days; k++) {
                    if (TradingDays.isTradingDay(start.plusDays(k))) {
                        price = (float) sims[p][h++];
                    }
                    out[p][k] = price;
                }
            }
        }
    }

    /** Covariates for the trading day {@code day} after the history ends, from rows x of the history. */
    private double[] project(MarketSeries history, double[][] x, LocalDate day) {
        double[] last = x[x.length - 1];
        if (projection == ExogProjection.PERSIST || exog.isEmpty()) {
            return last;
        }
        double[] mean = new double[exog.size()];
        int found = 0;
        for (int year = 1; year <= SEASONAL_YEARS; year++) {
            int i = history.indexOnOrBefore(day.minusYears(year));
            if (i < 0) {
                continue;
            }
            for (int j = 0; j < mean.length; j++) {
                mean[j] += x[i][j];
            }
            found++;
        }
        if (found == 0) {
            return last; // less than a year of history: nothing seasonal to average
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= found;
        }
        return mean;
    }
}
