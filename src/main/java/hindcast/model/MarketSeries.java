package hindcast.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Daily closes of one commodity, sorted by date (trading days only). A series can be cut at a date,
 * sharing the arrays: models only ever receive a cut series, so data after the cutoff is out of reach.
 */
public final class MarketSeries implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String commodity;
    private final int[] epochDays;
    private final double[] closes;
    private final int size;

    public MarketSeries(String commodity, int[] epochDays, double[] closes) {
        this(commodity, epochDays, closes, epochDays.length);
        if (epochDays.length != closes.length) {
            throw new IllegalArgumentException("dates and closes differ in length");
        }
        for (int i = 1; i < epochDays.length; i++) {
            if (epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException(commodity + ": dates must be strictly increasing at "
                        + LocalDate.ofEpochDay(epochDays[i]));
            }
        }
    }

    private MarketSeries(String commodity, int[] epochDays, double[] closes, int size) {
        this.commodity = commodity;
        this.epochDays = epochDays;
        this.closes = closes;
        this.size = size;
    }

    public String commodity() {
        return commodity;
    }

    public int size() {
        return size;
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[check(i)]);
    }

    public double close(int i) {
        return closes[check(i)];
    }

    public LocalDate lastDate() {
        return date(size - 1);
    }

    public double lastClose() {
        return close(size - 1);
    }

    /** The observations dated on or before {@code cutoff}. */
    public MarketSeries cutAt(LocalDate cutoff) {
        int idx = Arrays.binarySearch(epochDays, 0, size, (int) cutoff.toEpochDay());
        int n = idx >= 0 ? idx + 1 : -idx - 1;
        return n == size ? this : new MarketSeries(commodity, epochDays, closes, n);
    }

    /** Log returns between consecutive observations, the last {@code count} of them (fewer if short). */
    public double[] lastLogReturns(int count) {
        int n = Math.min(count, size - 1);
        double[] r = new double[Math.max(n, 0)];
        for (int j = 0; j < r.length; j++) {
            int i = size - r.length + j;
            r[j] = StrictMath.log(closes[i] / closes[i - 1]);
        }
        return r;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size + " observations");
        }
        return i;
    }
}
