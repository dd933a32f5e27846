package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.MarketSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;

class ForestTest {
    private static final XgbFeatures FEATURES =
            new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of(Synthetic.COVARIATE));

    /**
     * Every row of a training window, some with the covariate missing so that trees learn default directions,
     * gets from the forest exactly the float XGBoost predicts.
     */
    @Test
    void predictsTheBoostersBits() {
        MarketSeries series = Synthetic.series(1500, 11);
        double[] temp = Synthetic.covariates(series, 12).get(Synthetic.COVARIATE).clone();
        for (int i = 0; i < temp.length; i += 3) {
            temp[i] = Double.NaN;
        }
        Map<String, double[]> cov = Map.of(Synthetic.COVARIATE, temp);
        XgbFit fit = new XgbTrainer(FEATURES, XgbParams.defaults()).fit(series, cov, series.date(1200));
        XgbFeatures.Rows rows = FEATURES.rows(series, cov);

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

    /**
     * A forest with the calendar and covariate fixed, on rows holding only the path features, predicts exactly
     * what the full forest predicts on the full rows: for a present and for a missing covariate.
     */
    @Test
    void fixingTheSharedFeaturesKeepsEveryBit() {
        MarketSeries series = Synthetic.series(1500, 11);
        Map<String, double[]> cov = Synthetic.covariates(series, 12);
        XgbFit fit = new XgbTrainer(FEATURES, XgbParams.defaults()).fit(series, cov, series.date(1200));
        Forest forest = Boosters.forest(fit.booster());
        XgbFeatures.Rows rows = FEATURES.rows(series, cov);
        int width = rows.width();
        int first = FEATURES.pathWidth();
        for (int from : new int[] {300, 1000}) {
            for (float covariate : new float[] {rows.x()[from * width + width - 1], Float.NaN}) {
                float[] fixed = Arrays.copyOfRange(rows.x(), from * width + first, (from + 1) * width);
                fixed[fixed.length - 1] = covariate;
                float[] full = rows.x().clone();
                float[] narrow = new float[rows.count() * first];
                for (int i = 0; i < rows.count(); i++) {
                    System.arraycopy(fixed, 0, full, i * width + first, fixed.length);
                    System.arraycopy(rows.x(), i * width, narrow, i * first, first);
                }
                float[] expected = new float[rows.count()];
                forest.predict(full, rows.count(), width, expected);
                float[] actual = new float[rows.count()];
                forest.given(first, fixed).predict(narrow, rows.count(), first, actual);
                for (int i = 0; i < rows.count(); i++) {
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                            "row " + i + " with the shared features of row " + from + ", covariate " + covariate);
                }
            }
        }
    }
}
