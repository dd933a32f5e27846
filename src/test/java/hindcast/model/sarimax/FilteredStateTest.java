package hindcast.model.sarimax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Monte Carlo paths from the end of a series against the analytic forecast distribution. */
class FilteredStateTest {
    private static final double Z90 = 1.2815515655446004;

    private static FilteredState golden111() {
        Golden.Case c = Golden.CASES.get(0);
        assertEquals(new SarimaxOrder(1, 1, 1), c.params().order());
        return Sarimax.filter(c.params(), Golden.yFit(), Golden.xFit());
    }

    @Test
    void pathsHaveTheForecastMeanAndQuantiles() {
        FilteredState end = golden111();
        double[][] future = Golden.xFuture();
        double[] mean = end.mean(future);
        double[] var = end.variance(future.length);
        int n = 100_000;
        double[][] paths = end.simulate(n, future, new Rng(7));
        double[] column = new double[n];
        for (int h = 0; h < future.length; h++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                column[i] = paths[i][h];
                sum += column[i];
            }
            Arrays.sort(column);
            double sd = Math.sqrt(var[h]);
            String where = "h=" + (h + 1);
            // Standard errors: sd / sqrt(n) for the mean, about 1.8 sd / sqrt(n) for the 10% and 90% quantiles.
            assertEquals(mean[h], sum / n, 5 * sd / Math.sqrt(n), where);
            assertEquals(mean[h] - Z90 * sd, column[(int) (0.10 * n)], 10 * sd / Math.sqrt(n), where);
            assertEquals(mean[h] + Z90 * sd, column[(int) (0.90 * n)], 10 * sd / Math.sqrt(n), where);
        }
    }

    @Test
    void spreadGrowsWithTheHorizon() {
        FilteredState end = golden111();
        double[] var = end.variance(14);
        double[][] paths = end.simulate(2000, Golden.xFuture(), new Rng(1));
        double previous = 0;
        for (int h = 0; h < 14; h++) {
            assertTrue(var[h] > (h == 0 ? 0 : var[h - 1]), "analytic variance grows at h=" + (h + 1));
            double s = 0;
            double ss = 0;
            for (double[] path : paths) {
                s += path[h];
                ss += path[h] * path[h];
            }
            double sampleVar = ss / paths.length - (s / paths.length) * (s / paths.length);
            assertTrue(sampleVar > previous, "sample variance grows at h=" + (h + 1));
            previous = sampleVar;
        }
        assertTrue(var[13] > 10 * var[0], "an integrated model's 14-day variance dwarfs the 1-day one");
    }

    @Test
    void sameSeedSamePaths() {
        FilteredState end = golden111();
        double[][] a = end.simulate(500, Golden.xFuture(), new Rng(99));
        double[][] b = golden111().simulate(500, Golden.xFuture(), new Rng(99));
        double[][] c = end.simulate(500, Golden.xFuture(), new Rng(100));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertTrue(a[0][0] != c[0][0], "another seed, other paths");
    }

    @Test
    void stationaryModelWithoutRegressorsRevertsToZeroWithBoundedSpread() {
        SarimaxParams ar1 = new SarimaxParams(new SarimaxOrder(1, 0, 0), new double[0], new double[] {0.5},
                new double[0], 4.0);
        double[] y = {0, 1, 2, 3, 8};
        FilteredState end = Sarimax.filter(ar1, y, new double[y.length][0]);
        double[] mean = end.mean(new double[3][0]);
        assertArrayEquals(new double[] {4, 2, 1}, mean, 1e-12);
        double[] var = end.variance(40);
        assertEquals(4.0, var[0], 1e-12);
        assertEquals(4.0 / (1 - 0.25), var[39], 1e-9); // the unconditional variance
    }
}
