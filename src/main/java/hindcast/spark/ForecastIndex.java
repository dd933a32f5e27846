package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.StoredForecast;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

/**
 * The {@code forecast_index} table: one small row per forecast of {@code distributions} (fit, fingerprint, paths
 * stored), so that planning and status read thousands of rows instead of scanning millions of paths. It is
 * derived from {@code distributions} and written after it: after a crash between the two commits the index
 * lags (a forecast looks missing or stale), which only makes the next run compute it again, never skip it.
 * The table is small and unpartitioned, so its writes are made one at a time in this JVM ({@link #WRITES}):
 * units of work committing at once would otherwise conflict on it and retry.
 */
public final class ForecastIndex {
    /** Files at which a batch compacts the index: a planning read opens each file it cannot skip, about 1 ms each. */
    static final int COMPACT_AT_FILES = 50;
    private static final ReentrantLock WRITES = new ReentrantLock();

    private final SparkSession spark;
    private final Settings settings;
    private final DriverScan scan;

    ForecastIndex(SparkSession spark, Settings settings, DriverScan scan) {
        this.spark = spark;
        this.settings = settings;
        this.scan = scan;
    }

    /**
     * The stored forecasts of each partition, (commodity, model), dated in its span, by partition and date (an
     * empty map where none is stored): one read for all partitions.
     */
    public Map<List<String>, Map<LocalDate, StoredForecast>> load(Map<List<String>, DateSpan> spans) {
        Map<List<String>, Map<LocalDate, StoredForecast>> out = new HashMap<>();
        spans.keySet().forEach(k -> out.put(k, new HashMap<>()));
        if (spans.isEmpty()) {
            return out;
        }
        DriverScan.Where partitions = DriverScan.Where.anyOf(spans.keySet().stream()
                .map(ForecastIndex::partition).toList());
        for (Row r : rows(partitions, r -> spans.get(List.of(r.getString(0), r.getString(1))).contains(r.getAs(2)))) {
            out.get(List.of(r.getString(0), r.getString(1))).put(r.getAs(2), stored(r));
        }
        return out;
    }

    /** Every stored forecast of the commodity, by model and date. */
    Map<String, Map<LocalDate, StoredForecast>> byModel(String commodity) {
        Map<String, Map<LocalDate, StoredForecast>> out = new HashMap<>();
        for (Row r : rows(DriverScan.Where.equal(Map.of("commodity", commodity)), r -> true)) {
            out.computeIfAbsent(r.getString(1), m -> new HashMap<>()).put(r.getAs(2), stored(r));
        }
        return out;
    }

    /**
     * The index rows {@code where} and {@code keep} accept, read on the driver: commodity, model, date, fit,
     * fingerprint, paths.
     */
    private List<Row> rows(DriverScan.Where where, Predicate<Row> keep) {
        return scan.rows(Table.FORECAST_INDEX.location(settings), Table.FORECAST_INDEX, List.of("commodity",
                "model_version", "forecast_start_date", "train_date", "fingerprint", "paths"), where, keep);
    }

    /** The rows of a partition, [commodity, model]. */
    private static DriverScan.Where partition(List<String> key) {
        return DriverScan.Where.equal(Map.of("commodity", key.get(0), "model_version", key.get(1)));
    }

    private static StoredForecast stored(Row r) {
        return new StoredForecast(r.getAs(2), r.getAs(3), r.getAs(4), r.getInt(5));
    }

    /** The whole index. */
    public Dataset<Row> table() {
        return spark.read().format("delta").load(Table.FORECAST_INDEX.location(settings));
    }

    /**
     * Records forecasts just written with all their paths. New forecasts (their paths were inserted, none was
     * stored) have no index row, so an insert-only MERGE does: Delta runs it as one anti-join and an append,
     * about half the work of an updating MERGE. The rows of replaced forecasts' dates are replaced by condition
     * as their paths were ({@link Merge#replace}): no join of the new rows with the stored ones.
     */
    void record(String commodity, String modelVersion, List<StoredForecast> forecasts, Instant writtenAt,
                boolean replaced) {
        Timestamp at = Timestamp.from(writtenAt);
        Merge merge = merge(commodity, modelVersion);
        Dataset<Row> rows = merge.frame(forecasts.stream().map(f -> RowFactory.create(commodity, modelVersion,
                f.date(), f.trainDate(), f.fingerprint(), f.paths(), at)).toList());
        oneAtATime(() -> {
            if (replaced) {
                merge.replace(rows, Sql.forecasts(commodity, modelVersion,
                        forecasts.stream().map(StoredForecast::date).toList()));
            } else {
                merge.insertMissing(rows);
            }
        });
    }

    /** Re-derives the rows of (commodity, model) dated in [from, to] from what {@code distributions} holds. */
    void derive(String commodity, String modelVersion, LocalDate from, LocalDate to) {
        oneAtATime(() -> merge(commodity, modelVersion).upsert(derived(col("commodity").equalTo(lit(commodity))
                .and(col("model_version").equalTo(lit(modelVersion)))
                .and(col("forecast_start_date").between(lit(from), lit(to))))));
    }

    /**
     * Bin-packs the index into one file (Delta's OPTIMIZE) once it has {@code atFiles} files. Every commit adds
     * a small file, and every planning read lists them and opens those it cannot skip, so a long-lived
     * installation's reads would grow with its history of commits. OPTIMIZE changes no row (a dataChange=false
     * commit). A write of another process that read the files replaced retries ({@link ConflictRetry}); if one
     * commits first instead, this compaction is left to the next call. Returns whether it compacted.
     */
    boolean compact(int atFiles) {
        String location = Table.FORECAST_INDEX.location(settings);
        boolean[] compacted = {false};
        oneAtATime(() -> {
            if (scan.files(location) >= atFiles) {
                try {
                    DeltaTable.forPath(spark, location).optimize().executeCompaction();
                    compacted[0] = true;
                } catch (DeltaConcurrentModificationException e) {
                    System.err.println("forecast_index compaction lost a race with another writer ("
                            + e.getClass().getSimpleName() + "); left to the next batch");
                }
            }
        });
        return compacted[0];
    }

    private static void oneAtATime(Runnable write) {
        WRITES.lock();
        try {
            write.run();
        } finally {
            WRITES.unlock();
        }
    }

    /** Replaces the whole index by one derived from {@code distributions}, in one commit. */
    public void rebuild() {
        derived(lit(true)).write().format("delta").mode("overwrite").save(Table.FORECAST_INDEX.location(settings));
    }

    /**
     * Whether the index has never been written while {@code distributions} holds forecasts: an upgrade. Its
     * version comes from the Delta log's listing (no Spark job: this runs at every open); the rows are read only
     * in that rare case.
     */
    boolean needsRebuild() {
        return DeltaLog.forTable(spark, Table.FORECAST_INDEX.location(settings))
                .update(false, Option.empty(), Option.empty()).version() == 0
                && !spark.read().format("delta").load(Table.DISTRIBUTIONS.location(settings))
                .where(col("is_actuals").equalTo(false)).isEmpty();
    }

    /**
     * One row per forecast matching {@code filter}: its paths counted among ids 1..paths; its fit and fingerprint
     * when all its rows agree on them (rows of two writes never should; if they did, null marks it stale).
     */
    private Dataset<Row> derived(Column filter) {
        Column agree = min("fingerprint").equalTo(max("fingerprint")).and(min("train_date").equalTo(max("train_date")));
        return spark.read().format("delta").load(Table.DISTRIBUTIONS.location(settings))
                .where(filter.and(col("path_id").between(1, settings.forecast().paths())))
                .groupBy("commodity", "model_version", "forecast_start_date")
                .agg(when(agree, min("train_date")).as("train_date"), when(agree, min("fingerprint")).as("fingerprint"),
                        count(lit(1)).cast("int").as("paths"), max("generation_timestamp").as("written_at"))
                .selectExpr(Table.FORECAST_INDEX.schema().fieldNames());
    }

    private Merge merge(String commodity, String modelVersion) {
        return Merge.into(spark, settings, Table.FORECAST_INDEX)
                .pruning("t.commodity = " + Sql.string(commodity) + " AND t.model_version = " + Sql.string(modelVersion))
                .describedAs("forecast_index MERGE of " + commodity + " / " + modelVersion);
    }
}
