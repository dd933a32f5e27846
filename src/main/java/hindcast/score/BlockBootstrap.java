package hindcast.score;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A 90% interval for CRPS skill, 1 − mean CRPS_model / mean CRPS_naive over paired forecasts, by a circular
 * moving-block bootstrap over forecast dates: each resample joins blocks of 14 consecutive dates (keeping the
 * autocorrelation of overlapping horizons and volatility regimes) starting at uniform random dates and wrapping
 * around the end, so every date is drawn equally often on average and the interval is centred on the point
 * skill even on short series (where blocks are cut to half the series). 1,000 resamples from a fixed seed: the same input gives the same interval.
 */
public final class BlockBootstrap {
    /** Dates per block: two weeks, the longest horizon's overlap. */
    public static final int BLOCK = 14;
    public static final int RESAMPLES = 1_000;
    /** The interval's level: the 5% and 95% percentiles of the resampled skills. */
    public static final double LEVEL = 0.90;
    private static final long SEED = 20_261_203L;

    private BlockBootstrap() {
    }

    /** The skill's interval; both ends NaN with fewer than two pairs. */
    public record Interval(double low, double high) {
    }

    /** The point CRPS skill of {@code model} against {@code naive}: 1 − Σ model / Σ naive. */
    public static double skill(double[] naive, double[] model) {
        return 1 - sum(model) / sum(naive);
    }

    /**
     * The 90% interval of the CRPS skill of {@code model} against {@code naive} (the same forecasts' CRPS, in date
     * order), with {@link #BLOCK}, {@link #RESAMPLES} and the fixed seed.
     */
    public static Interval crpsSkill(double[] naive, double[] model) {
        return crpsSkill(naive, model, BLOCK, RESAMPLES, SEED);
    }

    /** As {@link #crpsSkill(double[], double[])} with the block length, resample count and seed given. */
    static Interval crpsSkill(double[] naive, double[] model, int block, int resamples, long seed) {
        if (naive.length != model.length) {
            throw new IllegalArgumentException("naive and model have " + naive.length + " and " + model.length
                    + " values");
        }
        int n = naive.length;
        if (n < 2) {
            return new Interval(Double.NaN, Double.NaN);
        }
        // At most half the dates, so a resample joins at least two blocks: one block as long as the series would
        // only rotate it, every resample the same sum, and the interval would shrink to the point.
        int length = Math.min(block, n / 2);
        // Prefix sums: a block's sum in O(1), so a resample costs n / block draws.
        double[] naiveSums = prefixSums(naive);
        double[] modelSums = prefixSums(model);
        SplittableRandom random = new SplittableRandom(seed);
        double[] skills = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double naiveTotal = 0;
            double modelTotal = 0;
            for (int taken = 0; taken < n; taken += length) {
                int start = random.nextInt(n);
                int size = Math.min(length, n - taken); // the last block is cut to make n dates
                naiveTotal += circularSum(naiveSums, start, size);
                modelTotal += circularSum(modelSums, start, size);
            }
            skills[r] = 1 - modelTotal / naiveTotal;
        }
        Arrays.sort(skills);
        double tail = (1 - LEVEL) / 2;
        return new Interval(SampleScores.quantile(skills, tail), SampleScores.quantile(skills, 1 - tail));
    }

    private static double[] prefixSums(double[] values) {
        double[] sums = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            sums[i + 1] = sums[i] + values[i];
        }
        return sums;
    }

    /** The sum of {@code size} values from {@code start}, wrapping past the last to the first. */
    private static double circularSum(double[] sums, int start, int size) {
        int n = sums.length - 1;
        int end = start + size;
        return end <= n ? sums[end] - sums[start] : sums[n] - sums[start] + sums[end - n];
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
