package hindcast.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-computed cases, the naive definitions and the normal closed form, against the sorted-sample scores. */
class SampleScoresTest {
    private static double[] normal(double mu, double sigma, int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mu + sigma * rng.nextGaussian();
        }
        return SampleScores.sorted(x);
    }

    private static double[] uniform(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
        }
        return SampleScores.sorted(x);
    }

    /** The definition, O(n^2): (1/n) sum |x_i - y| - 1/(2 n^2) sum_i sum_j |x_i - x_j|. */
    private static double naiveCrps(double[] x, double y) {
        int n = x.length;
        double absError = 0;
        double pairs = 0;
        for (double xi : x) {
            absError += Math.abs(xi - y);
            for (double xj : x) {
                pairs += Math.abs(xi - xj);
            }
        }
        return absError / n - pairs / (2.0 * n * n);
    }

    /** integral (F_n(x) - 1{x >= y})^2 dx, exactly: both step functions are constant between the points. */
    private static double integralCrps(double[] sorted, double y) {
        int n = sorted.length;
        double[] points = Arrays.copyOf(sorted, n + 1);
        points[n] = y;
        Arrays.sort(points);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double a = points[k];
            int atOrBelow = 0;
            for (double x : sorted) {
                atOrBelow += x <= a ? 1 : 0;
            }
            double d = (double) atOrBelow / n - (a >= y ? 1 : 0);
            sum += d * d * (points[k + 1] - a);
        }
        return sum;
    }

    @Test
    void crpsOfSmallCasesByHand() {
        double[] x = {1, 2, 3};
        // sum_i sum_j |x_i - x_j| = 2 (1 + 2 + 1) = 8, so 1/(2 * 9) * 8 = 4/9.
        assertEquals(2.0 / 3 - 4.0 / 9, SampleScores.crps(x, 2), 1e-15);
        assertEquals(2.0 / 9, SampleScores.crps(x, 2), 1e-15);
        // y beyond every sample: |mean - y| less the same spread term.
        assertEquals(98 - 4.0 / 9, SampleScores.crps(x, 100), 1e-12);
        assertEquals(102 - 4.0 / 9, SampleScores.crps(x, -100), 1e-12);
        // One sample: the absolute error. All samples equal: the same.
        assertEquals(2.5, SampleScores.crps(new double[] {7}, 4.5), 0);
        assertEquals(2.5, SampleScores.crps(new double[] {7, 7, 7, 7}, 9.5), 0);
        assertEquals(0, SampleScores.crps(new double[] {7}, 7), 0);
    }

    @Test
    void linearCrpsEqualsTheDoubleSumAndTheIntegral() {
        Rng rng = new Rng(99);
        for (int n : new int[] {1, 2, 5, 64, 257}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // Half the values rounded, so there are ties.
                double v = 50 + 10 * rng.nextGaussian();
                x[i] = i % 2 == 0 ? Math.rint(v) : v;
            }
            double[] sorted = SampleScores.sorted(x);
            for (double y : new double[] {50, 43.25, 61, x[0], 0, 120}) {
                double naive = naiveCrps(x, y);
                String where = "n=" + n + " y=" + y;
                assertEquals(naive, SampleScores.crps(sorted, y), 1e-12 * Math.max(1, naive), where);
                assertEquals(naive, integralCrps(sorted, y), 1e-12 * Math.max(1, naive), where);
            }
        }
    }

    @Test
    void crpsOfNormalSamplesConvergesToTheClosedForm() {
        // {mu, sigma, y, tolerance / sigma}. The estimator's standard error at n = 20,000 is
        // sd(|X - y| - E'|X - X'|) / sqrt(n) = 0.0016, 0.0036, 0.0076 sigma at z = 0, 0.6, -3, and its bias
        // sigma / (n sqrt(pi)) = 3e-5 sigma; each tolerance is about 4 standard errors.
        double[][] cases = {{0, 1, 0, 0.007}, {100, 5, 103, 0.015}, {-2, 0.3, -2.9, 0.03}};
        long seed = 1;
        for (double[] c : cases) {
            double mu = c[0];
            double sigma = c[1];
            double y = c[2];
            double[] x = normal(mu, sigma, 20_000, seed++);
            assertEquals(NormalCrps.crps(mu, sigma, y), SampleScores.crps(x, y), c[3] * sigma,
                    "mu=" + mu + " sigma=" + sigma + " y=" + y);
        }
    }

    @Test
    void sortedCopiesAndSortsWithoutTouchingTheInput() {
        float[] f = {3f, 1.5f, 2f};
        double[] d = {3, 1.5, 2};
        assertArrayEquals(new double[] {1.5, 2, 3}, SampleScores.sorted(f));
        assertArrayEquals(new double[] {1.5, 2, 3}, SampleScores.sorted(d));
        assertArrayEquals(new float[] {3f, 1.5f, 2f}, f);
        assertArrayEquals(new double[] {3, 1.5, 2}, d);
    }

    @Test
    void quantileIsNumpyType7() {
        // np.quantile([1, 2, 4, 8, 16], [0, .1, .3, .5, .9, 1]) = [1, 1.4, 2.4, 4, 12.8, 16]
        double[] x = {1, 2, 4, 8, 16};
        assertEquals(1, SampleScores.quantile(x, 0), 0);
        assertEquals(1.4, SampleScores.quantile(x, 0.1), 1e-12);
        assertEquals(2.4, SampleScores.quantile(x, 0.3), 1e-12);
        assertEquals(4, SampleScores.quantile(x, 0.5), 0);
        assertEquals(12.8, SampleScores.quantile(x, 0.9), 1e-12);
        assertEquals(16, SampleScores.quantile(x, 1), 0);
        // np.quantile([10, 20, 30, 40], [.25, .5]) = [17.5, 25]
        assertEquals(17.5, SampleScores.quantile(new double[] {10, 20, 30, 40}, 0.25), 1e-12);
        assertEquals(25, SampleScores.quantile(new double[] {10, 20, 30, 40}, 0.5), 1e-12);
        assertEquals(7, SampleScores.quantile(new double[] {7}, 0.3), 0);
        assertThrows(IllegalArgumentException.class, () -> SampleScores.quantile(x, 1.01));
        assertThrows(IllegalArgumentException.class, () -> SampleScores.quantile(x, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SampleScores.quantile(new double[0], 0.5));
    }

    @Test
    void pinballWeighsEachSideByItsLevel() {
        double[] x = {1, 2, 4, 8, 16};
        // q(0.9) = 12.8: under-forecast costs 0.9 per unit, over-forecast 0.1.
        assertEquals((20 - 12.8) * 0.9, SampleScores.pinball(x, 20, 0.9), 1e-12);
        assertEquals(12.8 * 0.1, SampleScores.pinball(x, 0, 0.9), 1e-12);
        assertEquals(0, SampleScores.pinball(x, 12.8, 0.9), 1e-12);
        double[] s = normal(3, 2, 1001, 5);
        double median = SampleScores.quantile(s, 0.5);
        for (double y : new double[] {-4, 0, 3, median, 5.5, 11}) {
            assertEquals(0.5 * Math.abs(y - median), SampleScores.pinball(s, y, 0.5), 1e-12, "y=" + y);
        }
    }

    @Test
    void pitCountsTiesHalf() {
        // Ten samples at the decile midpoints 0.05, ..., 0.95: with ties halved the PIT is y itself at every
        // sample and halfway between samples.
        double[] grid = new double[10];
        for (int i = 0; i < 10; i++) {
            grid[i] = (i + 0.5) / 10;
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(grid[i], SampleScores.pit(grid, grid[i]), 1e-12);
            assertEquals(i / 10.0, SampleScores.pit(grid, i / 10.0), 1e-12);
        }
        assertEquals(0, SampleScores.pit(grid, -1), 0);
        assertEquals(1, SampleScores.pit(grid, 2), 0);
        assertEquals(0.5, SampleScores.pit(new double[] {1, 2, 2, 2, 3}, 2), 0);
        assertEquals(0.5, SampleScores.pit(new double[] {4, 4, 4}, 4), 0);
    }

    @Test
    void pitOfUniformSamplesIsY() {
        // Standard error sqrt(y (1 - y) / n) <= 0.0036 at n = 20,000.
        double[] u = uniform(20_000, 17);
        for (double y : new double[] {0.01, 0.1, 0.25, 0.5, 0.8, 0.99}) {
            assertEquals(y, SampleScores.pit(u, y), 0.015, "y=" + y);
        }
    }

    @Test
    void coverageOfTheCentralInterval() {
        double[] x = {1, 2, 4, 8, 16};
        // level 0.8: [q(0.1), q(0.9)] = [1.4, 12.8], bounds included.
        assertTrue(SampleScores.covers(x, 1.4, 0.8));
        assertTrue(SampleScores.covers(x, 12.8, 0.8));
        assertFalse(SampleScores.covers(x, 1.39, 0.8));
        assertFalse(SampleScores.covers(x, 12.81, 0.8));
        assertEquals(11.4, SampleScores.width(x, 0.8), 1e-12);
        // level 1 is [min, max]; level 0 the median alone.
        assertTrue(SampleScores.covers(x, 16, 1));
        assertFalse(SampleScores.covers(x, 16.001, 1));
        assertEquals(15, SampleScores.width(x, 1), 0);
        assertTrue(SampleScores.covers(x, 4, 0));
        assertFalse(SampleScores.covers(x, 4.001, 0));
        assertEquals(0, SampleScores.width(x, 0), 0);
        // One sample: an interval of width 0 that covers only itself. NaN is never covered.
        assertTrue(SampleScores.covers(new double[] {5}, 5, 0.9));
        assertFalse(SampleScores.covers(new double[] {5}, 5.0001, 0.9));
        assertEquals(0, SampleScores.width(new double[] {5}, 0.9), 0);
        assertFalse(SampleScores.covers(x, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleScores.covers(x, 3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> SampleScores.width(x, -0.1));
        // N(0, 2): the 95% interval is +-1.959964 sigma; each end has standard error
        // sqrt(0.975 * 0.025 / n) / phi(1.96) sigma = 0.019 sigma at n = 20,000, the width about 0.027 sigma.
        assertEquals(2 * 1.959964 * 2, SampleScores.width(normal(0, 2, 20_000, 3), 0.95), 0.1 * 2);
    }
}
