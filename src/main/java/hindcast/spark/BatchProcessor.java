package hindcast.spark;

import hindcast.config.Settings;
import hindcast.plan.Request;
import hindcast.progress.BackfillEvent;
import hindcast.progress.BackfillEvent.Counts;
import hindcast.progress.BackfillListener;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreachBatch function: reads the micro-batch's requests (a few small rows) on the driver and works them
 * together ({@link BatchRunner}). A replayed batch redoes only what its first attempt did not commit.
 */
final class BatchProcessor implements VoidFunction2<Dataset<Row>, Long> {
    private final Warehouse warehouse;
    private final Settings settings;
    private final PrintStream out;
    private final BackfillListener listener;

    /** {@code out} takes training and evaluation messages; progress goes to {@code listener}. */
    BatchProcessor(Warehouse warehouse, PrintStream out, BackfillListener listener) {
        this.warehouse = warehouse;
        this.settings = warehouse.settings();
        this.out = out;
        this.listener = listener;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        Evaluator.WRITES.lock();
        try {
            process(batch, batchId);
        } finally {
            Evaluator.WRITES.unlock();
        }
        if (settings.stream().evaluate()) {
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
        listener.on(new BackfillEvent.BatchStarted(batchId, requests.size()));
        Counts total = new BatchRunner(warehouse.in(spark), out, listener).run(requests, batchId);
        BatchLogRow log = new BatchLogRow(batchId, settings.stream().checkpoint(), started, Instant.now(), requests.size(),
                total.requested(), total.existing(), total.written(), total.rows(), total.rejected());
        spark.createDataFrame(List.of(log.toRow()), Table.BATCH_LOG.schema())
                .write().format("delta").mode("append").save(Table.BATCH_LOG.location(settings));
        listener.on(new BackfillEvent.BatchDone(batchId, requests.size(), total, log.seconds()));
    }
}
