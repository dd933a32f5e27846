package hindcast.model.garch;

import hindcast.model.optim.Bfgs;

import java.util.function.ToDoubleFunction;

/**
 * Maximum-likelihood fit and variance filter of {@link GarchParams}, as R's fGarch
 * ({@code garchFit(~garch(1, 1), cond.dist = "std")}) computes them: the recursion starts at
 * h_1 = omega + (alpha + beta) * mean((r - mu)^2) (fGarch's "mci" start, the mean of the squared deviations
 * over the whole window), every return counts in the likelihood, and the returns are scaled by their
 * standard deviation while fitting (fGarch's xscale), which keeps the optimiser's steps well conditioned.
 * Checked against fGarch by a golden file (scripts/golden/garch_golden.R).
 */
public final class Garch {
    /** Fewer returns than this leave the five parameters unidentified in practice. */
    public static final int MIN_RETURNS = 20;
    /** fGarch's lower bound on omega, relative to the variance of the returns. */
    private static final double MIN_OMEGA = 1e-6;

    private Garch() {
    }

    /**
     * The maximum-likelihood parameters for the log returns {@code r}, from fGarch's start values
     * (mean, alpha 0.1, beta 0.8, omega = variance * 0.1, shape 4) over unconstrained transforms that keep
     * every iterate valid: mu; log(omega - 1e-6 variance) (fGarch's lower bound, which keeps a
     * near-integrated fit from driving omega to 0); asin(2 (alpha + beta) - 1); logit(alpha / (alpha + beta));
     * asin(2 (shape - 2) / (MAX_SHAPE - 2) - 1). The sine transforms (MINUIT's, for a parameter bounded on
     * both sides) do not flatten out away from their bounds as a logit does: with logits, fits whose
     * persistence or shape lies near its bound stalled short of fGarch's optimum (Sugar and Coffee, 2020).
     */
    public static GarchParams fit(double[] r) {
        if (r.length < MIN_RETURNS) {
            throw new IllegalArgumentException("a GARCH fit needs at least " + MIN_RETURNS + " log returns, have "
                    + r.length);
        }
        double mean = mean(r);
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        double scale = Math.sqrt(ss / (r.length - 1));
        if (!(scale > 0)) {
            throw new IllegalArgumentException("a GARCH fit needs returns that vary; all " + r.length + " are equal");
        }
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] / scale;
        }
        GarchParams start = new GarchParams(mean / scale, 0.1, 0.1, 0.8, 4);
        ToDoubleFunction<double[]> objective = v -> {
            GarchParams p = constrained(v);
            return p == null ? Double.POSITIVE_INFINITY : -logLikelihood(p, x);
        };
        double[] u = Bfgs.minimize(objective, unconstrained(start));
        GarchParams s = constrained(u);
        return new GarchParams(s.mu() * scale, s.omega() * scale * scale, s.alpha(), s.beta(), s.shape());
    }

    /** The log-likelihood of the returns (fGarch's, with the start above); -infinity if a variance is not positive. */
    public static double logLikelihood(GarchParams p, double[] r) {
        double[] h = variances(p, r);
        double ll = r.length * StudentT.logConstant(p.shape());
        for (int t = 0; t < r.length; t++) {
            if (!(h[t] > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double e = r[t] - p.mu();
            ll += -0.5 * StrictMath.log(h[t]) + StudentT.logKernel(e / Math.sqrt(h[t]), p.shape());
        }
        return ll;
    }

    /** h_1..h_n, the conditional variance of each return given the ones before it. */
    public static double[] variances(GarchParams p, double[] r) {
        if (r.length == 0) {
            throw new IllegalArgumentException("no returns to filter");
        }
        double ms = 0;
        for (double v : r) {
            ms += (v - p.mu()) * (v - p.mu());
        }
        double[] h = new double[r.length];
        h[0] = p.omega() + (p.alpha() + p.beta()) * ms / r.length;
        for (int t = 1; t < r.length; t++) {
            h[t] = p.next(h[t - 1], r[t - 1] - p.mu());
        }
        return h;
    }

    /** h_{n+1}: the variance of the next return after the returns r_1..r_n. */
    public static double nextVariance(GarchParams p, double[] r) {
        double[] h = variances(p, r);
        return p.next(h[h.length - 1], r[r.length - 1] - p.mu());
    }

    /** The expected variance of each of the next {@code steps} returns (fGarch's predict). */
    public static double[] forecastVariance(GarchParams p, double[] r, int steps) {
        double[] out = new double[steps];
        double h = nextVariance(p, r);
        for (int k = 0; k < steps; k++) {
            out[k] = h;
            h = p.omega() + (p.alpha() + p.beta()) * h;
        }
        return out;
    }

    /** The unconstrained vector of parameters of the scaled returns (variance 1). */
    private static double[] unconstrained(GarchParams p) {
        double persistence = p.alpha() + p.beta();
        return new double[]{p.mu(), StrictMath.log(p.omega() - MIN_OMEGA), StrictMath.asin(2 * persistence - 1),
                logit(p.alpha() / persistence),
                StrictMath.asin(2 * (p.shape() - 2) / (GarchParams.MAX_SHAPE - 2) - 1)};
    }

    /** The parameters (of the scaled returns, variance 1) of an unconstrained vector, or null where rounding leaves the valid region. */
    private static GarchParams constrained(double[] u) {
        double persistence = (StrictMath.sin(u[2]) + 1) / 2;
        double share = logistic(u[3]);
        try {
            return new GarchParams(u[0], MIN_OMEGA + StrictMath.exp(u[1]), persistence * share, persistence * (1 - share),
                    2 + (GarchParams.MAX_SHAPE - 2) * (StrictMath.sin(u[4]) + 1) / 2);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double logistic(double u) {
        return 1 / (1 + StrictMath.exp(-u));
    }

    private static double logit(double p) {
        return StrictMath.log(p / (1 - p));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
