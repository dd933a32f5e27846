package hindcast.model;

import hindcast.model.xgboost.XgbFeatures;
import hindcast.model.xgboost.XgbFit;
import hindcast.model.xgboost.XgbParams;
import hindcast.model.xgboost.XgbSimulator;
import hindcast.model.xgboost.XgbTrainer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * xgboost: gradient-boosted trees on the next trading day's log return, from features of data dated before
 * that day only ({@link XgbFeatures}); paths by recursive simulation with residuals bootstrapped from an
 * out-of-sample holdout ({@link XgbTrainer}, {@link XgbSimulator}). The fit is binary: the booster, the
 * residual pool and the feature settings go to {@code trained_models.state}.
 */
public final class XgboostModel implements ForecastModel {
    private final XgbFeatures features;
    private final XgbParams params;

    public XgboostModel(XgbFeatures features, XgbParams params) {
        this.features = features;
        this.params = params;
    }

    @Override
    public ModelState fit(MarketSeries training) {
        XgbFit fit = new XgbTrainer(features, params).fit(training,
                training.covariateColumns(features.covariates()), training.lastDate().plusDays(1));
        return new State(fit);
    }

    /** Every observation before T becomes a training row (after the feature lookback). */
    @Override
    public Reads fitReads() {
        return new Reads(Reads.ALL, features.covariates());
    }

    /** The paths start from the last lookback closes and the covariates of the last observation. */
    @Override
    public Reads forecastReads() {
        return new Reads(features.lookback(), features.covariates());
    }

    @Override
    public ModelState restore(Map<String, Double> parameters) {
        throw new IllegalArgumentException("an xgboost model needs its binary state (trained_models.state)");
    }

    @Override
    public ModelState restore(Map<String, Double> parameters, byte[] state) {
        if (state == null) {
            return restore(parameters);
        }
        return new State(XgbFit.fromBytes(state));
    }

    /** A fit; its simulator is built on first use. */
    private static final class State implements ModelState {
        private final XgbFit fit;
        private XgbSimulator simulator;

        State(XgbFit fit) {
            this.fit = fit;
        }

        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("training_rows", (double) fit.trainingRows());
            p.put("residuals", (double) fit.residuals().length);
            return p;
        }

        @Override
        public byte[] state() {
            return fit.toBytes();
        }

        @Override
        public void simulate(MarketSeries history, LocalDate start, Rng rng, float[][] out) {
            if (simulator == null) {
                simulator = new XgbSimulator(fit);
            }
            simulator.simulate(history, history.covariateColumns(fit.features().covariates()), start, rng, out);
        }
    }
}
