package hindcast.score;

/**
 * How one forecast's whole paths did against the realised path, on the days the market traded: the energy score
 * and two barrier events. Prices are taken relative to the last close before D (x / lastClose), so scores are
 * returns, comparable across commodities and price levels.
 * <p>
 * <b>Energy score</b> (the multivariate CRPS) of the ensemble of n paths X_1..X_n, each restricted to the k trading
 * days, against the realised path y, with ||.|| the Euclidean norm over those days:
 * <pre>
 *   ES = (1/n) sum_i ||X_i - y||  -  1/(2 n^2) sum_i sum_j ||X_i - X_j||
 * </pre>
 * the score of the ensemble as a distribution, as {@link SampleScores#crps} is for one day: on a single trading
 * day ES is the CRPS divided by the last close. The double sum costs n^2 distances (4 million for 2,000 paths), so
 * it is estimated from {@link #SHIFTS} cyclic shifts s: path i is paired with path (i + s) mod n, for every i.
 * Over all shifts s = 1..n-1 these pairs are every ordered pair i != j exactly once, so the mean over all shifts
 * is the exact mean distance between distinct paths; each single shift's mean is an average of distances between
 * two different, independently simulated paths, so it is unbiased for E||X - X'||, and so is the mean over any
 * fixed set of shifts. With n ≤ 2·SHIFTS + 1 all shifts are used (exact); otherwise SHIFTS shifts spread over
 * 1..n/2 (s and n - s pair the same paths). The mean distance between distinct paths times (n - 1)/n is the double
 * sum's 1/n^2 term. The estimate depends on the order of the paths, so callers pass them in path-id order: the
 * score is then a pure function of the forecast.
 * <p>
 * <b>Barrier events</b>: "up" is the price reaching at least {@code (1 + BARRIER)} × last close on some trading
 * day, "down" reaching at most {@code (1 - BARRIER)} × last close. The forecast probability is the share of paths
 * that do so on those same days, the outcome whether the realised path did; Brier = (p - outcome)^2.
 *
 * @param tradingDays days of D..D+13 with a realised close, the days scored
 * @param pUp         share of paths reaching the upper barrier
 * @param hitUp       whether the realised path reached it
 */
public record PathScore(int tradingDays, double energyScore, double pUp, boolean hitUp, double pDown,
                        boolean hitDown) {
    /** Barrier distance from the last close: ±5%. */
    public static final double BARRIER = 0.05;
    /** Cyclic shifts estimating the ensemble's mean pairwise distance. */
    static final int SHIFTS = 32;

    /** (p_up - hit_up)^2. */
    public double brierUp() {
        return brier(pUp, hitUp);
    }

    /** (p_down - hit_down)^2. */
    public double brierDown() {
        return brier(pDown, hitDown);
    }

    /**
     * Scores the forecast; null when no day was a trading day.
     *
     * @param paths     {@code paths[p][k]}: path p's simulated price of day D+k, paths in path-id order
     * @param realised  {@code realised[k]}: the close of D+k, NaN when the market did not trade that day
     * @param lastClose the latest close before D, the forecast's origin
     */
    public static PathScore of(float[][] paths, double[] realised, double lastClose) {
        int[] days = tradingDays(realised);
        if (days.length == 0) {
            return null;
        }
        int n = paths.length;
        double[][] x = new double[n][days.length];
        double[] y = new double[days.length];
        for (int k = 0; k < days.length; k++) {
            y[k] = realised[days[k]] / lastClose;
        }
        double up = 1 + BARRIER;
        double down = 1 - BARRIER;
        double toOutcome = 0;
        int touchedUp = 0;
        int touchedDown = 0;
        for (int p = 0; p < n; p++) {
            boolean u = false;
            boolean d = false;
            for (int k = 0; k < days.length; k++) {
                double v = paths[p][days[k]] / lastClose;
                x[p][k] = v;
                u |= v >= up;
                d |= v <= down;
            }
            toOutcome += distance(x[p], y);
            touchedUp += u ? 1 : 0;
            touchedDown += d ? 1 : 0;
        }
        boolean hitUp = false;
        boolean hitDown = false;
        for (double v : y) {
            hitUp |= v >= up;
            hitDown |= v <= down;
        }
        double es = toOutcome / n - 0.5 * (n - 1) / n * meanPairDistance(x);
        return new PathScore(days.length, es, touchedUp / (double) n, hitUp, touchedDown / (double) n, hitDown);
    }

    /**
     * Estimate of the mean Euclidean distance between two distinct rows of {@code x} from cyclic shifts (see the
     * class comment); exact when there are at most 2·SHIFTS + 1 rows, 0 with fewer than two.
     */
    static double meanPairDistance(double[][] x) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        int[] shifts;
        if (n <= 2 * SHIFTS + 1) {
            shifts = new int[n - 1];
            for (int s = 1; s < n; s++) {
                shifts[s - 1] = s;
            }
        } else {
            shifts = new int[SHIFTS];
            for (int k = 0; k < SHIFTS; k++) {
                shifts[k] = 1 + (int) ((long) k * (n / 2) / SHIFTS);
            }
        }
        double sum = 0;
        for (int s : shifts) {
            for (int i = 0; i < n; i++) {
                sum += distance(x[i], x[(i + s) % n]);
            }
        }
        return sum / ((double) n * shifts.length);
    }

    private static int[] tradingDays(double[] realised) {
        return java.util.stream.IntStream.range(0, realised.length).filter(k -> !Double.isNaN(realised[k])).toArray();
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double brier(double p, boolean hit) {
        double d = p - (hit ? 1 : 0);
        return d * d;
    }
}
