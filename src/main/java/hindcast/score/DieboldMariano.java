package hindcast.score;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Diebold–Mariano test of equal forecast accuracy, computed exactly as R's {@code forecast::dm.test} with
 * {@code power = 1}, a two-sided alternative and the default ("acf") variance, so anyone can reproduce it in R
 * ({@code dm.test(naive, model, h = h, power = 1)}; see scripts/golden/dm_golden.R).
 * <p>
 * With d_t = loss_naive − loss_model over the forecasts both have, in forecast-date order (positive = the model is
 * better): γ_k = (1/n) Σ (d_t − d̄)(d_{t+k} − d̄) for k = 0..h−1, V = (γ_0 + 2 Σ_{k≥1} γ_k) / n (if V ≤ 0, h = 1
 * is used instead), DM = d̄ / √V × √((n + 1 − 2h + h(h−1)/n) / n) (the Harvey–Leybourne–Newbold correction), and
 * p = 2 P(T_{n−1} ≤ −|DM|).
 */
public final class DieboldMariano {
    private DieboldMariano() {
    }

    /** The statistic and its two-sided p-value; both NaN when the test is undefined. */
    public record Result(double statistic, double pValue) {
        static final Result UNDEFINED = new Result(Double.NaN, Double.NaN);
    }

    /**
     * Tests whether {@code model} and {@code naive} (the same forecasts' losses, e.g. CRPS, in date order) are equally
     * accurate at horizon {@code horizon} (≥ 1). Undefined (NaN) with fewer than two pairs, when every d_t is the
     * same (V = 0: R's dm.test stops there), or when the small-sample correction is negative (few pairs, long
     * horizon: R's gives NaN too).
     */
    public static Result test(double[] naive, double[] model, int horizon) {
        if (naive.length != model.length) {
            throw new IllegalArgumentException("naive and model have " + naive.length + " and " + model.length
                    + " losses");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int n = naive.length;
        if (n < 2) {
            return Result.UNDEFINED; // no variance estimate, and the t distribution would have 0 degrees of freedom
        }
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = naive[t] - model[t];
            mean += d[t];
        }
        mean /= n;
        // With h >= n the autocovariances of every lag are summed, and that sum is exactly zero (it is
        // (Σ (d_t - d̄))² / n): V <= 0 in exact arithmetic, whatever rounding makes of it, so h = 1 as for V <= 0.
        int h = horizon < n ? horizon : 1;
        double v = variance(d, mean, h);
        if (v <= 0 && h > 1) {
            h = 1;
            v = variance(d, mean, h);
        }
        if (v <= 0) {
            return Result.UNDEFINED; // all d_t equal: the models' losses differ by a constant, nothing to test
        }
        double statistic = mean / Math.sqrt(v) * Math.sqrt((n + 1 - 2.0 * h + h * (h - 1.0) / n) / n);
        if (Double.isNaN(statistic)) {
            return Result.UNDEFINED;
        }
        double p = 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(statistic));
        return new Result(statistic, p);
    }

    /** V = (γ_0 + 2 Σ_{k=1}^{h−1} γ_k) / n, γ_k the sample autocovariance at lag k (divided by n, as R's acf). */
    private static double variance(double[] d, double mean, int h) {
        int n = d.length;
        double sum = 0;
        for (int k = 0; k < h; k++) {
            double gamma = 0;
            for (int t = 0; t + k < n; t++) {
                gamma += (d[t] - mean) * (d[t + k] - mean);
            }
            sum += (k == 0 ? 1 : 2) * gamma / n;
        }
        return sum / n;
    }
}
