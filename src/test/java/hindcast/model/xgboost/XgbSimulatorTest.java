package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.MarketSeries;
import hindcast.model.Rng;
import java.time.DayOfWeek;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XgbSimulatorTest {
    private static final int PATHS = 2000;
    private static final int DAYS = 14;
    private static final int TRAIN_INDEX = 1200;
    private static final XgbFeatures FEATURES =
            new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of(Synthetic.COVARIATE));
    private static final MarketSeries SERIES = Synthetic.series(1500, 11);
    private static final Map<String, double[]> COV = Synthetic.covariates(SERIES, 12);

    private static XgbFit fit;
    private static XgbSimulator simulator;

    @BeforeAll
    static void train() {
        fit = new XgbTrainer(FEATURES, XgbParams.defaults()).fit(SERIES, COV, SERIES.date(TRAIN_INDEX));
        simulator = new XgbSimulator(fit);
    }

    /** Paths for forecast start {@code start}, from the series cut at start-1 as the backfill does. */
    private static float[][] paths(XgbSimulator sim, LocalDate start, long seed, int paths, int days) {
        float[][] out = new float[paths][days];
        sim.simulate(SERIES.cutAt(start.minusDays(1)), COV, start, new Rng(seed), out);
        return out;
    }

    @Test
    void pathsArePureFunctionsOfTheSeed() {
        LocalDate start = SERIES.date(1300);
        float[][] a = paths(simulator, start, 7, PATHS, DAYS);
        float[][] b = paths(simulator, start, 7, PATHS, DAYS);
        float[][] c = paths(simulator, start, 8, PATHS, DAYS);
        for (int p = 0; p < PATHS; p++) {
            assertArrayEquals(a[p], b[p]);
        }
        assertFalse(Arrays.equals(a[0], c[0]));
    }

    /**
     * Pins the exact paths (every float's bits) of a weekday and a weekend start: a speed-up of the simulator
     * must not change a single stored forecast. The digest was taken from the simulator before any tuning.
     */
    @Test
    void pathsAreBitIdenticalToThePinnedDigest() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer bits = ByteBuffer.allocate(4 * DAYS);
        for (LocalDate start : List.of(SERIES.date(1310), SERIES.date(1420).with(DayOfWeek.SATURDAY))) {
            for (float[] path : paths(simulator, start, start.toEpochDay(), PATHS, DAYS)) {
                bits.clear();
                for (float v : path) {
                    bits.putInt(Float.floatToIntBits(v));
                }
                sha.update(bits.array());
            }
        }
        assertEquals("eb5c2228eb3b2e32245916469a5acf89dcfbdf284a06ef54334118f857728ab5", HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void aRestoredFitGivesIdenticalPaths() {
        LocalDate start = SERIES.date(1350);
        float[][] original = paths(simulator, start, 3, PATHS, DAYS);
        float[][] again = paths(new XgbSimulator(XgbFit.fromBytes(fit.toBytes())), start, 3, PATHS, DAYS);
        for (int p = 0; p < PATHS; p++) {
            assertArrayEquals(original[p], again[p]);
        }
    }

    /** Changing any price or covariate dated on or after D leaves the forecast for D unchanged. */
    @Test
    void dataFromTheStartDateOnIsNeverUsed() {
        int d = 1400;
        LocalDate start = SERIES.date(d);
        float[][] before = paths(simulator, start, 5, 200, DAYS);
        double[] temp = COV.get(Synthetic.COVARIATE).clone();
        Arrays.fill(temp, d, temp.length, -40);
        MarketSeries changed = Synthetic.withClose(SERIES, d, 3.0);
        float[][] after = new float[200][DAYS];
        simulator.simulate(changed.cutAt(start.minusDays(1)), Map.of(Synthetic.COVARIATE, temp), start, new Rng(5),
                after);
        for (int p = 0; p < before.length; p++) {
            assertArrayEquals(before[p], after[p]);
        }
        assertThrows(IllegalArgumentException.class,
                () -> simulator.simulate(SERIES.cutAt(start), COV, start, new Rng(5), new float[1][DAYS]));
    }

    @Test
    void weekendsRepeatThePreviousPrice() {
        LocalDate saturday = SERIES.date(1300).with(DayOfWeek.SATURDAY);
        float[][] out = paths(simulator, saturday, 9, 50, DAYS);
        float lastClose = (float) SERIES.cutAt(saturday.minusDays(1)).lastClose();
        for (float[] path : out) {
            for (int k = 0; k < DAYS; k++) {
                DayOfWeek dow = saturday.plusDays(k).getDayOfWeek();
                boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
                float previous = k == 0 ? lastClose : path[k - 1];
                assertEquals(weekend, path[k] == previous, "day " + k + " (" + dow + ")");
            }
        }
    }

    @Test
    void spreadGrowsWithTheHorizon() {
        LocalDate monday = SERIES.date(1300).with(DayOfWeek.MONDAY);
        float[][] out = paths(simulator, monday, 1, PATHS, DAYS);
        double previous = 0;
        for (int k = 0; k < DAYS; k++) {
            DayOfWeek dow = monday.plusDays(k).getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                continue;
            }
            double sd = sdOfLog(out, k);
            assertTrue(sd > previous, "day " + k + ": sd " + sd + " after " + previous);
            previous = sd;
        }
        assertTrue(sdOfLog(out, DAYS - 1) > 2.5 * sdOfLog(out, 0), "10 trading steps against 1");
    }

    /** Step 1's paths are the booster's one-step prediction plus centred noise: their mean log return is it. */
    @Test
    void firstStepMeanIsTheOneStepPrediction() {
        int d = 1320;
        LocalDate start = SERIES.date(d);
        MarketSeries history = SERIES.cutAt(start.minusDays(1));
        XgbFeatures.Rows rows = FEATURES.rows(SERIES.cutAt(start), COV);
        float[] row = Arrays.copyOfRange(rows.x(), (d - FEATURES.lookback()) * FEATURES.width(),
                (d - FEATURES.lookback() + 1) * FEATURES.width());
        Booster booster = Boosters.load(fit.booster());
        float predicted;
        try {
            predicted = Boosters.predict(booster, row, 1, FEATURES.width())[0];
        } finally {
            booster.dispose();
        }
        float[][] out = paths(simulator, start, 4, PATHS, 1);
        double mean = 0;
        for (float[] path : out) {
            mean += Math.log(path[0] / history.lastClose()) / PATHS;
        }
        // Bootstrap error of the mean: pool sd ~0.012 / sqrt(2000) ~ 0.00027; allow four of them.
        assertEquals(predicted, mean, 0.0011);
    }

    /** Over the 300 days after T, the 95% interval of 1-step paths holds about 95% of realised closes. */
    @Test
    void oneStepIntervalsAreCalibratedOnTheHoldout() {
        int covered = 0;
        int days = 0;
        for (int d = TRAIN_INDEX; d < SERIES.size(); d++) {
            float[][] out = paths(simulator, SERIES.date(d), d, 1000, 1);
            float[] day = new float[out.length];
            for (int p = 0; p < out.length; p++) {
                day[p] = out[p][0];
            }
            Arrays.sort(day);
            double close = SERIES.close(d);
            if (close >= day[24] && close <= day[975]) {
                covered++;
            }
            days++;
        }
        // Sampling error alone: about 1.3 points from the 300 days, more from the 234-residual pool (over 8
        // synthetic series this check gave 0.90..0.97, mean 0.944); a pool of in-sample residuals or a
        // mis-centred one lands far outside.
        double coverage = covered / (double) days;
        assertTrue(coverage > 0.88 && coverage < 0.99, "95% coverage " + coverage + " over " + days + " days");
    }

    private static double sdOfLog(float[][] out, int k) {
        double mean = 0;
        for (float[] path : out) {
            mean += Math.log(path[k]) / out.length;
        }
        double ss = 0;
        for (float[] path : out) {
            ss += (Math.log(path[k]) - mean) * (Math.log(path[k]) - mean);
        }
        return Math.sqrt(ss / (out.length - 1));
    }
}
