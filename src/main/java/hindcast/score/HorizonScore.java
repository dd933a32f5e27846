package hindcast.score;

/**
 * How one forecast did at one horizon: the realised price against the sample of simulated prices for that
 * day. Errors are actual minus forecast, so a positive error means the forecast was too low.
 */
public record HorizonScore(double actual, double mean, double median, double crps, double pit,
                           boolean in80, boolean in95, double width80, double width95) {

    public static HorizonScore of(float[] samples, double actual) {
        double[] sorted = SampleScores.sorted(samples);
        double sum = 0;
        for (double x : sorted) {
            sum += x;
        }
        return new HorizonScore(actual, sum / sorted.length, SampleScores.quantile(sorted, 0.5),
                SampleScores.crps(sorted, actual), SampleScores.pit(sorted, actual),
                SampleScores.covers(sorted, actual, 0.80), SampleScores.covers(sorted, actual, 0.95),
                SampleScores.width(sorted, 0.80), SampleScores.width(sorted, 0.95));
    }
}
