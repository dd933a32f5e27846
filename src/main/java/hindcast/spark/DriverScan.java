package hindcast.spark;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.AlwaysFalse;
import io.delta.kernel.expressions.AlwaysTrue;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a small Delta table (the index, the fits, the market) on the driver with Delta Kernel: the latest
 * snapshot's rows, no Spark job and no query planning. A Spark read of a few thousand rows costs a few hundred
 * milliseconds of planning and small jobs, paid by every batch while the executors wait; this costs tens.
 * Rows come back as the session's Spark reads give them (DATE as LocalDate, TIMESTAMP as Instant, by name),
 * so callers convert them as before. Tables that grow with the forecasts ({@code distributions}) stay Spark's.
 */
final class DriverScan {
    private final Engine engine;

    DriverScan(SparkSession spark) {
        // The session's Hadoop configuration: the same file systems and credentials as its Spark reads.
        this.engine = DefaultEngine.create(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * The rows of the table's {@code columns} (of its schema, {@code table}) that {@code where} and {@code keep} both
     * accept; {@code columns} must include those {@code where} names. Files that {@code where} rules out by their
     * partition values and column statistics are not read (an index of 400 files, 1 % of them wanted: 70–100 ms
     * instead of 350–530 ms); {@code keep} tests what {@code where} cannot say, such as date ranges.
     */
    List<Row> rows(String location, Table table, List<String> columns, Where where, Predicate<Row> keep) {
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType(columns.stream()
                .map(c -> table.schema().apply(c)).toArray(org.apache.spark.sql.types.StructField[]::new));
        Snapshot snapshot = io.delta.kernel.Table.forPath(engine, location).getLatestSnapshot(engine);
        StructType stored = snapshot.getSchema(engine);
        StructType read = new StructType(columns.stream().map(stored::get).toList());
        Scan scan = snapshot.getScanBuilder(engine).withReadSchema(engine, read)
                .withFilter(engine, where.files).build();
        io.delta.kernel.data.Row state = scan.getScanState(engine);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(engine, state);
        Predicate<Row> wanted = where.rows.and(keep);
        List<Row> out = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
            while (files.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> addFiles = files.next().getRows()) {
                    while (addFiles.hasNext()) {
                        io.delta.kernel.data.Row file = addFiles.next();
                        FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
                        CloseableIterator<ColumnarBatch> data = engine.getParquetHandler().readParquetFiles(
                                Utils.singletonCloseableIterator(status), physical, Optional.empty());
                        try (CloseableIterator<FilteredColumnarBatch> batches =
                                     Scan.transformPhysicalData(engine, state, file, data)) {
                            while (batches.hasNext()) {
                                collect(batches.next(), read, schema, wanted, out);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location, e);
        }
        return out;
    }

    /** The number of data files in the table's latest snapshot, from its log alone (no data file is opened). */
    int files(String location) {
        Snapshot snapshot = io.delta.kernel.Table.forPath(engine, location).getLatestSnapshot(engine);
        int n = 0;
        try (CloseableIterator<FilteredColumnarBatch> files = snapshot.getScanBuilder(engine).build()
                .getScanFiles(engine)) {
            while (files.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> addFiles = files.next().getRows()) {
                    for (; addFiles.hasNext(); addFiles.next()) {
                        n++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + location, e);
        }
        return n;
    }

    /**
     * Which rows a read wants, by string columns equal to values: Kernel skips the files that cannot hold any, and
     * each row read is tested again, as a file's statistics only bound its values.
     */
    static final class Where {
        /** Every row. */
        static final Where ALL = new Where(AlwaysTrue.ALWAYS_TRUE, r -> true);

        private final io.delta.kernel.expressions.Predicate files;
        private final Predicate<Row> rows;

        private Where(io.delta.kernel.expressions.Predicate files, Predicate<Row> rows) {
            this.files = files;
            this.rows = rows;
        }

        /** Rows whose columns equal these values, e.g. {commodity: Coffee, model_version: naive}. */
        static Where equal(Map<String, String> values) {
            return values.entrySet().stream().map(e -> new Where(new io.delta.kernel.expressions.Predicate("=",
                            new Column(e.getKey()), Literal.ofString(e.getValue())),
                            r -> e.getValue().equals(r.getAs(e.getKey()))))
                    .reduce((a, b) -> new Where(new And(a.files, b.files), a.rows.and(b.rows))).orElse(ALL);
        }

        /** Rows that any of these wants; none of them: no row. */
        static Where anyOf(Collection<Where> wheres) {
            return wheres.stream().reduce((a, b) -> new Where(new Or(a.files, b.files), a.rows.or(b.rows)))
                    .orElse(new Where(AlwaysFalse.ALWAYS_FALSE, r -> false));
        }
    }

    private static void collect(FilteredColumnarBatch batch, StructType read,
                                org.apache.spark.sql.types.StructType schema, Predicate<Row> keep, List<Row> out)
            throws IOException {
        List<StructField> fields = read.fields();
        try (CloseableIterator<io.delta.kernel.data.Row> rows = batch.getRows()) {
            while (rows.hasNext()) {
                io.delta.kernel.data.Row r = rows.next();
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.isNullAt(i) ? null : value(r, i, fields.get(i).getDataType());
                }
                Row row = new GenericRowWithSchema(values, schema);
                if (keep.test(row)) {
                    out.add(row);
                }
            }
        }
    }

    /** A value as Spark's Java API gives it with {@code spark.sql.datetime.java8API.enabled}. */
    private static Object value(io.delta.kernel.data.Row r, int i, DataType type) {
        if (type instanceof StringType) {
            return r.getString(i);
        } else if (type instanceof IntegerType) {
            return r.getInt(i);
        } else if (type instanceof LongType) {
            return r.getLong(i);
        } else if (type instanceof DoubleType) {
            return r.getDouble(i);
        } else if (type instanceof FloatType) {
            return r.getFloat(i);
        } else if (type instanceof BooleanType) {
            return r.getBoolean(i);
        } else if (type instanceof DateType) {
            return LocalDate.ofEpochDay(r.getInt(i));
        } else if (type instanceof TimestampType) {
            long micros = r.getLong(i);
            return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                    .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000);
        } else if (type instanceof BinaryType) {
            return r.getBinary(i);
        }
        throw new IllegalArgumentException("no driver read of a " + type + " column");
    }
}
