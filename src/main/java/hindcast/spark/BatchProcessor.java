package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Request;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
    private final Warehouse warehouse;
    private final Settings settings;
    private final PrintStream out;

    BatchProcessor(Warehouse warehouse, PrintStream out) {
        this.warehouse = warehouse;
        this.settings = warehouse.settings();
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
            warehouse.in(batch.sparkSession()).evaluator().refresh(out);
        }
    }

    private void process(Dataset<Row> batch, Long batchId) {
        SparkSession spark = batch.sparkSession();
        Instant started = Instant.now();
        List<Request> requests = new ArrayList<>();
        for (Row r : batch.withColumn("request_id", functions.expr(TaskRow.REQUEST_ID)).collectAsList()) {
            requests.add(TaskRow.toRequest(r));
        }
        out.printf(Locale.ROOT, "Batch %d: %d request(s)%n", batchId, requests.size());
        RequestRunner runner = new RequestRunner(warehouse.in(spark), out);
        RequestRunner.Tally total = new RequestRunner.Tally();
        for (Request request : requests) {
            total.add(runner.run(request, batchId));
        }
        Row log = new BatchLogRow(batchId, settings.checkpoint(), started, Instant.now(), requests.size(),
                total.requested, total.existing, total.written, total.rows, total.rejected).toRow();
        spark.createDataFrame(List.of(log), Table.BATCH_LOG.schema())
                .write().format("delta").mode("append").save(Table.BATCH_LOG.location(settings));
    }
}
