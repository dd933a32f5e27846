package hindcast.spark;

import hindcast.config.Settings;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

import static org.apache.spark.sql.functions.col;

/**
 * The one way Hindcast writes a keyed table: a Delta MERGE matching on the table's key ({@link Table#keyColumns}),
 * retried by {@link ConflictRetry} when it loses a race with another writer. {@link #insertMissing} never changes
 * a stored row, so a replayed or overlapping write inserts nothing; {@link #upsert} also rewrites matched rows,
 * {@link #replaceCounted} replaces the rows a condition selects.
 * <p>
 * {@link #pruning} adds literal predicates on the target ({@code t.commodity = 'Coffee' AND ...}) to the ON
 * clause: Delta then reads only the files those can match, which keeps a write's cost flat as the table grows.
 */
final class Merge {
    private final SparkSession spark;
    private final Settings settings;
    private final Table table;
    private String pruning = "";
    private String what;

    private Merge(SparkSession spark, Settings settings, Table table) {
        this.spark = spark;
        this.settings = settings;
        this.table = table;
        this.what = table.name(settings) + " MERGE";
    }

    static Merge into(SparkSession spark, Settings settings, Table table) {
        return new Merge(spark, settings, table);
    }

    /** A condition on the target alias {@code t} made of literals only, e.g. {@code t.commodity IN ('Coffee')}. */
    Merge pruning(String condition) {
        this.pruning = condition + " AND ";
        return this;
    }

    /** How the write is named in retry messages, e.g. "distributions MERGE of Coffee / naive 2023-01-01..". */
    Merge describedAs(String description) {
        this.what = description;
        return this;
    }

    /** The rows as a DataFrame of the table's schema. */
    Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, table.schema());
    }

    /** Inserts the source rows whose key is not in the table. */
    void insertMissing(Dataset<Row> source) {
        insertMissing(target(), source);
    }

    private void insertMissing(DeltaTable target, Dataset<Row> source) {
        ConflictRetry.run(what, builder(target, source).whenNotMatched().insertAll()::execute);
    }

    /** Inserts new keys and overwrites the rows of existing ones. */
    void upsert(Dataset<Row> source) {
        ConflictRetry.run(what, builder(target(), source).whenMatched().updateAll().whenNotMatched().insertAll()::execute);
    }

    /** {@link #insertMissing}, returning the rows it inserted (see {@link #counted}). */
    long insertMissingCounted(Dataset<Row> source) {
        DeltaTable target = target(); // resolved once: each resolution reads the Delta log
        return counted(target, () -> insertMissing(target, source), m -> m.get("numTargetRowsInserted"));
    }

    /**
     * Replaces every row matching {@code where} (a condition on the table's columns) by the source rows, which must
     * all match it, in one commit: Delta's {@code replaceWhere} overwrite. Returns the rows written. Unlike an
     * updating MERGE it computes the source once and joins nothing: the rows are deleted by the condition.
     */
    long replaceCounted(Dataset<Row> source, String where) {
        return counted(target(), () -> ConflictRetry.run(what, () -> source.write().format("delta").mode("overwrite")
                .option("replaceWhere", where).save(table.location(settings))),
                m -> m.get("numOutputRows") - m.get("numCopiedRows")); // copied: kept rows of rewritten files
    }

    /**
     * Runs a write and returns the rows it inserted or wrote, computed by {@code rows} from the operation metrics
     * of its own commit (found by a tag in the
     * commit's user metadata, since another job may have committed right after it); 0 when it changed nothing
     * and made no commit.
     */
    private long counted(DeltaTable target, Runnable write, ToLongFunction<Metrics> rows) {
        String tag = "hindcast " + UUID.randomUUID();
        spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", tag);
        try {
            write.run();
        } finally {
            spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
        }
        List<Row> ours = target.history(20)
                .where(col("userMetadata").equalTo(tag)).select("operationMetrics").collectAsList();
        if (ours.isEmpty()) {
            return 0;
        }
        Map<String, String> metrics = ours.get(0).getJavaMap(0);
        return rows.applyAsLong(name -> Long.parseLong(metrics.getOrDefault(name, "0")));
    }

    /** A commit's operation metrics by name, 0 when absent. */
    private interface Metrics {
        long get(String name);
    }

    private DeltaTable target() {
        return DeltaTable.forPath(spark, table.location(settings));
    }

    private DeltaMergeBuilder builder(DeltaTable target, Dataset<Row> source) {
        return target.as("t").merge(source.as("s"), pruning + table.keyMatch());
    }
}
