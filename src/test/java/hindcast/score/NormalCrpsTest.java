package hindcast.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closed-form reference itself, so that agreeing with it means something. */
class NormalCrpsTest {
    @Test
    void phiMatchesTabulatedValues() {
        assertEquals(0.5, NormalCrps.cdf(0), 1e-7);
        assertEquals(0.975, NormalCrps.cdf(1.959964), 1e-7);
        assertEquals(0.025, NormalCrps.cdf(-1.959964), 1e-7);
        // scipy.stats.norm.cdf; the lower tail to the stated relative accuracy, which 1 + erf would lose.
        assertEquals(0.15865525393145707, NormalCrps.cdf(-1), 1e-7);
        assertEquals(0.9772498680518208, NormalCrps.cdf(2), 1e-7);
        assertEquals(0.0013498980316300933, NormalCrps.cdf(-3), 0.0013498980316300933 * 1.2e-7);
        assertEquals(9.865876450376946e-10, NormalCrps.cdf(-6), 9.865876450376946e-10 * 1.2e-7);
    }

    @Test
    void crpsAtTheMeanAndFarAway() {
        // z = 0: sigma (2 phi(0) - 1/sqrt(pi)) = sigma (sqrt 2 - 1) / sqrt(pi) = 0.2337 sigma.
        assertEquals(3 * (Math.sqrt(2) - 1) / Math.sqrt(Math.PI), NormalCrps.crps(5, 3, 5), 1e-6);
        // |z| large: Phi is 0 or 1 and phi 0, leaving |y - mu| - sigma / sqrt(pi) on both sides.
        assertEquals(20 - 2 / Math.sqrt(Math.PI), NormalCrps.crps(1, 2, 21), 1e-6);
        assertEquals(20 - 2 / Math.sqrt(Math.PI), NormalCrps.crps(1, 2, -19), 1e-6);
    }
}
