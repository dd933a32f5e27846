package hindcast.score;

import hindcast.model.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed cases, and the shift estimator against the exact O(n^2) mean distance. */
class PathScoreTest {
    private static final double NAN = Double.NaN;

    @Test
    void degenerateEnsembleScoresItsDistanceToTheRealisedPathOnTradingDays() {
        // Day 2 did not trade: its prices do not count. Relative to 100: (1.01, 1.03, 1.04) vs (1.00, 1.05, 1.01).
        float[] path = {101, 102, 103, 104};
        double[] realised = {100, NAN, 105, 101};
        PathScore s = PathScore.of(new float[][]{path, path.clone(), path.clone()}, realised, 100);
        assertEquals(3, s.tradingDays());
        assertEquals(Math.sqrt(0.01 * 0.01 + 0.02 * 0.02 + 0.03 * 0.03), s.energyScore(), 1e-12);
        // The outcome reaches 105 on day 3, no path does (103 there, 102 on the day that did not trade); none 95.
        assertEquals(0.0, s.pUp());
        assertTrue(s.hitUp());
        assertEquals(1.0, s.brierUp());
        assertEquals(0.0, s.pDown());
        assertFalse(s.hitDown());
        assertEquals(0.0, s.brierDown());
    }

    @Test
    void aPerfectlyKnownOutcomeScoresZero() {
        float[] path = {94, 97, 106, 100};
        double[] realised = {94, 97, 106, 100};
        PathScore s = PathScore.of(new float[][]{path, path.clone()}, realised, 100);
        assertEquals(0.0, s.energyScore(), 1e-15);
        assertEquals(0.0, s.brierUp());
        assertEquals(0.0, s.brierDown());
        assertTrue(s.hitUp() && s.hitDown());
    }

    @Test
    void barrierProbabilitiesCountPathsTouchingOnTradingDaysOnly() {
        double[] realised = {100, NAN, 96, 104};
        float[][] paths = {
                {100, 200, 100, 100}, // reaches 105 on the day that did not trade: no touch
                {105, 100, 100, 100}, // exactly +5%: a touch
                {100, 100, 94.9f, 106}, // both barriers
                {100, 100, 100, 95.1f}, // neither
        };
        PathScore s = PathScore.of(paths, realised, 100);
        assertEquals(0.5, s.pUp());
        assertEquals(0.25, s.pDown());
        assertFalse(s.hitUp());
        assertFalse(s.hitDown());
        assertEquals(0.25, s.brierUp(), 1e-15);
        assertEquals(0.0625, s.brierDown(), 1e-15);
        double[] crash = {100, NAN, 90, 104};
        PathScore down = PathScore.of(paths, crash, 100);
        assertTrue(down.hitDown());
        assertEquals(0.75 * 0.75, down.brierDown(), 1e-15);
    }

    @Test
    void energyScoreOfOneTradingDayIsTheCrpsOverTheLastClose() {
        Rng rng = new Rng(7);
        int n = 60; // at most 2 * SHIFTS + 1: every pair is counted
        float[][] paths = new float[n][3];
        float[] day = new float[n];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < 3; k++) {
                paths[p][k] = (float) (80 + 10 * rng.nextGaussian());
            }
            day[p] = paths[p][1];
        }
        PathScore s = PathScore.of(paths, new double[]{NAN, 83.5, NAN}, 80);
        assertEquals(SampleScores.crps(SampleScores.sorted(day), 83.5) / 80, s.energyScore(), 1e-12);
    }

    @Test
    void energyScoreMatchesItsDefinitionOnSmallEnsembles() {
        Rng rng = new Rng(11);
        int n = 40;
        float[][] paths = new float[n][5];
        for (float[] p : paths) {
            for (int k = 0; k < 5; k++) {
                p[k] = (float) (50 * Math.exp(0.05 * rng.nextGaussian()));
            }
        }
        double[] realised = {51, NAN, NAN, 49, 52};
        int[] days = {0, 3, 4};
        double toOutcome = 0;
        double pairs = 0;
        for (float[] a : paths) {
            double d = 0;
            for (int k : days) {
                d += Math.pow(a[k] / 50.0 - realised[k] / 50.0, 2);
            }
            toOutcome += Math.sqrt(d);
            for (float[] b : paths) {
                double e = 0;
                for (int k : days) {
                    e += Math.pow(a[k] / 50.0 - b[k] / 50.0, 2);
                }
                pairs += Math.sqrt(e);
            }
        }
        double exact = toOutcome / n - pairs / (2.0 * n * n);
        assertEquals(exact, PathScore.of(paths, realised, 50).energyScore(), 1e-12);
    }

    @Test
    void shiftEstimatorIsExactOnSmallEnsemblesAndCloseOnLargeOnes() {
        double[][] small = gaussianPaths(65, 10, 3);
        assertEquals(exactMeanDistance(small), PathScore.meanPairDistance(small), 1e-12);
        // 2,000 paths x 10 days as in production: 32 shifts (64,000 pairs) against all 3,998,000.
        for (long seed = 1; seed <= 3; seed++) {
            double[][] large = gaussianPaths(2000, 10, seed);
            double exact = exactMeanDistance(large);
            double estimate = PathScore.meanPairDistance(large);
            assertEquals(exact, estimate, 0.005 * exact, "seed " + seed);
            assertTrue(estimate != exact, "a subset of pairs, not all of them");
        }
        assertEquals(0.0, PathScore.meanPairDistance(new double[][]{{1, 2}}));
    }

    @Test
    void noTradingDayNoScore() {
        assertNull(PathScore.of(new float[][]{{1, 2}}, new double[]{NAN, NAN}, 1));
    }

    /** Paths of a random walk with 1% daily steps. */
    private static double[][] gaussianPaths(int n, int days, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][days];
        for (double[] p : x) {
            double v = 1;
            for (int k = 0; k < days; k++) {
                v *= Math.exp(0.01 * rng.nextGaussian());
                p[k] = v;
            }
        }
        return x;
    }

    /** The definition: the mean over all ordered pairs i != j. */
    private static double exactMeanDistance(double[][] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double d = 0;
                for (int k = 0; k < x[i].length; k++) {
                    d += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                }
                sum += Math.sqrt(d);
            }
        }
        return sum / ((double) x.length * (x.length - 1));
    }
}
