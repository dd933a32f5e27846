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
 * that end state, one step per trading day (weekday); future covariates persist at their value on the last
 * observation before D.
 */
public final class SarimaxModel implements ForecastModel {
    private final SarimaxOrder order;
    private final List<String> exog;
    private final int trainWindow;

    public SarimaxModel(SarimaxOrder order, List<String> exog, int trainWindow) {
        this.order = order;
        this.exog = List.copyOf(exog);
        this.trainWindow = trainWindow;
    }

    @Override
    public ModelState fit(MarketSeries training) {
        MarketSeries window = trainWindow > 0 ? training.last(trainWindow) : training;
        double[] y = window.closes();
        double[][] x = window.covariateRows(exog);
        return new State((order == null ? AutoOrder.select(y, x) : Sarimax.fit(order, y, x)).params(), exog);
    }

    @Override
    public ModelState restore(Map<String, Double> parameters) {
        return new State(SarimaxParams.fromMap(parameters), exog);
    }

    private record State(SarimaxParams params, List<String> exog) implements ModelState {
        @Override
        public Map<String, Double> parameters() {
            return params.toMap();
        }

        @Override
        public void simulate(MarketSeries history, LocalDate start, Rng rng, float[][] out) {
            double[][] x = history.covariateRows(exog);
            FilteredState end = Sarimax.filter(params, history.closes(), x);
            int days = out[0].length;
            int steps = 0;
            for (int k = 0; k < days; k++) {
                steps += TradingDays.isTradingDay(start.plusDays(k)) ? 1 : 0;
            }
            double[][] futureX = new double[steps][];
            for (int h = 0; h < steps; h++) {
                futureX[h] = x[x.length - 1]; // persist the last observed covariates
            }
            double[][] sims = steps == 0 ? new double[out.length][0] : end.simulate(out.length, futureX, rng);
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
}
