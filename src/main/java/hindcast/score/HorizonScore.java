package hindcast.score;

/**
 * How one forecast did at one horizon: the realised price y against the sample of simulated prices for that
 * day. Errors are y minus the forecast, so a positive error means the forecast was too low.
 */
public record HorizonScore(double actual, double mean, double median, double crps, double pit,
                           double[] pinball, boolean[] covered, double[] width) {

    /** Levels of {@link #pinball()}: the 5%, 25%, 50%, 75% and 95% quantiles. */
    public static final double[] QUANTILES = {0.05, 0.25, 0.50, 0.75, 0.95};
    /** Levels of {@link #covered()} and {@link #width()}: the central 50%, 80% and 95% intervals. */
    public static final double[] INTERVALS = {0.50, 0.80, 0.95};

    public static HorizonScore of(float[] samples, double actual) {
        double[] sorted = SampleScores.sorted(samples);
        double sum = 0;
        for (double x : sorted) {
            sum += x;
        }
        double[] pinball = new double[QUANTILES.length];
        for (int i = 0; i < pinball.length; i++) {
            pinball[i] = SampleScores.pinball(sorted, actual, QUANTILES[i]);
        }
        boolean[] covered = new boolean[INTERVALS.length];
        double[] width = new double[INTERVALS.length];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = SampleScores.covers(sorted, actual, INTERVALS[i]);
            width[i] = SampleScores.width(sorted, INTERVALS[i]);
        }
        return new HorizonScore(actual, sum / sorted.length, SampleScores.quantile(sorted, 0.5),
                SampleScores.crps(sorted, actual), SampleScores.pit(sorted, actual), pinball, covered, width);
    }
}
