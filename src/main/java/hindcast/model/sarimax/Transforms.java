package hindcast.model.sarimax;

/**
 * The reparametrisation statsmodels uses to keep AR polynomials stationary (and, with the sign flipped,
 * MA polynomials invertible): Monahan (1984) / Jones (1980). Each unconstrained x_i maps to a partial
 * autocorrelation r_i = x_i / sqrt(1 + x_i^2) in (-1, 1), and the Durbin-Levinson recursion turns the
 * partial autocorrelations into the coefficients of a stationary AR polynomial. Identical to statsmodels'
 * {@code constrain_stationary_univariate} and its inverse.
 */
final class Transforms {
    private Transforms() {
    }

    /** Unconstrained reals to the coefficients phi of a stationary 1 - phi_1 L - ... - phi_n L^n. */
    static double[] constrain(double[] x) {
        int n = x.length;
        double[][] y = new double[n][n];
        for (int k = 0; k < n; k++) {
            double r = x[k] / Math.sqrt(1 + x[k] * x[k]);
            for (int i = 0; i < k; i++) {
                y[k][i] = y[k - 1][i] + r * y[k - 1][k - i - 1];
            }
            y[k][k] = r;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = -y[n - 1][i];
        }
        return out;
    }

    /** The inverse of {@link #constrain}; null when phi is not stationary (a partial autocorrelation has |r| >= 1). */
    static double[] unconstrain(double[] phi) {
        int n = phi.length;
        double[][] y = new double[n][n];
        for (int i = 0; i < n; i++) {
            y[n - 1][i] = -phi[i];
        }
        for (int k = n - 1; k > 0; k--) {
            double rk = y[k][k];
            if (!(Math.abs(rk) < 1)) {
                return null;
            }
            for (int i = 0; i < k; i++) {
                y[k - 1][i] = (y[k][i] - rk * y[k][k - i - 1]) / (1 - rk * rk);
            }
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double r = y[k][k];
            if (!(Math.abs(r) < 1)) {
                return null;
            }
            out[k] = r / Math.sqrt(1 - r * r);
        }
        return out;
    }
}
