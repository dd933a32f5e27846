package hindcast.model.sarimax;

/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992), as pmdarima's
 * {@code KPSSTest} runs it for {@code ndiffs}: with e_t = x_t - mean(x) and S_t = e_1 + ... + e_t,
 * <pre>
 *   KPSS = sum_t S_t^2 / (n^2 s^2(l)),
 *   s^2(l) = (1/n) sum_t e_t^2 + (2/n) sum_{s=1}^{l} (1 - s/(l+1)) sum_{t>s} e_t e_{t-s},
 *   l = trunc(3 sqrt(n) / 13)   (pmdarima's lshort)
 * </pre>
 * The null hypothesis is stationarity; it is rejected at 5% when KPSS exceeds 0.463.
 */
public final class Kpss {
    /** Asymptotic 5% critical value for the level-stationarity test (KPSS 1992, table 1). */
    public static final double CRITICAL_5PCT = 0.463;

    private Kpss() {
    }

    public static double statistic(double[] x) {
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException("KPSS needs at least 3 observations, have " + n);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double cum = 0;
        double eta = 0;
        for (int t = 0; t < n; t++) {
            e[t] = x[t] - mean;
            cum += e[t];
            eta += cum * cum;
        }
        int lags = (int) (3 * Math.sqrt(n) / 13);
        double s2 = 0;
        for (double v : e) {
            s2 += v * v;
        }
        for (int s = 1; s <= lags; s++) {
            double acov = 0;
            for (int t = s; t < n; t++) {
                acov += e[t] * e[t - s];
            }
            s2 += 2 * (1 - s / (lags + 1.0)) * acov;
        }
        s2 /= n;
        return s2 > 0 ? eta / ((double) n * n * s2) : 0;
    }

    /** True when the test rejects level stationarity at 5%: the series needs differencing. */
    public static boolean needsDifferencing(double[] x) {
        return statistic(x) > CRITICAL_5PCT;
    }

    /**
     * pmdarima's {@code ndiffs(x, test="kpss", alpha=0.05, max_d)}: difference while the test rejects, up to
     * maxD times; a constant series stops the search.
     */
    public static int ndiffs(double[] x, int maxD) {
        int d = 0;
        double[] current = x;
        while (d < maxD && !isConstant(current) && needsDifferencing(current)) {
            d++;
            current = StartValues.difference(current, 1);
        }
        return d;
    }

    private static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }
}
