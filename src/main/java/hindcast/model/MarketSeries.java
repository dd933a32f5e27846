package hindcast.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily closes of one commodity, sorted by date (trading days only). A series can be cut at a date,
 * sharing the arrays: models only ever receive a cut series, so data after the cutoff is out of reach.
 */
public final class MarketSeries implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String commodity;
    private final int[] epochDays;
    private final double[] closes;
    /** Covariate name -> values aligned with the dates; NaN where missing. */
    private final Map<String, double[]> covariates;
    private final int size;

    public MarketSeries(String commodity, int[] epochDays, double[] closes) {
        this(commodity, epochDays, closes, Map.of());
    }

    public MarketSeries(String commodity, int[] epochDays, double[] closes, Map<String, double[]> covariates) {
        this(commodity, epochDays, closes, Map.copyOf(covariates), epochDays.length);
        if (epochDays.length != closes.length) {
            throw new IllegalArgumentException("dates and closes differ in length");
        }
        covariates.forEach((name, values) -> {
            if (values.length != epochDays.length) {
                throw new IllegalArgumentException("covariate " + name + " is not aligned with the dates");
            }
        });
        for (int i = 1; i < epochDays.length; i++) {
            if (epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException(commodity + ": dates must be strictly increasing at "
                        + LocalDate.ofEpochDay(epochDays[i]));
            }
        }
    }

    private MarketSeries(String commodity, int[] epochDays, double[] closes, Map<String, double[]> covariates,
                         int size) {
        this.commodity = commodity;
        this.epochDays = epochDays;
        this.closes = closes;
        this.covariates = covariates;
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

    /** The index of the last observation dated on or before {@code date}, -1 if there is none. */
    public int indexOnOrBefore(LocalDate date) {
        int idx = Arrays.binarySearch(epochDays, 0, size, (int) date.toEpochDay());
        return idx >= 0 ? idx : -idx - 2;
    }

    /** The observations dated on or before {@code cutoff}. */
    public MarketSeries cutAt(LocalDate cutoff) {
        return cutAt(indexOnOrBefore(cutoff) + 1);
    }

    private MarketSeries cutAt(int n) {
        return n == size ? this : new MarketSeries(commodity, epochDays, closes, covariates, n);
    }

    /** The last {@code count} observations (all when fewer), as a new series. */
    public MarketSeries last(int count) {
        int from = Math.max(0, size - count);
        Map<String, double[]> cov = new HashMap<>();
        covariates.forEach((name, v) -> cov.put(name, Arrays.copyOfRange(v, from, size)));
        return new MarketSeries(commodity, Arrays.copyOfRange(epochDays, from, size),
                Arrays.copyOfRange(closes, from, size), cov, size - from);
    }

    public double[] closes() {
        return Arrays.copyOf(closes, size);
    }

    /** The named covariates as columns aligned with the observations (NaN where missing); an unknown name is an error. */
    public Map<String, double[]> covariateColumns(List<String> names) {
        Map<String, double[]> out = new HashMap<>();
        for (String name : names) {
            double[] values = covariates.get(name);
            if (values == null) {
                throw new IllegalArgumentException(commodity + " has no covariate '" + name
                        + "' in the market table; ingest it with --covariates (have: " + covariates.keySet() + ")");
            }
            out.put(name, Arrays.copyOf(values, size));
        }
        return out;
    }

    /** The named covariate aligned with the observations, NaN (missing) everywhere when the series lacks it. */
    public double[] covariateOrMissing(String name) {
        double[] values = covariates.get(name);
        if (values == null) {
            double[] missing = new double[size];
            Arrays.fill(missing, Double.NaN);
            return missing;
        }
        return Arrays.copyOf(values, size);
    }

    /**
     * Rows of the named covariates, [observation][name], for model regressors. A missing value is an error
     * naming the covariate and the date, since a model cannot guess it without leaking or inventing data.
     */
    public double[][] covariateRows(List<String> names) {
        Map<String, double[]> columns = covariateColumns(names);
        double[][] rows = new double[size][names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] values = columns.get(names.get(j));
            for (int i = 0; i < size; i++) {
                if (Double.isNaN(values[i])) {
                    throw new IllegalArgumentException(commodity + ": covariate " + names.get(j) + " is missing on "
                            + date(i));
                }
                rows[i][j] = values[i];
            }
        }
        return rows;
    }

    /**
     * The last contiguous run of observations where every named covariate has a value: a regression can use
     * them all. A covariate missing on the last observation is an error naming it and the date.
     */
    public MarketSeries withCovariatesPresent(List<String> names) {
        Map<String, double[]> columns = covariateColumns(names);
        int from = 0;
        for (int i = size - 1; i >= 0 && from == 0; i--) {
            for (String name : names) {
                if (Double.isNaN(columns.get(name)[i])) {
                    if (i == size - 1) {
                        throw new IllegalArgumentException(commodity + ": covariate " + name + " is missing on "
                                + date(i));
                    }
                    from = i + 1;
                    break;
                }
            }
        }
        return from == 0 ? this : last(size - from);
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
