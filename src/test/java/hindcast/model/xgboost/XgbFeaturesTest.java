package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.MarketSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XgbFeaturesTest {
    private static final XgbFeatures FEATURES =
            new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of(Synthetic.COVARIATE));

    /**
     * The old model's features contained the target. Here, changing day t's close and covariate changes the
     * target of row t but not one value of row t or of any earlier row: no row can compute its own target.
     */
    @Test
    void aRowNeverSeesItsOwnDay() {
        MarketSeries series = Synthetic.series(200, 1);
        Map<String, double[]> cov = Synthetic.covariates(series, 2);
        XgbFeatures.Rows before = FEATURES.rows(series, cov);
        int width = FEATURES.width();
        for (int t : new int[] {FEATURES.lookback(), 57, 120, 199}) {
            double[] temp = cov.get(Synthetic.COVARIATE).clone();
            temp[t] += 10;
            XgbFeatures.Rows after = FEATURES.rows(Synthetic.withClose(series, t, 1.3), Map.of(Synthetic.COVARIATE, temp));
            int row = t - FEATURES.lookback();
            assertArrayEquals(Arrays.copyOf(before.x(), (row + 1) * width), Arrays.copyOf(after.x(), (row + 1) * width),
                    "rows up to target " + t);
            assertArrayEquals(Arrays.copyOf(before.y(), row), Arrays.copyOf(after.y(), row));
            assertNotEquals(before.y()[row], after.y()[row], "the perturbation moves the target itself");
            if (row + 1 < before.count()) {
                assertFalse(Arrays.equals(before.x(), (row + 1) * width, (row + 2) * width,
                        after.x(), (row + 1) * width, (row + 2) * width), "the next day's row does see it");
            }
        }
    }

    @Test
    void rowValuesMatchTheirDefinitions() {
        MarketSeries series = Synthetic.series(60, 3);
        Map<String, double[]> cov = Synthetic.covariates(series, 4);
        XgbFeatures features = new XgbFeatures(new int[] {1, 3}, new int[] {5}, List.of(Synthetic.COVARIATE));
        XgbFeatures.Rows rows = features.rows(series, cov);
        assertEquals(6, features.lookback());
        assertEquals(series.size() - 6, rows.count());
        assertEquals(9, features.width());

        int t = 40;
        int o = (t - features.lookback()) * features.width();
        float[] row = Arrays.copyOfRange(rows.x(), o, o + features.width());
        double[] ret = new double[series.size()];
        for (int i = 1; i < ret.length; i++) {
            ret[i] = Math.log(series.close(i) / series.close(i - 1));
        }
        double mean = (ret[35] + ret[36] + ret[37] + ret[38] + ret[39]) / 5;
        double ss = 0;
        double meanLog = 0;
        for (int j = 35; j < 40; j++) {
            ss += (ret[j] - mean) * (ret[j] - mean);
            meanLog += Math.log(series.close(j)) / 5;
        }
        assertEquals(ret[39], row[0], 1e-6);
        assertEquals(ret[37], row[1], 1e-6);
        assertEquals(mean, row[2], 1e-6);
        assertEquals(Math.sqrt(ss / 4), row[3], 1e-6);
        assertEquals(Math.log(series.close(39)) - meanLog, row[4], 1e-6);
        assertEquals(series.date(t).getDayOfWeek().getValue(), row[5]);
        assertEquals(series.date(t).getMonthValue(), row[6]);
        assertEquals(series.date(t).getDayOfYear(), row[7]);
        assertEquals((float) cov.get(Synthetic.COVARIATE)[t - 1], row[8]);
        assertEquals(ret[t], rows.y()[t - features.lookback()], 1e-6);
    }

    /**
     * Paths that share their first log closes: path features summed on from the shared head's sums, taken from
     * another path, are the very floats of rows computed from scratch, for windows inside, across and past it;
     * for rows filled together, in groups and a partial last group, each row is its path's.
     */
    @Test
    void windowSumsContinuedFromASharedHeadKeepEveryBit() {
        MarketSeries series = Synthetic.series(80, 6);
        int common = FEATURES.lookback();
        int paths = 11;
        double[] first = new double[series.size()];
        double[][] others = new double[paths][series.size()];
        for (int i = 0; i < first.length; i++) {
            first[i] = Math.log(series.close(i));
            for (int p = 0; p < paths; p++) {
                others[p][i] = i < common ? first[i] : first[i] + 0.01 * Math.sin(i * (p + 1));
            }
        }
        // Rows in another order than the paths, one path twice.
        int[] pathOf = {3, 0, 10, 1, 2, 4, 5, 6, 7, 8, 9, 3};
        int width = FEATURES.pathWidth();
        int stride = width + 2;
        for (int t = common; t < series.size(); t++) {
            double[] heads = FEATURES.heads(first, t, common);
            float[] actual = new float[1 + pathOf.length * stride];
            FEATURES.fillPaths(others, pathOf, pathOf.length, t, common, heads, actual, 1, stride);
            for (int r = 0; r < pathOf.length; r++) {
                float[] expected = new float[FEATURES.width()];
                FEATURES.fill(others[pathOf[r]], t, series.date(t), new float[1], expected, 0);
                for (int f = 0; f < width; f++) {
                    assertEquals(Float.floatToIntBits(expected[f]), Float.floatToIntBits(actual[1 + r * stride + f]),
                            "t " + t + ", row " + r + ", feature " + f);
                }
            }
        }
    }

    @Test
    void aMissingCovariateIsNamed() {
        MarketSeries series = Synthetic.series(60, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FEATURES.rows(series, Map.of("vix", new double[60])));
        assertTrue(e.getMessage().contains("'" + Synthetic.COVARIATE + "'"), e.getMessage());
    }

    @Test
    void defaultsAndBadConfigurations() {
        assertEquals(31, XgbFeatures.defaults().lookback());
        assertEquals(3 + 2 * 3 + 3, XgbFeatures.defaults().width());
        assertThrows(IllegalArgumentException.class, () -> new XgbFeatures(new int[] {0}, new int[] {7}, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new XgbFeatures(new int[] {}, new int[] {7}, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new XgbFeatures(new int[] {1}, new int[] {1}, List.of()));
    }
}
