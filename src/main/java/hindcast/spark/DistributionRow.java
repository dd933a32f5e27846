package hindcast.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code distributions}: a Monte Carlo path ({@code pathId >= 1}) or, with {@code isActuals}, the
 * realised prices of the forecast ({@code pathId = 0}). {@code days[k]} is column {@code day_(k+1)}, the price of
 * D+k. The data cutoff is always D-1; leakage is flagged if a row ever claims otherwise.
 */
record DistributionRow(int pathId, LocalDate forecastStartDate, Instant generatedAt, String modelVersion,
                       String commodity, float[] days, boolean isActuals, LocalDate trainDate, String fingerprint) {
    static final int ACTUALS_PATH_ID = 0;

    /** A path of the forecast made by the fit of {@code trainDate}; {@code fingerprint} is what it read. */
    static DistributionRow path(int pathId, LocalDate start, Instant generatedAt, String modelVersion,
                                String commodity, float[] days, LocalDate trainDate, String fingerprint) {
        return new DistributionRow(pathId, start, generatedAt, modelVersion, commodity, days, false, trainDate,
                fingerprint);
    }

    /** The realised prices of the forecast; {@code fingerprint} is that of the market rows they and its scores read. */
    static DistributionRow actuals(LocalDate start, Instant generatedAt, String modelVersion, String commodity,
                                   float[] days, String fingerprint) {
        return new DistributionRow(ACTUALS_PATH_ID, start, generatedAt, modelVersion, commodity, days, true, null,
                fingerprint);
    }

    LocalDate dataCutoffDate() {
        return forecastStartDate.minusDays(1);
    }

    /** The row in {@link Table#DISTRIBUTIONS}'s column order. */
    Row toRow() {
        LocalDate cutoff = dataCutoffDate();
        Object[] v = new Object[10 + days.length];
        v[0] = pathId;
        v[1] = forecastStartDate;
        v[2] = cutoff;
        v[3] = generatedAt;
        v[4] = modelVersion;
        v[5] = commodity;
        for (int k = 0; k < days.length; k++) {
            v[6 + k] = days[k];
        }
        v[6 + days.length] = isActuals;
        v[7 + days.length] = !forecastStartDate.isAfter(cutoff); // has_data_leakage: D <= cutoff
        v[8 + days.length] = trainDate;
        v[9 + days.length] = fingerprint;
        return RowFactory.create(v);
    }

    /** The SQL list of the day columns, {@code day_1, ..., day_n}. */
    static String dayColumns(int horizonDays) {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= horizonDays; k++) {
            b.append(k > 1 ? ", " : "").append(dayColumn(k));
        }
        return b.toString();
    }

    static String dayColumn(int day) {
        return "day_" + day;
    }

    /** The day columns of a row read with at least {@code day_1 .. day_n}, by name. */
    static float[] days(Row r, int horizonDays) {
        float[] v = new float[horizonDays];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.getFloat(r.fieldIndex(dayColumn(k + 1)));
        }
        return v;
    }
}
