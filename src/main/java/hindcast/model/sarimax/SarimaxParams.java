package hindcast.model.sarimax;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of regression with ARIMA errors, statsmodels' {@code SARIMAX(y, exog, order)} without trend:
 * <pre>
 *   y_t = x_t' beta + u_t
 *   (1 - phi_1 L - ... - phi_p L^p) (1 - L)^d u_t = (1 + theta_1 L + ... + theta_q L^q) eps_t,
 *   eps_t ~ N(0, sigma2)
 * </pre>
 * The signs follow statsmodels: {@code ar.L1} = phi_1, {@code ma.L1} = theta_1. Arrays are copied in and
 * must not be modified by callers reading them back.
 */
public record SarimaxParams(SarimaxOrder order, double[] beta, double[] phi, double[] theta, double sigma2)
        implements Serializable {

    public SarimaxParams {
        if (phi.length != order.p() || theta.length != order.q()) {
            throw new IllegalArgumentException("order " + order + " needs " + order.p() + " AR and " + order.q()
                    + " MA coefficients, got " + phi.length + " and " + theta.length);
        }
        if (!(sigma2 > 0) || !Double.isFinite(sigma2)) {
            throw new IllegalArgumentException("sigma2 must be positive and finite, got " + sigma2);
        }
        beta = beta.clone();
        phi = phi.clone();
        theta = theta.clone();
        for (double[] a : new double[][] {beta, phi, theta}) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("non-finite SARIMAX parameter in " + Arrays.toString(a));
                }
            }
        }
    }

    /** Number of estimated parameters, the k of AIC = 2k - 2 loglike (statsmodels counts sigma2 too). */
    public int count() {
        return beta.length + phi.length + theta.length + 1;
    }

    /**
     * A flat map for storage, named as statsmodels names them for unnamed regressors: {@code p, d, q, x1..xk,
     * ar.L1.., ma.L1.., sigma2}. {@link #fromMap} inverts it exactly.
     */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("p", (double) order.p());
        m.put("d", (double) order.d());
        m.put("q", (double) order.q());
        put(m, "x", beta);
        put(m, "ar.L", phi);
        put(m, "ma.L", theta);
        m.put("sigma2", sigma2);
        return m;
    }

    /** The parameters {@link #toMap} stored; the regressor count is the number of x keys. */
    public static SarimaxParams fromMap(Map<String, Double> m) {
        SarimaxOrder order = new SarimaxOrder(intValue(m, "p"), intValue(m, "d"), intValue(m, "q"));
        int kx = 0;
        while (m.containsKey("x" + (kx + 1))) {
            kx++;
        }
        return new SarimaxParams(order, get(m, "x", kx), get(m, "ar.L", order.p()), get(m, "ma.L", order.q()),
                value(m, "sigma2"));
    }

    private static void put(Map<String, Double> m, String prefix, double[] values) {
        for (int i = 0; i < values.length; i++) {
            m.put(prefix + (i + 1), values[i]);
        }
    }

    private static double[] get(Map<String, Double> m, String prefix, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = value(m, prefix + (i + 1));
        }
        return out;
    }

    private static int intValue(Map<String, Double> m, String key) {
        double v = value(m, key);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("stored SARIMAX parameter '" + key + "' is not an integer: " + v);
        }
        return (int) v;
    }

    private static double value(Map<String, Double> m, String key) {
        Double v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("stored SARIMAX parameters lack '" + key + "': " + m);
        }
        return v;
    }

    @Override
    public String toString() {
        return "SarimaxParams" + order + "[beta=" + Arrays.toString(beta) + ", phi=" + Arrays.toString(phi)
                + ", theta=" + Arrays.toString(theta) + ", sigma2=" + sigma2 + "]";
    }
}
