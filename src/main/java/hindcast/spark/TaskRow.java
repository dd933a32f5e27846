package hindcast.spark;

import hindcast.plan.Request;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@link Request} <-> row of {@code forecast_tasks}. Rows may come from plain SQL inserts, so reading goes by
 * column name and tolerates nulls; a row without a request_id gets one derived from its content.
 */
final class TaskRow {
    /**
     * A request's id as SQL over a {@code forecast_tasks} row: its request_id, or for a row inserted without
     * one, an id derived from its content. One expression, so the stream and {@code status} agree.
     */
    static final String REQUEST_ID = "coalesce(request_id, concat('derived-', sha2(concat_ws('|', commodity, "
            + "model_version, train_frequency, start_date, end_date, enqueued_at), 256)))";

    private TaskRow() {
    }

    static Row toRow(Request r) {
        return RowFactory.create(r.requestId(), r.commodity(), r.modelVersion(), r.trainFrequency(),
                r.startDate(), r.endDate(), r.enqueuedAt());
    }

    /** A row read with its request_id completed by {@link #REQUEST_ID}. */
    static Request toRequest(Row r) {
        return new Request(r.getAs("request_id"), r.getAs("commodity"), r.getAs("model_version"),
                r.getAs("train_frequency"), r.getAs("start_date"), r.getAs("end_date"), r.getAs("enqueued_at"));
    }
}
