package hindcast.model.xgboost;

import hindcast.model.MarketSeries;
import hindcast.model.Rng;
import hindcast.model.TradingDays;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Monte Carlo paths from a fitted xgboost model by recursive simulation. On each trading day (weekday) every
 * path's next log return is the booster's prediction from that path's own history, observed closes followed
 * by its own simulated ones, plus a residual bootstrapped from the fit's out-of-sample pool. All paths of a
 * step share one feature matrix, predicted by the booster's trees in Java ({@link Forest}); the first trading
 * step predicts a single row, since all paths start from one history, and the second one row per residual drawn
 * on the first. Each step first decides the splits that send all its rows the same way ({@link Forest#given}):
 * those on the calendar and covariates, the same on every path, which the rows then leave out, and those on a
 * path feature outside its range over the rows (a 14-day lag, for one, is still observed history). The rows are
 * split into blocks of similar last return first ({@link RowBlocks}), as narrower ranges decide more splits.
 * A weekend day repeats the previous price.
 * <p>
 * Holds no native resource and no mutable state: one simulator serves any number of threads.
 */
public final class XgbSimulator {
    // Blocks of rows per step: each narrows the bounds its forest is given; more blocks decide more splits but
    // cost one more pruned forest each. On the synthetic test series a row walks 201 nodes with 4 blocks, 177
    // with 8 and 159 with 16; with pruning by table lookup, 8 measured a few percent faster than 4.
    private static final int BLOCKS = 8;

    private final XgbFeatures features;
    private final float[] residuals;
    private final Forest forest;

    public XgbSimulator(XgbFit fit) {
        this.features = fit.features();
        this.residuals = fit.residuals();
        this.forest = Boosters.forest(fit.booster());
    }

    /**
     * Fills {@code out[path][day]} with prices for calendar days start, start+1, ... {@code history} holds only
     * observations dated on or before start-1, {@code covariates} are aligned with them; covariates keep their
     * last observed value over the horizon, since nothing dated on or after start may be used.
     */
    public void simulate(MarketSeries history, Map<String, double[]> covariates, LocalDate start, Rng rng,
                         float[][] out) {
        int lookback = features.lookback();
        if (history.size() < lookback) {
            throw new IllegalArgumentException(history.commodity() + ": xgboost needs " + lookback
                    + " observations before " + start + ", have " + history.size());
        }
        if (!history.lastDate().isBefore(start)) {
            throw new IllegalArgumentException(history.commodity() + ": history reaches " + history.lastDate()
                    + ", on or after the forecast start " + start);
        }
        int paths = out.length;
        int days = out[0].length;
        int width = features.pathWidth();
        // Per step, the range of each feature over the rows: it decides the splits that send all rows one way.
        float[] low = new float[features.width()];
        float[] high = new float[features.width()];
        float[] lastCovariates = lastCovariates(history, covariates);

        // Each path's log closes: the observed tail, then one slot per simulated trading day.
        double[] tail = new double[lookback];
        for (int i = 0; i < lookback; i++) {
            tail[i] = StrictMath.log(history.close(history.size() - lookback + i));
        }
        double[][] logClose = new double[paths][lookback + days];
        for (double[] path : logClose) {
            System.arraycopy(tail, 0, path, 0, lookback);
        }

        float[] x = new float[paths * width];
        float[] grouped = new float[paths * width];
        int[] position = new int[paths];
        int[] keys = new int[paths * width];
        float[] predicted = new float[paths];
        float lastClose = (float) history.lastClose();
        // Paths with one history share one feature row: every path until the first trading step, then those
        // that drew the same residual on it, until the second. rowOf maps a path to its row, pathOf a row to a
        // path it stands for.
        int[] rowOf = new int[paths];
        int[] pathOf = new int[paths];
        int[] drawn = new int[paths];
        int rows = 1;
        int t = lookback;
        for (int k = 0; k < days; k++) {
            LocalDate day = start.plusDays(k);
            if (!TradingDays.isTradingDay(day)) {
                for (float[] path : out) {
                    path[k] = k == 0 ? lastClose : path[k - 1];
                }
                continue;
            }
            // Calendar and covariates are the same on every path: rows leave them out, and their splits are
            // decided once for the step, so that each block's forest starts from the smaller step forest.
            features.fillShared(day, lastCovariates, low, width);
            System.arraycopy(low, width, high, width, low.length - width);
            Arrays.fill(low, 0, width, Float.POSITIVE_INFINITY);
            Arrays.fill(high, 0, width, Float.NEGATIVE_INFINITY);
            Forest step = forest.given(low, high);
            // Every path's log closes start with the observed tail: its part of the window sums is summed once.
            double[] heads = features.heads(logClose[0], t, lookback);
            features.fillPaths(logClose, pathOf, rows, t, lookback, heads, x, 0, width);
            // Feature 0, the first lag, is the last return with the default lags: blocks of rows alike in it.
            int[] starts = RowBlocks.group(x, rows, width, 0, BLOCKS, grouped, position);
            for (int b = 0; b + 1 < starts.length; b++) {
                if (starts[b] < starts[b + 1]) {
                    Forest.bounds(grouped, starts[b], starts[b + 1], width, low, high);
                    step.given(low, high).predict(grouped, starts[b], starts[b + 1], width, predicted, keys);
                }
            }
            for (int p = 0; p < paths; p++) {
                drawn[p] = (int) (rng.nextDouble() * residuals.length);
                logClose[p][t] = logClose[p][t - 1] + predicted[position[rowOf[p]]] + residuals[drawn[p]];
                out[p][k] = (float) StrictMath.exp(logClose[p][t]);
            }
            rows = t == lookback ? rowsByDraw(drawn, rowOf, pathOf) : ownRows(rowOf, pathOf);
            t++;
        }
    }

    /** After the first trading step: one row per distinct residual drawn, as the paths differ only by it. */
    private int rowsByDraw(int[] drawn, int[] rowOf, int[] pathOf) {
        int[] rowOfDraw = new int[residuals.length];
        Arrays.fill(rowOfDraw, -1);
        int rows = 0;
        for (int p = 0; p < drawn.length; p++) {
            if (rowOfDraw[drawn[p]] < 0) {
                rowOfDraw[drawn[p]] = rows;
                pathOf[rows++] = p;
            }
            rowOf[p] = rowOfDraw[drawn[p]];
        }
        return rows;
    }

    /** After the second trading step two paths rarely share a history: each path has its own row. */
    private static int ownRows(int[] rowOf, int[] pathOf) {
        for (int p = 0; p < rowOf.length; p++) {
            rowOf[p] = p;
            pathOf[p] = p;
        }
        return rowOf.length;
    }

    private float[] lastCovariates(MarketSeries history, Map<String, double[]> covariates) {
        double[][] columns = features.covariateColumns(history, covariates);
        float[] last = new float[columns.length];
        for (int c = 0; c < columns.length; c++) {
            last[c] = (float) columns[c][history.size() - 1];
        }
        return last;
    }
}
