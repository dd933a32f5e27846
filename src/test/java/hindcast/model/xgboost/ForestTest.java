package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.MarketSeries;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;

class ForestTest {
    /**
     * Every row of a training window, some with the covariate missing so that trees learn default directions,
     * gets from the forest exactly the float XGBoost predicts.
     */
    @Test
    void predictsTheBoostersBits() {
        XgbFeatures features = new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of(Synthetic.COVARIATE));
        MarketSeries series = Synthetic.series(1500, 11);
        double[] temp = Synthetic.covariates(series, 12).get(Synthetic.COVARIATE).clone();
        for (int i = 0; i < temp.length; i += 3) {
            temp[i] = Double.NaN;
        }
        Map<String, double[]> cov = Map.of(Synthetic.COVARIATE, temp);
        XgbFit fit = new XgbTrainer(features, XgbParams.defaults()).fit(series, cov, series.date(1200));
        XgbFeatures.Rows rows = features.rows(series, cov);

        Booster booster = Boosters.load(fit.booster());
        float[] expected;
        try {
            expected = Boosters.predict(booster, rows.x(), rows.count(), rows.width());
        } finally {
            booster.dispose();
        }
        float[] actual = new float[rows.count()];
        Boosters.forest(fit.booster()).predict(rows.x(), rows.count(), rows.width(), actual);

        int missing = 0;
        for (int i = 0; i < rows.count(); i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), "row " + i);
            missing += Float.isNaN(rows.x()[(i + 1) * rows.width() - 1]) ? 1 : 0;
        }
        assertTrue(missing > 400, missing + " rows with a missing covariate");
    }
}
