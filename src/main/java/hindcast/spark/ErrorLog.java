package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Rejection;
import hindcast.plan.Request;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The {@code task_errors} table: rejected requests (no date) and rejected forecast dates, each with a reason. */
public final class ErrorLog {
    private final SparkSession spark;
    private final Settings settings;

    ErrorLog(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** One rejection: of the whole request when {@code date} is null. */
    public record Entry(Request request, LocalDate date, Rejection rejection) {
        /** The entry as a row of {@code task_errors}. */
        Row toRow(long batchId, Instant recordedAt) {
            return RowFactory.create(request.requestId(), request.commodity(), request.modelVersion(), date,
                    rejection.kind().name(), rejection.reason(), batchId, recordedAt);
        }
    }

    /** Inserts entries not recorded yet for the same (request, date, kind), so a replayed batch adds nothing. */
    public void record(List<Entry> entries, long batchId) {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Merge merge = Merge.into(spark, settings, Table.TASK_ERRORS);
        merge.insertMissing(merge.frame(entries.stream().map(e -> e.toRow(batchId, now)).toList()));
    }
}
