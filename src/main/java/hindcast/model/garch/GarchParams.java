package hindcast.model.garch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GARCH(1,1) with constant mean and unit-variance Student-t innovations, on daily log returns r_t:
 * <pre>
 *   r_t = mu + e_t,   e_t = sqrt(h_t) z_t,   z_t ~ t(shape) scaled to variance 1
 *   h_t = omega + alpha e_{t-1}^2 + beta h_{t-1}
 * </pre>
 * with omega > 0, alpha, beta >= 0, alpha + beta < 1 (the variance is stationary) and 2 < shape <= 10.
 */
public record GarchParams(double mu, double omega, double alpha, double beta, double shape) {
    /** fGarch's upper bound on the shape (its lower bound, 1, is raised to 2 so the variance exists). */
    public static final double MAX_SHAPE = 10;

    private static final String[] NAMES = {"mu", "omega", "alpha", "beta", "shape"};

    public GarchParams {
        if (!Double.isFinite(mu) || !(omega > 0) || !(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)
                || !(shape > 2 && shape <= MAX_SHAPE) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("invalid GARCH parameters " + this);
        }
    }

    /** The parameters by name, as {@code trained_models.parameters} stores them. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] v = {mu, omega, alpha, beta, shape};
        for (int i = 0; i < NAMES.length; i++) {
            m.put(NAMES[i], v[i]);
        }
        return m;
    }

    /** Inverts {@link #toMap()} exactly. */
    public static GarchParams fromMap(Map<String, Double> m) {
        double[] v = new double[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            Double x = m.get(NAMES[i]);
            if (x == null) {
                throw new IllegalArgumentException("stored GARCH parameters lack '" + NAMES[i] + "': " + m);
            }
            v[i] = x;
        }
        return new GarchParams(v[0], v[1], v[2], v[3], v[4]);
    }

    /** The variance after {@code h} when the last residual was {@code e}. */
    public double next(double h, double e) {
        return omega + alpha * e * e + beta * h;
    }
}
