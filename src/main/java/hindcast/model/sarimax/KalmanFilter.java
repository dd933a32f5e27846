package hindcast.model.sarimax;

/**
 * Kalman filter over the regression residuals w_t, with the exact Gaussian log-likelihood by the
 * prediction-error decomposition:
 * <pre>
 *   v_t = w_t - Z a_t,   F_t = Z P_t Z'
 *   loglike = -1/2 sum_{t >= burn} (log 2 pi + log F_t + v_t^2 / F_t),   burn = d
 *   a_{t+1} = T (a_t + P_t Z' v_t / F_t),   P_{t+1} = T (P_t - P_t Z' Z P_t / F_t) T' + sigma2 R R'
 * </pre>
 * The first d terms are left out as statsmodels does ({@code loglikelihood_burn}): they only pin down the
 * approximately diffuse integrated states. The system is time-invariant, so once P_t stops changing
 * (relative change below 1e-12) the covariance recursion is skipped and only the mean is updated: the
 * filter then costs O(k^2) per observation.
 */
final class KalmanFilter {
    private static final double LOG_2PI = StrictMath.log(2 * Math.PI);
    private static final double STEADY_TOLERANCE = 1e-12;

    /**
     * The log-likelihood, the one-step prediction a_{n+1|n}, P_{n+1|n} after the last observation, and the
     * mean of the standardised squared innovations v_t^2 / F_t over the last {@code recent} observations
     * (NaN when none were asked for): about 1 when the model's sigma2 fits the recent past.
     */
    record Result(double loglike, double[] a, double[] p, double recentScale) {
    }

    private KalmanFilter() {
    }

    /** Runs over w (y minus the regression); a non-positive F gives loglike = -infinity. */
    static Result run(StateSpace ss, double[] w, int recent) {
        int k = ss.k;
        int d = ss.d;
        double[] a = new double[k];
        double[] next = new double[k];
        double[] p = ss.initialCovariance();
        double[] previous = new double[k * k];
        double[] tmp = new double[k * k];
        double[] m = new double[k];
        double[] gain = new double[k];
        boolean steady = false;
        double f = 0;
        double logF = 0;
        double loglike = 0;
        int recentFrom = Math.max(d, w.length - recent);
        double recentSum = 0;
        for (int t = 0; t < w.length; t++) {
            if (!steady) {
                f = 0;
                for (int i = 0; i < k; i++) {
                    double s = 0;
                    for (int j = 0; j <= d; j++) {
                        s += p[i * k + j];
                    }
                    m[i] = s;
                }
                for (int i = 0; i <= d; i++) {
                    f += m[i];
                }
                if (!(f > 0) || !Double.isFinite(f)) {
                    return new Result(Double.NEGATIVE_INFINITY, a, p, Double.NaN);
                }
                logF = StrictMath.log(f);
            }
            double v = w[t] - ss.observe(a);
            if (t >= d) {
                loglike -= 0.5 * (LOG_2PI + logF + v * v / f);
            }
            if (t >= recentFrom) {
                recentSum += v * v / f;
            }
            if (steady) {
                ss.transition(a, next);
                for (int i = 0; i < k; i++) {
                    next[i] += gain[i] * v;
                }
            } else {
                double vf = v / f;
                for (int i = 0; i < k; i++) {
                    a[i] += m[i] * vf;
                }
                ss.transition(a, next);
                System.arraycopy(p, 0, previous, 0, k * k);
                for (int i = 0; i < k; i++) {
                    double mi = m[i] / f;
                    for (int j = 0; j < k; j++) {
                        p[i * k + j] -= mi * m[j];
                    }
                }
                ss.propagateCovariance(p, tmp);
                steady = converged(previous, p);
                if (steady) {
                    steadyGain(ss, p, m, gain);
                    f = ss.observe(m);
                    logF = StrictMath.log(f);
                    for (int i = 0; i < k; i++) {
                        gain[i] /= f;
                    }
                }
            }
            double[] swap = a;
            a = next;
            next = swap;
        }
        int count = w.length - recentFrom;
        return new Result(loglike, a, p, count > 0 ? recentSum / count : Double.NaN);
    }

    /** m = P Z', gain = T m (still to be divided by F). */
    private static void steadyGain(StateSpace ss, double[] p, double[] m, double[] gain) {
        int k = ss.k;
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j <= ss.d; j++) {
                s += p[i * k + j];
            }
            m[i] = s;
        }
        ss.transition(m, gain);
    }

    private static boolean converged(double[] before, double[] after) {
        double diff = 0;
        double size = 0;
        for (int i = 0; i < after.length; i++) {
            diff = Math.max(diff, Math.abs(after[i] - before[i]));
            size = Math.max(size, Math.abs(after[i]));
        }
        return diff <= STEADY_TOLERANCE * size;
    }
}
