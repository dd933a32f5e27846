package hindcast.model.sarimax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TransformsTest {
    private static final double PHI0 = -0.09796095409714395;
    private static final double PHI1 = 0.04250983736436531;
    private static final double PHI2 = -0.7682212795973759;

    @Test
    void matchesStatsmodelsAndRoundTrips() {
        // statsmodels 0.13: constrain_stationary_univariate(np.array([0.5, -0.3, 1.2]))
        double[] x = {0.5, -0.3, 1.2};
        double[] phi = Transforms.constrain(x);
        assertArrayEquals(new double[] {PHI0, PHI1, PHI2}, phi, 1e-12);
        assertArrayEquals(x, Transforms.unconstrain(phi), 1e-12);
    }

    @Test
    void rejectsNonStationaryCoefficients() {
        assertNull(Transforms.unconstrain(new double[] {1.0}));
        assertNull(Transforms.unconstrain(new double[] {0.5, 0.6})); // 1 - 0.5L - 0.6L^2 has a root inside
        assertEquals(1, Transforms.unconstrain(new double[] {0.9}).length);
    }
}
