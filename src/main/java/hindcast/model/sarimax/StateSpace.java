package hindcast.model.sarimax;

/**
 * The state-space form statsmodels builds for SARIMAX with {@code simple_differencing=False}, on the
 * regression residual w_t = y_t - x_t' beta:
 * <pre>
 *   w_t         = Z alpha_t                       (no observation noise)
 *   alpha_{t+1} = T alpha_t + R eps_{t+1},        eps ~ N(0, sigma2)
 * </pre>
 * The state is k = d + r long, r = max(p, q + 1). Its first d entries are the integrated part,
 * Delta^i u_{t-1} for i = 0..d-1, so Delta^i u_t = sum_{j >= i} Delta^j u_{t-1} + a_t (an upper
 * triangle of ones plus a column of ones on the ARMA entry). The last r entries are the ARMA(p, q) part
 * a_t in Harvey's companion form: phi down the first column, ones on the superdiagonal,
 * R = (1, theta_1, ..., theta_{r-1}). Z is one on the d integrated entries and on the first ARMA entry.
 * <p>
 * Initialisation (statsmodels' default with enforce_stationarity): the integrated entries approximate
 * diffuse, mean 0 and variance {@link #DIFFUSE_VARIANCE}, uncorrelated with the rest; the ARMA entries
 * from their unconditional covariance, the solution of P = T P T' + sigma2 R R'.
 */
final class StateSpace {
    /** statsmodels' {@code initial_variance} for approximate diffuse states. */
    static final double DIFFUSE_VARIANCE = 1e6;

    final int d;
    final int k;
    /** Row-major k x k transition. */
    final double[] t;
    /** Selection of the innovation, length k. */
    final double[] r;
    final double sigma2;

    private StateSpace(StateSpace base, double sigma2) {
        d = base.d;
        k = base.k;
        t = base.t;
        r = base.r;
        this.sigma2 = sigma2;
    }

    StateSpace(SarimaxParams params) {
        SarimaxOrder order = params.order();
        d = order.d();
        int arma = Math.max(order.p(), order.q() + 1);
        k = d + arma;
        t = new double[k * k];
        r = new double[k];
        sigma2 = params.sigma2();
        for (int i = 0; i < d; i++) {
            for (int j = i; j <= d; j++) {
                t[i * k + j] = 1;
            }
        }
        double[] phi = params.phi();
        for (int i = 0; i < phi.length; i++) {
            t[(d + i) * k + d] = phi[i];
        }
        for (int i = 0; i + 1 < arma; i++) {
            t[(d + i) * k + d + i + 1] = 1;
        }
        r[d] = 1;
        double[] theta = params.theta();
        for (int i = 0; i < theta.length; i++) {
            r[d + 1 + i] = theta[i];
        }
    }

    /** The same system with the innovation variance multiplied by {@code factor}. */
    StateSpace withSigma2Scaled(double factor) {
        return new StateSpace(this, sigma2 * factor);
    }

    /** P_1, row-major k x k. */
    double[] initialCovariance() {
        double[] p = new double[k * k];
        for (int i = 0; i < d; i++) {
            p[i * k + i] = DIFFUSE_VARIANCE;
        }
        int m = k - d;
        // vec(P) = (I - T (x) T)^{-1} vec(sigma2 R R') on the ARMA block, at most 16 unknowns.
        int n = m * m;
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int row = i * m + j;
                b[row] = sigma2 * r[d + i] * r[d + j];
                a[row][row] += 1;
                for (int u = 0; u < m; u++) {
                    double tiu = t[(d + i) * k + d + u];
                    if (tiu == 0) {
                        continue;
                    }
                    for (int v = 0; v < m; v++) {
                        a[row][u * m + v] -= tiu * t[(d + j) * k + d + v];
                    }
                }
            }
        }
        double[] vec = Linalg.solve(a, b);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                p[(d + i) * k + d + j] = vec[i * m + j];
            }
        }
        return p;
    }

    /** out = T x. */
    void transition(double[] x, double[] out) {
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += t[i * k + j] * x[j];
            }
            out[i] = s;
        }
    }

    /** P := T P T' + sigma2 R R', using tmp (k * k) as scratch. */
    void propagateCovariance(double[] p, double[] tmp) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int m = 0; m < k; m++) {
                    s += t[i * k + m] * p[m * k + j];
                }
                tmp[i * k + j] = s;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = 0;
                for (int m = 0; m < k; m++) {
                    s += tmp[i * k + m] * t[j * k + m];
                }
                s += sigma2 * r[i] * r[j];
                p[i * k + j] = s;
                p[j * k + i] = s;
            }
        }
    }

    /** Z x: the sum of the first d + 1 entries. */
    double observe(double[] x) {
        double s = 0;
        for (int i = 0; i <= d; i++) {
            s += x[i];
        }
        return s;
    }
}
