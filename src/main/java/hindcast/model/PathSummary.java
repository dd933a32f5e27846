package hindcast.model;

import hindcast.score.SampleScores;
import java.util.Arrays;

/** Per-day mean and quantiles of a forecast's paths (quantiles by {@link SampleScores#quantile}, numpy's default). */
public final class PathSummary {
    public static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

    private PathSummary() {
    }

    /** [day][0] = mean, [day][1 + i] = quantile at LEVELS[i], computed on the float values as stored. */
    public static double[][] of(float[][] paths) {
        int days = paths[0].length;
        double[][] out = new double[days][1 + LEVELS.length];
        double[] column = new double[paths.length];
        for (int k = 0; k < days; k++) {
            double sum = 0;
            for (int p = 0; p < paths.length; p++) {
                column[p] = paths[p][k];
                sum += column[p];
            }
            Arrays.sort(column);
            out[k][0] = sum / paths.length;
            for (int i = 0; i < LEVELS.length; i++) {
                out[k][1 + i] = SampleScores.quantile(column, LEVELS[i]);
            }
        }
        return out;
    }
}
