package hindcast.spark;

import hindcast.plan.Request;
import hindcast.plan.RequestCheck;
import hindcast.progress.BackfillListener;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * {@code run --refresh}: a streaming query over {@code market} and {@code trained_models} (its own checkpoint)
 * that, whenever either changes, works again the requests already enqueued for the commodities that changed.
 * Planning skips every forecast that is still fresh, so this recomputes exactly the stale ones. A commodity's
 * requests are merged first: overlapping ranges of one (model, train frequency) are planned once.
 */
final class Refresher implements VoidFunction2<Dataset<Row>, Long> {
    private final Warehouse warehouse;
    private final PrintStream out;
    private final BackfillListener listener;

    private Refresher(Warehouse warehouse, PrintStream out, BackfillListener listener) {
        this.warehouse = warehouse;
        this.out = out;
        this.listener = listener;
    }

    static StreamingQuery start(Warehouse warehouse, Trigger trigger, PrintStream out, BackfillListener listener)
            throws TimeoutException {
        SparkSession spark = warehouse.spark();
        var settings = warehouse.settings();
        // ingest and retraining rewrite rows; the rewritten rows are the signal that inputs changed
        Dataset<Row> changes = spark.readStream().format("delta").option("ignoreChanges", "true")
                .load(Table.MARKET.location(settings)).select("commodity")
                .union(spark.readStream().format("delta").option("ignoreChanges", "true")
                        .load(Table.TRAINED_MODELS.location(settings)).select("commodity"));
        return changes.writeStream()
                .queryName("hindcast-refresh")
                .option("checkpointLocation", settings.stream().refreshCheckpoint())
                .trigger(trigger)
                .foreachBatch(new Refresher(warehouse, out, listener))
                .start();
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        List<String> commodities = batch.select("commodity").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).sorted().toList();
        if (commodities.isEmpty()) {
            return;
        }
        Warehouse w = warehouse.in(batch.sparkSession());
        var settings = w.settings();
        RequestCheck check = new RequestCheck(settings.commodities(), settings.models(),
                settings.forecast().maxRequestDays());
        // a bad request was rejected when the stream read it; only valid ones have forecasts to refresh
        List<Request> requests = merged(w.tasks().requests(commodities).stream()
                .filter(r -> check.check(r).isEmpty()).toList());
        Evaluator.WRITES.lock();
        try {
            new BatchRunner(w, out, listener).run(requests, batchId);
        } finally {
            Evaluator.WRITES.unlock();
        }
        if (w.settings().stream().evaluate()) {
            w.evaluator().refresh(out);
        }
    }

    /**
     * The requests with overlapping or adjacent ranges of one (commodity, model, train frequency) merged into one,
     * named after the first: planning each stored forecast once is what makes a refresh cheap.
     */
    static List<Request> merged(List<Request> requests) {
        Map<String, List<Request>> groups = new TreeMap<>();
        for (Request r : requests) {
            groups.computeIfAbsent(r.commodity() + "\u0000" + r.modelVersion() + "\u0000" + r.trainFrequency(),
                    k -> new ArrayList<>()).add(r);
        }
        List<Request> out = new ArrayList<>();
        for (List<Request> group : groups.values()) {
            group.sort(Comparator.comparing(Request::startDate));
            Request current = null;
            for (Request r : group) {
                if (current != null && !r.startDate().isAfter(current.endDate().plusDays(1))) {
                    LocalDate end = r.endDate().isAfter(current.endDate()) ? r.endDate() : current.endDate();
                    current = new Request(current.requestId(), current.commodity(), current.modelVersion(),
                            current.trainFrequency(), current.startDate(), end, current.enqueuedAt());
                } else {
                    if (current != null) {
                        out.add(current);
                    }
                    current = r;
                }
            }
            out.add(current);
        }
        return out;
    }
}
