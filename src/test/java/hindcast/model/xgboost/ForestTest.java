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
     * Every row of a training window gets from the forest exactly the float XGBoost predicts: rows with no
     * missing value (the walk on order keys) and rows of which some miss the covariate, so that trees learn
     * default directions (the walk that checks for NaN).
     */
    @Test
    void predictsTheBoostersBits() {
        MarketSeries series = Synthetic.series(1500, 11);
        double[] temp = Synthetic.covariates(series, 12).get(Synthetic.COVARIATE);
        double[] gappy = temp.clone();
        for (int i = 0; i < gappy.length; i += 3) {
            gappy[i] = Double.NaN;
        }
        Map<String, double[]> cov = Map.of(Synthetic.COVARIATE, gappy);
        XgbFit fit = new XgbTrainer(FEATURES, XgbParams.defaults()).fit(series, cov, series.date(1200));
        Forest forest = Boosters.forest(fit.booster());
        Booster booster = Boosters.load(fit.booster());
        try {
            for (double[] covariate : List.of(temp, gappy)) {
                XgbFeatures.Rows rows = FEATURES.rows(series, Map.of(Synthetic.COVARIATE, covariate));
                float[] expected = Boosters.predict(booster, rows.x(), rows.count(), rows.width());
                float[] actual = new float[rows.count()];
                forest.predict(rows.x(), 0, rows.count(), rows.width(), actual, new int[rows.x().length]);
                int missing = 0;
                for (int i = 0; i < rows.count(); i++) {
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), "row " + i);
                    missing += Float.isNaN(rows.x()[(i + 1) * rows.width() - 1]) ? 1 : 0;
                }
                assertTrue(covariate == temp ? missing == 0 : missing > 400,
                        missing + " rows with a missing covariate");
            }
        } finally {
            booster.dispose();
        }
    }

    /**
     * Blocks of training rows, long and short, given the calendar and covariate of their first row (present or
     * missing) and the bounds of their path features: the forest given those bounds, on rows holding only the
     * path features, predicts exactly what the full forest predicts on the full rows. A short block's narrow
     * bounds decide many path splits too; a block with a path feature missing in one row decides none on it.
     */
    @Test
    void aForestGivenBoundsKeepsEveryBit() {
        MarketSeries series = Synthetic.series(1500, 11);
        Map<String, double[]> cov = Synthetic.covariates(series, 12);
        XgbFit fit = new XgbTrainer(FEATURES, XgbParams.defaults()).fit(series, cov, series.date(1200));
        Forest forest = Boosters.forest(fit.booster());
        XgbFeatures.Rows rows = FEATURES.rows(series, cov);
        int width = rows.width();
        int first = FEATURES.pathWidth();
        for (int from : new int[] {300, 1000}) {
            for (int count : new int[] {1, 20, rows.count() - from}) {
                for (boolean missing : new boolean[] {false, true}) {
                    float[] full = Arrays.copyOfRange(rows.x(), from * width, (from + count) * width);
                    float[] narrow = new float[count * first];
                    for (int i = 0; i < count; i++) {
                        System.arraycopy(full, 0, full, i * width + first, width - first);
                        if (missing) {
                            full[i * width + width - 1] = Float.NaN;
                        }
                        System.arraycopy(full, i * width, narrow, i * first, first);
                    }
                    if (missing && count > 1) {
                        full[width] = Float.NaN;
                        narrow[first] = Float.NaN;
                    }
                    float[] low = Arrays.copyOf(full, width);
                    float[] high = low.clone();
                    Forest.bounds(narrow, 0, count, first, low, high);
                    float[] expected = new float[count];
                    forest.predict(full, 0, count, width, expected, new int[full.length]);
                    float[] actual = new float[count];
                    forest.given(low, high).predict(narrow, 0, count, first, actual, new int[narrow.length]);
                    for (int i = 0; i < count; i++) {
                        assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                                "row " + i + " of " + count + " from " + from + (missing ? ", missing" : ""));
                    }
                }
            }
        }
    }
}
