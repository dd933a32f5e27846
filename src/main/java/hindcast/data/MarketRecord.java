package hindcast.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One trading day of one commodity. Missing optional values are {@code Double.NaN}. {@code covariates} is
 * indexed like {@link MarketColumns#COVARIATES}; it is copied on construction and must not be mutated.
 */
public record MarketRecord(LocalDate date, double close, double open, double high, double low, double volume,
                           double[] covariates) {

    public MarketRecord {
        Objects.requireNonNull(date, "date");
        if (covariates.length != MarketColumns.COVARIATES.size()) {
            throw new IllegalArgumentException("expected " + MarketColumns.COVARIATES.size()
                    + " covariates, got " + covariates.length);
        }
        covariates = covariates.clone();
    }

    // Records compare arrays by identity; compare the values instead.
    @Override
    public boolean equals(Object o) {
        return o instanceof MarketRecord r
                && date.equals(r.date)
                && Double.compare(close, r.close) == 0
                && Double.compare(open, r.open) == 0
                && Double.compare(high, r.high) == 0
                && Double.compare(low, r.low) == 0
                && Double.compare(volume, r.volume) == 0
                && Arrays.equals(covariates, r.covariates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, close, open, high, low, volume) * 31 + Arrays.hashCode(covariates);
    }

    @Override
    public String toString() {
        return "MarketRecord[date=" + date + ", close=" + close + ", open=" + open + ", high=" + high
                + ", low=" + low + ", volume=" + volume + ", covariates=" + Arrays.toString(covariates) + "]";
    }
}
