package hindcast.model.sarimax;

import hindcast.model.Rng;

/**
 * The state after the last observation of a filtered series, where every forecast from that series
 * starts: a = a_{n+1|n} and P = P_{n+1|n}, the mean and covariance of alpha_{n+1} given y_1..y_n. For
 * h = 1..H, with future regressors x_{n+h}:
 * <pre>
 *   E[y_{n+h}]   = x_{n+h}' beta + Z T^{h-1} a
 *   Var[y_{n+h}] = Z P_h Z',   P_1 = P,   P_{h+1} = T P_h T' + sigma2 R R'
 * </pre>
 * which is statsmodels' {@code get_forecast(H, exog=...)}: mean and {@code var_pred_mean}.
 */
public final class FilteredState {
    private final StateSpace ss;
    private final double[] beta;
    private final double[] a;
    private final double[] p;
    private final double loglike;
    private final double recentScale;
    /** Lower Cholesky factor of P, for sampling alpha_{n+1}. */
    private final double[] chol;

    FilteredState(StateSpace ss, double[] beta, double[] a, double[] p, double loglike, double recentScale) {
        this.ss = ss;
        this.beta = beta;
        this.a = a;
        this.p = p;
        this.loglike = loglike;
        this.recentScale = recentScale;
        this.chol = Linalg.psdCholesky(p, ss.k);
    }

    /**
     * The mean of v_t^2 / F_t over the recent observations the filter was asked to measure (NaN if none):
     * how much larger (or smaller) the latest one-step errors were than the fitted model expects.
     */
    public double recentScale() {
        return recentScale;
    }

    /**
     * The same forecast with all uncertainty scaled by {@code factor}: sigma2 and P multiplied by it, so
     * every forecast variance is too and the mean is unchanged. (P is proportional to sigma2 once the
     * diffuse start is forgotten, so this equals refitting sigma2 alone.)
     */
    public FilteredState withVarianceScaled(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("variance factor must be positive and finite, got " + factor);
        }
        double[] scaled = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            scaled[i] = p[i] * factor;
        }
        return new FilteredState(ss.withSigma2Scaled(factor), beta, a, scaled, loglike, recentScale);
    }

    /** The log-likelihood of the filtered series (after the d burn-in observations). */
    public double loglike() {
        return loglike;
    }

    /** E[y_{n+h}] for h = 1..futureX.length; futureX[h-1] holds the regressors of step h. */
    public double[] mean(double[][] futureX) {
        double[] m = new double[futureX.length];
        double[] state = a.clone();
        double[] next = new double[ss.k];
        for (int h = 0; h < futureX.length; h++) {
            m[h] = regression(futureX[h]) + ss.observe(state);
            ss.transition(state, next);
            double[] swap = state;
            state = next;
            next = swap;
        }
        return m;
    }

    /** Var[y_{n+h}] for h = 1..horizon; it does not depend on the regressors. */
    public double[] variance(int horizon) {
        double[] v = new double[horizon];
        double[] cov = p.clone();
        double[] tmp = new double[ss.k * ss.k];
        double[] m = new double[ss.k];
        for (int h = 0; h < horizon; h++) {
            for (int i = 0; i < ss.k; i++) {
                double s = 0;
                for (int j = 0; j <= ss.d; j++) {
                    s += cov[i * ss.k + j];
                }
                m[i] = s;
            }
            v[h] = ss.observe(m);
            ss.propagateCovariance(cov, tmp);
        }
        return v;
    }

    /**
     * paths[i][h-1] = a draw of y_{n+h}, h = 1..futureX.length. Each path draws alpha_{n+1} from
     * N(a, P) (the filtered end state pushed one step: its uncertainty and the first innovation), then
     * steps alpha_{t+1} = T alpha_t + R sigma eps_t, so the paths have exactly the forecast mean and
     * variance above and their spread grows with h. Per path the draws are k Gaussians for the state, then
     * one per step from h = 2, all from rng in that order: the same rng seed gives the same paths.
     */
    public double[][] simulate(int nPaths, double[][] futureX, Rng rng) {
        int k = ss.k;
        int horizon = futureX.length;
        double[] xb = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            xb[h] = regression(futureX[h]);
        }
        double sigma = Math.sqrt(ss.sigma2);
        double[] z = new double[k];
        double[] state = new double[k];
        double[] next = new double[k];
        double[][] out = new double[nPaths][horizon];
        for (int path = 0; path < nPaths; path++) {
            for (int i = 0; i < k; i++) {
                z[i] = rng.nextGaussian();
            }
            for (int i = 0; i < k; i++) {
                double s = a[i];
                for (int j = 0; j <= i; j++) {
                    s += chol[i * k + j] * z[j];
                }
                state[i] = s;
            }
            double[] row = out[path];
            for (int h = 0; h < horizon; h++) {
                if (h > 0) {
                    ss.transition(state, next);
                    double eps = sigma * rng.nextGaussian();
                    for (int i = 0; i < k; i++) {
                        state[i] = next[i] + ss.r[i] * eps;
                    }
                }
                row[h] = xb[h] + ss.observe(state);
            }
        }
        return out;
    }

    private double regression(double[] x) {
        if (x.length != beta.length) {
            throw new IllegalArgumentException("future regressors have " + x.length + " columns, expected "
                    + beta.length);
        }
        double s = 0;
        for (int j = 0; j < beta.length; j++) {
            s += x[j] * beta[j];
        }
        return s;
    }
}
