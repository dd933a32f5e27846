package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Request;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Appends requests to {@code forecast_tasks}, the table the stream reads. One commit per call. */
public final class TaskQueue {
    /**
     * A request's id as SQL over a {@code forecast_tasks} row: its request_id, or for a row inserted without
     * one, an id derived from its content. One expression, so the stream and {@code status} agree.
     */
    static final String REQUEST_ID = "coalesce(request_id, concat('derived-', sha2(concat_ws('|', commodity, "
            + "model_version, train_frequency, start_date, end_date, enqueued_at), 256)))";

    private final SparkSession spark;
    private final Settings settings;

    public TaskQueue(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** Whether a request with the same commodity, model, frequency and range was enqueued before. */
    public boolean containsSame(Request r) {
        return !spark.read().format("delta").load(settings.tableLocation("forecast-tasks"))
                .where(col("commodity").equalTo(lit(r.commodity()))
                        .and(col("model_version").equalTo(lit(r.modelVersion())))
                        .and(col("train_frequency").equalTo(lit(r.trainFrequency())))
                        .and(col("start_date").equalTo(lit(r.startDate())))
                        .and(col("end_date").equalTo(lit(r.endDate()))))
                .isEmpty();
    }

    public void enqueue(List<Request> requests) {
        List<Row> rows = new ArrayList<>();
        for (Request r : requests) {
            rows.add(RowFactory.create(r.requestId(), r.commodity(), r.modelVersion(), r.trainFrequency(),
                    r.startDate(), r.endDate(), r.enqueuedAt()));
        }
        spark.createDataFrame(rows, Tables.schema(spark, settings, "forecast-tasks"))
                .coalesce(1)
                .write().format("delta").mode("append").save(settings.tableLocation("forecast-tasks"));
    }
}
