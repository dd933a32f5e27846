package hindcast.score;

import java.util.Arrays;

/**
 * Scores of a Monte Carlo forecast, the n sample values x_(1) <= ... <= x_(n) of one horizon, against the
 * realised value y. Every method takes the samples sorted ascending (see {@link #sorted}), so a forecast is
 * sorted once and then scored in O(n) or O(log n) per score; sortedness is not checked.
 */
public final class SampleScores {
    private SampleScores() {
    }

    /** A sorted copy of the samples; the input is left as stored. */
    public static double[] sorted(float[] samples) {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i];
        }
        Arrays.sort(out);
        return out;
    }

    /** A sorted copy of the samples; the input is left as stored. */
    public static double[] sorted(double[] samples) {
        double[] out = samples.clone();
        Arrays.sort(out);
        return out;
    }

    /**
     * Continuous ranked probability score of the empirical distribution F_n of the samples, properscoring's
     * {@code crps_ensemble}; lower is better, in the units of y:
     * <pre>
     *   CRPS = (1/n) sum_i |x_i - y|  -  1/(2 n^2) sum_i sum_j |x_i - x_j|  =  integral (F_n(x) - 1{x >= y})^2 dx
     * </pre>
     * The double sum is O(n) on sorted samples: x_(i) exceeds i-1 samples and is exceeded by n-i, so
     * <pre>
     *   sum_i sum_j |x_i - x_j| = 2 sum_{i=1..n} (2i - n - 1) x_(i),
     *   CRPS = (1/n) sum_i |x_i - y|  -  (1/n^2) sum_{i=1..n} (2i - n - 1) x_(i)
     * </pre>
     * With a single sample it is |x - y|, the absolute error.
     */
    public static double crps(double[] sorted, double y) {
        int n = requireSamples(sorted);
        double absError = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            absError += Math.abs(sorted[i] - y);
            spread += (2.0 * i - n + 1) * sorted[i]; // 0-based i: 2(i+1) - n - 1
        }
        return absError / n - spread / ((double) n * n);
    }

    /**
     * The p-quantile by linear interpolation between order statistics (R type 7, numpy's default):
     * h = p (n - 1) (0-based), q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
     */
    public static double quantile(double[] sorted, double p) {
        int n = requireSamples(sorted);
        requireProbability(p, "p");
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Pinball (quantile) loss of the forecast's p-quantile q, minimised in expectation by the true p-quantile:
     * (y - q) p if y >= q, else (q - y)(1 - p). At p = 0.5 it is half the absolute error of the median.
     */
    public static double pinball(double[] sorted, double y, double p) {
        double q = quantile(sorted, p);
        return y >= q ? (y - q) * p : (q - y) * (1 - p);
    }

    /**
     * Probability integral transform, F_n(y) with ties counted half: (#{x_i < y} + 0.5 #{x_i = y}) / n.
     * Over many forecasts it is uniform on [0, 1] when they are calibrated; halving ties puts y on a point mass
     * (all paths still at the last close, a zero-spread forecast) at 0.5 rather than at 0 or 1.
     */
    public static double pit(double[] sorted, double y) {
        int n = requireSamples(sorted);
        int below = count(sorted, y, false);
        int notAbove = count(sorted, y, true);
        return (below + 0.5 * (notAbove - below)) / n;
    }

    /** Whether lower(level) <= y <= upper(level), the central interval [q((1 - level)/2), q((1 + level)/2)]. */
    public static boolean covers(double[] sorted, double y, double level) {
        requireProbability(level, "level");
        return quantile(sorted, (1 - level) / 2) <= y && y <= quantile(sorted, (1 + level) / 2);
    }

    /** Width q((1 + level)/2) - q((1 - level)/2) of the central interval, the sharpness that coverage buys. */
    public static double width(double[] sorted, double level) {
        requireProbability(level, "level");
        return quantile(sorted, (1 + level) / 2) - quantile(sorted, (1 - level) / 2);
    }

    /** #{x_i < y}, or #{x_i <= y} when orEqual, by binary search. */
    private static int count(double[] sorted, double y, boolean orEqual) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < y || (orEqual && sorted[mid] == y)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int requireSamples(double[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples to score");
        }
        return sorted.length;
    }

    private static void requireProbability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
        }
    }
}
