package hindcast.model.garch;

import hindcast.model.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The unit-variance t: log Gamma, density, and draws that follow it, deterministically. */
class StudentTTest {

    @Test
    void logGammaMatchesKnownValues() {
        assertEquals(0, StudentT.logGamma(1), 1e-14);
        assertEquals(0, StudentT.logGamma(2), 1e-14);
        assertEquals(0.5 * Math.log(Math.PI), StudentT.logGamma(0.5), 1e-14);
        assertEquals(Math.log(24), StudentT.logGamma(5), 1e-13);
        assertEquals(Math.log(Math.sqrt(Math.PI) * 654729075 / 1024), StudentT.logGamma(10.5), 1e-12); // (19)!!/2^10
        assertEquals(359.13420536957540, StudentT.logGamma(100), 1e-10); // log(99!)
    }

    /** The density integrates to 1 with mean 0 and variance 1 (Simpson's rule on [-400, 400]). */
    @Test
    void theDensityHasUnitVariance() {
        for (double nu : new double[]{4.5, 8}) {
            double h = 0.001;
            int n = 800_000;
            double mass = 0;
            double variance = 0;
            for (int i = 0; i <= n; i++) {
                double z = -400 + i * h;
                double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
                double f = Math.exp(StudentT.logDensity(z, nu));
                mass += w * f;
                variance += w * z * z * f;
            }
            assertEquals(1, mass * h / 3, 1e-6, "mass, nu " + nu);
            assertEquals(1, variance * h / 3, 1e-4, "variance, nu " + nu);
        }
    }

    /**
     * 200,000 draws with nu = 5: the share below each of -2, -1, 0, 1, 2 is the density's integral within 4.5
     * binomial standard errors, and the sample variance is 1 within 0.03 (about 5 standard errors: the fourth
     * moment of t(5) is finite, the excess kurtosis 6).
     */
    @Test
    void drawsFollowTheDensity() {
        double nu = 5;
        int n = 200_000;
        double[] x = new double[n];
        Rng rng = new Rng(7);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            x[i] = StudentT.draw(rng, nu);
            ss += x[i] * x[i];
        }
        assertEquals(1, ss / n, 0.03, "variance");
        for (double q : new double[]{-2, -1, 0, 1, 2}) {
            double p = cdf(q, nu);
            long below = java.util.Arrays.stream(x).filter(v -> v < q).count();
            assertEquals(p, (double) below / n, 4.5 * Math.sqrt(p * (1 - p) / n), "P(T < " + q + ")");
        }
    }

    @Test
    void gammaDrawsHaveTheirShapeAsMeanAndVariance() {
        for (double shape : new double[]{1, 2.5, 6}) {
            Rng rng = new Rng(3);
            int n = 100_000;
            double s = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double g = StudentT.gamma(rng, shape);
                s += g;
                ss += g * g;
            }
            double mean = s / n;
            assertEquals(shape, mean, 5 * Math.sqrt(shape / n), "mean, shape " + shape);
            assertEquals(shape, ss / n - mean * mean, 0.05 * shape, "variance, shape " + shape);
        }
    }

    @Test
    void theSameRngStateGivesTheSameDraws() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Double.doubleToLongBits(StudentT.draw(a, 3.7)), Double.doubleToLongBits(StudentT.draw(b, 3.7)));
        }
    }

    @Test
    void degreesOfFreedomMustLeaveAVariance() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.draw(new Rng(1), 2));
        assertThrows(IllegalArgumentException.class, () -> StudentT.draw(new Rng(1), Double.NaN));
    }

    /** P(T < q) by Simpson's rule from -400 (the mass below, about 1e-11 for nu = 5, is negligible). */
    private static double cdf(double q, double nu) {
        int n = 2 * (int) Math.ceil((q + 400) / 0.002);
        double h = (q + 400) / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            s += w * Math.exp(StudentT.logDensity(-400 + i * h, nu));
        }
        return s * h / 3;
    }
}
