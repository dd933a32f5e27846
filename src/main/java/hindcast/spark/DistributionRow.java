package hindcast.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.unsafe.types.UTF8String;

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

    /**
     * Writes the path rows of one forecast at a time straight into Spark's binary row format, as a file reader
     * does. A forecast's rows share everything but path_id and the days, so dates, timestamp and strings are
     * converted once per forecast, and no per-row object or boxed float is made: building rows through
     * {@link #toRow()} and Spark's row encoder took about a third of a backfill's executor time. Gives the same
     * values as {@link #toRow()} (TableTest). The row returned is reused by the next call, as Spark's own are.
     */
    static final class PathWriter {
        private final int horizonDays;
        private final UnsafeRowWriter writer;
        private int start;
        private int cutoff;
        private boolean leakage;
        private long generatedAt;
        private UTF8String modelVersion;
        private UTF8String commodity;
        private Integer trainDate;
        private UTF8String fingerprint;

        PathWriter(int horizonDays) {
            this.horizonDays = horizonDays;
            this.writer = new UnsafeRowWriter(10 + horizonDays, 64);
        }

        /** Starts the forecast of {@code start}: what its paths share (the arguments of {@link DistributionRow#path}). */
        void forecast(LocalDate start, Instant generatedAt, String modelVersion, String commodity, LocalDate trainDate,
                      String fingerprint) {
            LocalDate cutoff = start.minusDays(1);
            this.start = DateTimeUtils.localDateToDays(start);
            this.cutoff = DateTimeUtils.localDateToDays(cutoff);
            this.leakage = !start.isAfter(cutoff);
            this.generatedAt = DateTimeUtils.instantToMicros(generatedAt);
            this.modelVersion = UTF8String.fromString(modelVersion);
            this.commodity = UTF8String.fromString(commodity);
            this.trainDate = trainDate == null ? null : DateTimeUtils.localDateToDays(trainDate);
            this.fingerprint = fingerprint == null ? null : UTF8String.fromString(fingerprint);
        }

        /** Path {@code pathId} of the current forecast, in {@link Table#DISTRIBUTIONS}'s column order. */
        InternalRow path(int pathId, float[] days) {
            if (days.length != horizonDays) {
                throw new IllegalArgumentException("a path has " + horizonDays + " days, got " + days.length);
            }
            writer.reset();
            writer.zeroOutNullBytes();
            writer.write(0, pathId);
            writer.write(1, start);
            writer.write(2, cutoff);
            writer.write(3, generatedAt);
            writer.write(4, modelVersion);
            writer.write(5, commodity);
            for (int k = 0; k < horizonDays; k++) {
                writer.write(6 + k, days[k]);
            }
            writer.write(6 + horizonDays, false); // is_actuals
            writer.write(7 + horizonDays, leakage);
            if (trainDate == null) {
                writer.setNullAt(8 + horizonDays);
            } else {
                writer.write(8 + horizonDays, trainDate.intValue());
            }
            if (fingerprint == null) {
                writer.setNullAt(9 + horizonDays);
            } else {
                writer.write(9 + horizonDays, fingerprint);
            }
            return writer.getRow();
        }
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
