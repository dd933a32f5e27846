package hindcast.model.xgboost;

import hindcast.model.MarketSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Features for predicting the log return of trading day t, r(t) = log C(t) - log C(t-1), from data dated on
 * or before t-1 only. The target is a return, not a price: returns are roughly stationary, so a tree fitted
 * on one price regime still applies in the next, where a price target would be capped at the training range.
 * <p>
 * Row layout: r(t-k) for each lag k; for each window w the mean and the sample standard deviation of
 * r(t-w)..r(t-1); for each window w the distance log C(t-1) - mean(log C(t-w)..log C(t-1)); day of week, month
 * and day of year of t; each covariate's value at t-1 (NaN = missing, which XGBoost handles natively).
 * <p>
 * Training and simulation build rows with the same {@link #fill}, which reads log closes strictly before t:
 * the target cannot leak into its own row, and a simulated path gets exactly the features the model learned.
 */
public final class XgbFeatures {
    private final int[] lags;
    private final int[] windows;
    private final List<String> covariates;
    private final int lookback;
    // Heads of rows that share nothing: every window sum starts from zero.
    private final double[] noHeads;

    public XgbFeatures(int[] lags, int[] windows, List<String> covariates) {
        if (lags.length == 0 || Arrays.stream(lags).anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("xgboost lags must be a non-empty list of integers >= 1, got "
                    + Arrays.toString(lags));
        }
        if (Arrays.stream(windows).anyMatch(w -> w < 2)) {
            throw new IllegalArgumentException("xgboost windows must be integers >= 2, got " + Arrays.toString(windows));
        }
        this.lags = lags.clone();
        this.windows = windows.clone();
        this.covariates = List.copyOf(covariates);
        // r(t-m) needs log C(t-m-1): the row reads the last max(lag, window) + 1 log closes before t.
        this.noHeads = new double[2 * windows.length];
        this.lookback = Math.max(Arrays.stream(lags).max().getAsInt(), Arrays.stream(windows).max().orElse(0)) + 1;
    }

    /** lags [1, 7, 14], windows [7, 30], no covariates. */
    public static XgbFeatures defaults() {
        return new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of());
    }

    public int[] lags() {
        return lags.clone();
    }

    public int[] windows() {
        return windows.clone();
    }

    public List<String> covariates() {
        return covariates;
    }

    /** Log closes a row needs before its target. */
    public int lookback() {
        return lookback;
    }

    public int width() {
        return pathWidth() + 3 + covariates.size();
    }

    /**
     * The leading features, which depend on the log closes (lags and windows). The rest, calendar and
     * covariates, are the same for every simulated path of a step.
     */
    int pathWidth() {
        return lags.length + 3 * windows.length;
    }

    /** Feature rows and targets of a training series: one row per observation t >= {@link #lookback()}. */
    public record Rows(float[] x, float[] y, int count, int width) {
    }

    /**
     * Rows for every target in {@code series}. {@code covariateValues} maps each configured covariate to values
     * aligned with the series' observations (index i = the value as of observation i; extra entries are ignored).
     */
    public Rows rows(MarketSeries series, Map<String, double[]> covariateValues) {
        double[][] cov = covariateColumns(series, covariateValues);
        double[] logClose = logCloses(series);
        int count = Math.max(series.size() - lookback, 0);
        int width = width();
        float[] x = new float[count * width];
        float[] y = new float[count];
        float[] prevCov = new float[cov.length];
        for (int row = 0; row < count; row++) {
            int t = lookback + row;
            for (int c = 0; c < cov.length; c++) {
                prevCov[c] = (float) cov[c][t - 1];
            }
            fill(logClose, t, series.date(t), prevCov, x, row * width);
            y[row] = (float) (logClose[t] - logClose[t - 1]);
        }
        return new Rows(x, y, count, width);
    }

    /**
     * Writes the row for target index t into {@code out[offset..offset + width())}. Reads only
     * {@code logClose[t - lookback() .. t-1]}; {@code prevCovariates} are the covariate values as of t-1.
     */
    void fill(double[] logClose, int t, LocalDate target, float[] prevCovariates, float[] out, int offset) {
        fillPaths(new double[][] {logClose}, new int[1], 1, t, 0, noHeads, out, offset, width());
        fillShared(target, prevCovariates, out, offset + pathWidth());
    }

    /**
     * For rows at target index t whose log closes agree before index {@code common}: each window's sums over
     * that shared head, of the returns and of the log closes, for {@link #fillPaths}.
     */
    double[] heads(double[] logClose, int t, int common) {
        double[] heads = new double[2 * windows.length];
        for (int i = 0; i < windows.length; i++) {
            int end = Math.min(t, common);
            double sum = 0;
            double sumLog = 0;
            for (int j = t - windows[i]; j < end; j++) {
                sum += logClose[j] - logClose[j - 1];
            }
            for (int j = t - windows[i]; j < end; j++) {
                sumLog += logClose[j];
            }
            heads[2 * i] = sum;
            heads[2 * i + 1] = sumLog;
        }
        return heads;
    }

    /**
     * The first {@link #pathWidth()} features of rows for target index t, as {@link #fill} writes them: row r,
     * at {@code out[offset + r * stride ..]}, from the log closes {@code logClose[pathOf[r]]}, for r in
     * [0, rows). Window sums continue from {@code heads} ({@link #heads} of the same t and {@code common})
     * instead of summing the shared head again for every path. A standard deviation sums its squares one after
     * another, each addition waiting on the last: rows are taken two at a time (the last of an odd count with
     * itself), so that two such chains run side by side. Every row's terms are added in the same order as for
     * one row alone, so every bit agrees.
     */
    void fillPaths(double[][] logClose, int[] pathOf, int rows, int t, int common, double[] heads, float[] out,
                   int offset, int stride) {
        for (int r = 0; r < rows; r += 2) {
            int r2 = Math.min(r + 1, rows - 1);
            double[] a = logClose[pathOf[r]];
            double[] b = logClose[pathOf[r2]];
            int o = offset + r * stride;
            int o2 = offset + r2 * stride;
            for (int k : lags) {
                out[o++] = (float) (a[t - k] - a[t - k - 1]);
                out[o2++] = (float) (b[t - k] - b[t - k - 1]);
            }
            for (int i = 0; i < windows.length; i++) {
                int w = windows[i];
                double sum = heads[2 * i];
                double sum2 = sum;
                for (int j = Math.max(t - w, Math.min(t, common)); j < t; j++) {
                    sum += a[j] - a[j - 1];
                    sum2 += b[j] - b[j - 1];
                }
                double mean = sum / w;
                double mean2 = sum2 / w;
                double ss = 0;
                double ss2 = 0;
                for (int j = t - w; j < t; j++) {
                    double d = a[j] - a[j - 1] - mean;
                    double d2 = b[j] - b[j - 1] - mean2;
                    ss += d * d;
                    ss2 += d2 * d2;
                }
                out[o++] = (float) mean;
                out[o++] = (float) Math.sqrt(ss / (w - 1));
                out[o2++] = (float) mean2;
                out[o2++] = (float) Math.sqrt(ss2 / (w - 1));
            }
            for (int i = 0; i < windows.length; i++) {
                int w = windows[i];
                double sum = heads[2 * i + 1];
                double sum2 = sum;
                for (int j = Math.max(t - w, Math.min(t, common)); j < t; j++) {
                    sum += a[j];
                    sum2 += b[j];
                }
                out[o++] = (float) (a[t - 1] - sum / w);
                out[o2++] = (float) (b[t - 1] - sum2 / w);
            }
        }
    }

    /** The features after the first {@link #pathWidth()}, as {@link #fill} writes them. */
    void fillShared(LocalDate target, float[] prevCovariates, float[] out, int offset) {
        int o = offset;
        out[o++] = target.getDayOfWeek().getValue();
        out[o++] = target.getMonthValue();
        out[o++] = target.getDayOfYear();
        for (float v : prevCovariates) {
            out[o++] = v;
        }
    }

    /** The configured covariates' columns, checked to cover the series; a missing column is named. */
    double[][] covariateColumns(MarketSeries series, Map<String, double[]> covariateValues) {
        double[][] cols = new double[covariates.size()][];
        for (int c = 0; c < cols.length; c++) {
            String name = covariates.get(c);
            double[] values = covariateValues.get(name);
            if (values == null) {
                throw new IllegalArgumentException(series.commodity() + ": xgboost covariate '" + name
                        + "' is missing; available: " + covariateValues.keySet());
            }
            if (values.length < series.size()) {
                throw new IllegalArgumentException(series.commodity() + ": xgboost covariate '" + name + "' has "
                        + values.length + " values for " + series.size() + " observations");
            }
            cols[c] = values;
        }
        return cols;
    }

    private static double[] logCloses(MarketSeries series) {
        double[] logClose = new double[series.size()];
        for (int i = 0; i < logClose.length; i++) {
            logClose[i] = StrictMath.log(series.close(i));
        }
        return logClose;
    }
}
