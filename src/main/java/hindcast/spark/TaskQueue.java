package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Request;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Appends requests to {@code forecast_tasks}, the table the stream reads. One commit per call. */
public final class TaskQueue {
    private final SparkSession spark;
    private final Settings settings;

    TaskQueue(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** Whether a request with the same commodity, model, frequency and range was enqueued before. */
    public boolean containsSame(Request r) {
        return !spark.read().format("delta").load(Table.FORECAST_TASKS.location(settings))
                .where(col("commodity").equalTo(lit(r.commodity()))
                        .and(col("model_version").equalTo(lit(r.modelVersion())))
                        .and(col("train_frequency").equalTo(lit(r.trainFrequency())))
                        .and(col("start_date").equalTo(lit(r.startDate())))
                        .and(col("end_date").equalTo(lit(r.endDate()))))
                .isEmpty();
    }

    /** Every request enqueued for the commodities, as the stream reads them. */
    List<Request> requests(List<String> commodities) {
        List<Request> out = new ArrayList<>();
        for (Row r : spark.read().format("delta").load(Table.FORECAST_TASKS.location(settings))
                .where(col("commodity").isin(commodities.toArray()))
                .withColumn("request_id", functions.expr(TaskRow.REQUEST_ID)).collectAsList()) {
            out.add(TaskRow.toRequest(r));
        }
        return out;
    }

    public void enqueue(List<Request> requests) {
        List<Row> rows = requests.stream().map(TaskRow::toRow).toList();
        spark.createDataFrame(rows, Table.FORECAST_TASKS.schema())
                .coalesce(1)
                .write().format("delta").mode("append").save(Table.FORECAST_TASKS.location(settings));
    }
}
