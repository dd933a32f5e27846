package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Rejection;
import hindcast.plan.Request;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The {@code task_errors} table: rejected requests (no date) and rejected forecast dates, each with a reason. */
public final class ErrorLog {
    private final SparkSession spark;
    private final Settings settings;

    public ErrorLog(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** One rejection: of the whole request when {@code date} is null. */
    public record Entry(Request request, LocalDate date, Rejection rejection) {
    }

    /** Inserts entries not recorded yet for the same (request, date, kind), so a replayed batch adds nothing. */
    public void record(List<Entry> entries, long batchId) {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(RowFactory.create(e.request().requestId(), e.request().commodity(), e.request().modelVersion(),
                    e.date(), e.rejection().kind().name(), e.rejection().reason(), batchId, now));
        }
        var source = spark.createDataFrame(rows, Tables.schema(spark, settings, "task-errors"));
        DeltaMergeBuilder merge = DeltaTable.forPath(spark, settings.tableLocation("task-errors")).as("t")
                .merge(source.as("s"), "t.request_id = s.request_id AND t.forecast_start_date <=> s.forecast_start_date"
                        + " AND t.error_kind = s.error_kind")
                .whenNotMatched().insertAll();
        ConflictRetry.run("task_errors MERGE", merge::execute);
    }
}
