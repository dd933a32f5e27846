package hindcast.model.garch;

import hindcast.model.Rng;

/**
 * Student's t with {@code nu > 2} degrees of freedom scaled to unit variance (fGarch's "std"): its log
 * density and deterministic draws from an {@link Rng}. A draw is Z * sqrt((nu - 2) / X), Z standard normal
 * and X chi-squared with nu degrees of freedom (2 * Gamma(nu / 2), by Marsaglia and Tsang's method), so
 * the same Rng state gives the same value on every JVM.
 */
public final class StudentT {
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * StrictMath.log(2 * Math.PI);

    private StudentT() {
    }

    /** One draw with mean 0 and variance 1. */
    public static double draw(Rng rng, double nu) {
        requireShape(nu);
        double z = rng.nextGaussian();
        double chi2 = 2 * gamma(rng, nu / 2);
        return z * Math.sqrt((nu - 2) / chi2);
    }

    /** log of the unit-variance t density at z: {@link #logConstant(double)} plus the z-dependent term. */
    public static double logDensity(double z, double nu) {
        return logConstant(nu) + logKernel(z, nu);
    }

    /** The part of the log density that does not depend on z, computed once per nu in a likelihood. */
    static double logConstant(double nu) {
        return logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * StrictMath.log(Math.PI * (nu - 2));
    }

    /** The part of the log density that depends on z. */
    static double logKernel(double z, double nu) {
        return -(nu + 1) / 2 * StrictMath.log1p(z * z / (nu - 2));
    }

    /** Gamma(shape, 1) for shape >= 1, Marsaglia and Tsang (2000). */
    static double gamma(Rng rng, double shape) {
        if (!(shape >= 1)) {
            throw new IllegalArgumentException("gamma shape must be at least 1, got " + shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x
                    || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** log Gamma(x) for x >= 0.5 by the Lanczos approximation (g = 7, 9 terms; relative error about 1e-15). */
    static double logGamma(double x) {
        if (!(x >= 0.5)) {
            throw new IllegalArgumentException("logGamma is implemented for x >= 0.5, got " + x);
        }
        double y = x - 1;
        double a = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (y + i);
        }
        double t = y + 7.5;
        return HALF_LOG_TWO_PI + (y + 0.5) * StrictMath.log(t) - t + StrictMath.log(a);
    }

    private static void requireShape(double nu) {
        if (!(nu > 2) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("a unit-variance t needs finite degrees of freedom > 2, got " + nu);
        }
    }
}
