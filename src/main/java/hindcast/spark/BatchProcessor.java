package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Request;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The foreachBatch function: reads the micro-batch's requests (a few small rows) on the driver and works
 * them one by one. A replayed batch redoes only what its first attempt did not commit.
 */
final class BatchProcessor implements VoidFunction2<Dataset<Row>, Long> {
    private final Settings settings;
    private final PrintStream out;

    BatchProcessor(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        Evaluator.WRITES.lock();
        try {
            process(batch, batchId);
        } finally {
            Evaluator.WRITES.unlock();
        }
        if (settings.evaluate()) {
            Evaluator.refresh(batch.sparkSession(), settings, out);
        }
    }

    private void process(Dataset<Row> batch, Long batchId) {
        SparkSession spark = batch.sparkSession();
        Instant started = Instant.now();
        List<Request> requests = new ArrayList<>();
        for (Row r : batch.withColumn("request_id", functions.expr(TaskQueue.REQUEST_ID)).collectAsList()) {
            requests.add(toRequest(r));
        }
        out.printf(Locale.ROOT, "Batch %d: %d request(s)%n", batchId, requests.size());
        RequestRunner runner = new RequestRunner(spark, settings, out);
        RequestRunner.Tally total = new RequestRunner.Tally();
        for (Request request : requests) {
            total.add(runner.run(request, batchId));
        }
        Instant finished = Instant.now();
        double seconds = (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        Row log = RowFactory.create(batchId, settings.checkpoint(), started, finished, requests.size(),
                total.requested, total.existing, total.written, total.rows, total.rejected, seconds);
        spark.createDataFrame(List.of(log), Tables.schema(spark, settings, "batch-log"))
                .write().format("delta").mode("append").save(settings.tableLocation("batch-log"));
    }

    static Request toRequest(Row r) {
        return new Request(r.getAs("request_id"), r.getAs("commodity"), r.getAs("model_version"),
                r.getAs("train_frequency"), r.getAs("start_date"), r.getAs("end_date"), r.getAs("enqueued_at"));
    }
}
