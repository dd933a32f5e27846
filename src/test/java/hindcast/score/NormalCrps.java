package hindcast.score;

/**
 * Closed-form CRPS of a normal forecast, the reference that the sample estimator must converge to. Test-only:
 * no model in main forecasts a normal, and an erfc accurate to 1.2e-7 is ample for a reference but not for
 * production use.
 */
final class NormalCrps {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private NormalCrps() {
    }

    /**
     * CRPS of N(mu, sigma^2) at y (Gneiting and Raftery 2007, properscoring's {@code crps_gaussian}):
     * <pre>
     *   CRPS = sigma [ z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi) ],   z = (y - mu) / sigma
     * </pre>
     */
    static double crps(double mu, double sigma, double y) {
        double z = (y - mu) / sigma;
        return sigma * (z * (2 * cdf(z) - 1) + 2 * pdf(z) - 1 / SQRT_PI);
    }

    /** Standard normal density phi(z) = exp(-z^2/2) / sqrt(2 pi). */
    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2; erfc rather than 1 + erf keeps the lower tail's digits. */
    static double cdf(double z) {
        return 0.5 * erfc(-z / SQRT_2);
    }

    /**
     * Complementary error function by the Chebyshev fit of Numerical Recipes (Press et al., 2nd ed., 6.2,
     * {@code erfcc}): relative error below 1.2e-7 for every x.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
