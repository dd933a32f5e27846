package hindcast.model.sarimax;

import java.util.Arrays;

/** Start values for the likelihood search, in the manner of statsmodels' SARIMAX.start_params. */
final class StartValues {
    private StartValues() {
    }

    static SarimaxParams of(SarimaxOrder order, double[] y, double[][] x) {
        int p = order.p();
        int q = order.q();
        double[] yd = difference(y, order.d());
        double[][] xd = difference(x, order.d());
        double[] beta = Linalg.ols(xd, yd);
        double[] e = Sarimax.residuals(beta, yd, xd);
        double[] phi = new double[p];
        double[] theta = new double[q];
        double sigma2 = meanSquare(e);
        if (p + q > 0) {
            double[] hr = hannanRissanen(e, p, q);
            if (hr != null) {
                double[] phiHr = Arrays.copyOfRange(hr, 0, p);
                double[] thetaHr = Arrays.copyOfRange(hr, p, p + q);
                double[] negTheta = new double[q];
                for (int i = 0; i < q; i++) {
                    negTheta[i] = -thetaHr[i];
                }
                if (Transforms.unconstrain(phiHr) != null && Transforms.unconstrain(negTheta) != null) {
                    phi = phiHr;
                    theta = thetaHr;
                    sigma2 = hr[p + q];
                }
            }
        }
        if (!(sigma2 > 0) || !Double.isFinite(sigma2)) {
            sigma2 = 1;
        }
        return new SarimaxParams(order, beta, phi, theta, sigma2);
    }

    /**
     * Hannan-Rissanen: a long AR(2q) by least squares estimates the innovations, then e_t is regressed on
     * p lags of itself and q lags of those innovations. Returns (phi, theta, residual variance), or null
     * when the series is too short.
     */
    static double[] hannanRissanen(double[] e, int p, int q) {
        int n = e.length;
        int m = 2 * q;
        double[] innov = new double[n];
        if (q > 0) {
            if (n - m < 2 * m + 2) {
                return null;
            }
            double[][] lags = new double[n - m][m];
            double[] target = new double[n - m];
            for (int t = m; t < n; t++) {
                for (int j = 0; j < m; j++) {
                    lags[t - m][j] = e[t - 1 - j];
                }
                target[t - m] = e[t];
            }
            double[] ar = Linalg.ols(lags, target);
            for (int t = m; t < n; t++) {
                double s = e[t];
                for (int j = 0; j < m; j++) {
                    s -= ar[j] * e[t - 1 - j];
                }
                innov[t] = s;
            }
        }
        int start = Math.max(m + q, p);
        int rows = n - start;
        if (rows < 2 * (p + q) + 2) {
            return null;
        }
        double[][] z = new double[rows][p + q];
        double[] target = new double[rows];
        for (int t = start; t < n; t++) {
            for (int j = 0; j < p; j++) {
                z[t - start][j] = e[t - 1 - j];
            }
            for (int j = 0; j < q; j++) {
                z[t - start][p + j] = innov[t - 1 - j];
            }
            target[t - start] = e[t];
        }
        double[] coef = Linalg.ols(z, target);
        double[] out = Arrays.copyOf(coef, p + q + 1);
        double ss = 0;
        for (int r = 0; r < rows; r++) {
            double s = target[r];
            for (int j = 0; j < p + q; j++) {
                s -= coef[j] * z[r][j];
            }
            ss += s * s;
        }
        out[p + q] = ss / rows;
        return out;
    }

    static double[] difference(double[] y, int d) {
        double[] out = y;
        for (int k = 0; k < d; k++) {
            double[] next = new double[out.length - 1];
            for (int t = 0; t < next.length; t++) {
                next[t] = out[t + 1] - out[t];
            }
            out = next;
        }
        return out;
    }

    static double[][] difference(double[][] x, int d) {
        int kx = x.length == 0 ? 0 : x[0].length;
        double[][] out = new double[x.length - d][kx];
        double[] column = new double[x.length];
        for (int j = 0; j < kx; j++) {
            for (int t = 0; t < x.length; t++) {
                column[t] = x[t][j];
            }
            double[] diffed = difference(column, d);
            for (int t = 0; t < diffed.length; t++) {
                out[t][j] = diffed[t];
            }
        }
        return out;
    }

    private static double meanSquare(double[] e) {
        double s = 0;
        for (double v : e) {
            s += v * v;
        }
        return s / Math.max(1, e.length);
    }
}
