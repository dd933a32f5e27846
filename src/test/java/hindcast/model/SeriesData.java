package hindcast.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Test data as plain arrays, to edit before building a {@link MarketSeries}: weekday observations with a
 * temperature covariate and a rain covariate that is often missing.
 */
record SeriesData(int[] days, double[] closes, double[] temp, double[] rain) {
    static final String TEMP = "temp";
    static final String RAIN = "rain";

    /**
     * {@code n} weekdays from Monday 2024-01-01: closes a log random walk from 100 with a weak AR(1) in its
     * returns, a seasonal temperature with noise, rain missing on about 30% of days.
     */
    static SeriesData weekdays(int n) {
        Rng rng = new Rng(11);
        int[] days = new int[n];
        double[] closes = new double[n];
        double[] temp = new double[n];
        double[] rain = new double[n];
        LocalDate d = LocalDate.of(2024, 1, 1);
        double log = Math.log(100);
        double r = 0;
        for (int i = 0; i < n; i++, d = d.plusDays(1)) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            days[i] = (int) d.toEpochDay();
            r = 0.3 * r + 0.012 * rng.nextGaussian();
            log += r;
            closes[i] = Math.exp(log);
            temp[i] = 20 + 5 * Math.sin(2 * Math.PI * d.getDayOfYear() / 365.25) + rng.nextGaussian();
            rain[i] = rng.nextDouble() < 0.3 ? Double.NaN : 5 * rng.nextDouble();
        }
        return new SeriesData(days, closes, temp, rain);
    }

    MarketSeries series() {
        return new MarketSeries("Coffee", days, closes, Map.of(TEMP, temp, RAIN, rain));
    }

    int size() {
        return days.length;
    }

    LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    SeriesData copy() {
        return new SeriesData(days.clone(), closes.clone(), temp.clone(), rain.clone());
    }

    SeriesData withClose(int i, double close) {
        SeriesData c = copy();
        c.closes[i] = close;
        return c;
    }

    /** Without the observations before {@code first}. */
    SeriesData from(int first) {
        return new SeriesData(Arrays.copyOfRange(days, first, size()), Arrays.copyOfRange(closes, first, size()),
                Arrays.copyOfRange(temp, first, size()), Arrays.copyOfRange(rain, first, size()));
    }

    SeriesData without(int i) {
        return new SeriesData(remove(days, i), remove(closes, i), remove(temp, i), remove(rain, i));
    }

    /** With an observation on {@code day}, which no observation has, copying the values of observation i. */
    SeriesData withExtra(LocalDate day, int i) {
        int at = -Arrays.binarySearch(days, (int) day.toEpochDay()) - 1;
        int[] d = new int[size() + 1];
        System.arraycopy(days, 0, d, 0, at);
        d[at] = (int) day.toEpochDay();
        System.arraycopy(days, at, d, at + 1, size() - at);
        return new SeriesData(d, insert(closes, at, closes[i]), insert(temp, at, temp[i]), insert(rain, at, rain[i]));
    }

    private static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, out.length - i);
        return out;
    }

    private static double[] remove(double[] a, int i) {
        double[] out = new double[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, out.length - i);
        return out;
    }

    private static double[] insert(double[] a, int at, double v) {
        double[] out = new double[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = v;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }
}
