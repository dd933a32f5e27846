package hindcast.spark;

import hindcast.config.Settings;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.UUID;

/**
 * The one way Hindcast writes a keyed table: a Delta MERGE matching on the table's key ({@link Table#keyColumns}),
 * retried by {@link ConflictRetry} when it loses a race with another writer. {@link #insertMissing} never changes
 * a stored row, so a replayed or overlapping write inserts nothing; {@link #upsert} also rewrites matched rows,
 * {@link #replace} replaces the rows a condition selects.
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
        ConflictRetry.run(what, builder(target(), source).whenNotMatched().insertAll()::execute);
    }

    /** Inserts new keys and overwrites the rows of existing ones. */
    void upsert(Dataset<Row> source) {
        ConflictRetry.run(what, builder(target(), source).whenMatched().updateAll().whenNotMatched().insertAll()::execute);
    }

    /**
     * {@link #insertMissing}, returning the rows it inserted. Written as SQL because Delta's SQL MERGE returns its
     * metrics (the builder API returns nothing): no history lookup after the commit, and nothing session-wide
     * to set, so units can write concurrently from one session. The source is a temporary view of its own.
     */
    long insertMissingCounted(Dataset<Row> source) {
        String view = "hindcast_source_" + UUID.randomUUID().toString().replace("-", "");
        source.createOrReplaceTempView(view);
        try {
            long[] inserted = new long[1];
            ConflictRetry.run(what, () -> inserted[0] = spark.sql("MERGE INTO delta.`" + table.location(settings)
                    + "` t USING " + view + " s ON " + pruning + table.keyMatch() + " WHEN NOT MATCHED THEN INSERT *")
                    .first().<Long>getAs("num_inserted_rows"));
            return inserted[0];
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    /**
     * Replaces every row matching {@code where} (a condition on the table's columns) by the source rows, which must
     * all match it, in one commit: Delta's {@code replaceWhere} overwrite. Unlike an updating MERGE it computes the
     * source once and joins nothing: the rows are deleted by the condition.
     */
    void replace(Dataset<Row> source, String where) {
        ConflictRetry.run(what, () -> source.write().format("delta").mode("overwrite").option("replaceWhere", where)
                .save(table.location(settings)));
    }

    private DeltaTable target() {
        return DeltaTable.forPath(spark, table.location(settings));
    }

    private DeltaMergeBuilder builder(DeltaTable target, Dataset<Row> source) {
        return target.as("t").merge(source.as("s"), pruning + table.keyMatch());
    }
}
