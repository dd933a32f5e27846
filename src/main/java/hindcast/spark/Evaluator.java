package hindcast.spark;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps actuals, forecast_metrics and path_metrics current, and is the only way to write them: {@link #refresh()}
 * takes the write lock. Inside the long-running job a second streaming query over the {@code market} table (its own
 * checkpoint) refreshes them whenever market data changes, and the backfill refreshes them after each batch,
 * since new forecasts may already have their days. Both queries write {@code distributions}; {@link #WRITES}
 * makes their writes (and a command's) take turns, so none sees a concurrent commit. The refresh is
 * idempotent, so replays after a crash change nothing.
 */
public final class Evaluator {
    /** Held by whichever query or command of this JVM writes distributions. */
    static final ReentrantLock WRITES = new ReentrantLock();

    private final Actuals actuals;
    private final Evaluation evaluation;

    Evaluator(Actuals actuals, Evaluation evaluation) {
        this.actuals = actuals;
        this.evaluation = evaluation;
    }

    /** What one refresh wrote: actuals rows written or rewritten, forecasts (re)scored. */
    public record Refreshed(long actuals, long scored) {
        public boolean wroteAnything() {
            return actuals > 0 || scored > 0;
        }

        public String summary() {
            return String.format(Locale.ROOT, "Evaluation: actuals written or updated %,d, forecasts scored %,d",
                    actuals, scored);
        }
    }

    /** Writes new or changed actuals and (re)scores the forecasts whose actuals or paths are new or changed. */
    public Refreshed refresh() {
        WRITES.lock();
        try {
            List<Row> forecasts = actuals.forecasts();
            long written = actuals.update(forecasts);
            return new Refreshed(written, evaluation.update(forecasts));
        } finally {
            WRITES.unlock();
        }
    }

    /** {@link #refresh()}, saying so on {@code out} when it wrote anything. */
    public Refreshed refresh(PrintStream out) {
        Refreshed r = refresh();
        if (r.wroteAnything()) {
            out.println(r.summary());
        }
        return r;
    }

    /** Starts the query that refreshes evaluation when the market table changes. */
    public static StreamingQuery start(Warehouse warehouse, Trigger trigger, PrintStream out) throws TimeoutException {
        return warehouse.spark().readStream().format("delta")
                // ingest replaces a commodity's rows; the rewritten rows are the signal that prices changed
                .option("ignoreChanges", "true")
                .load(Table.MARKET.location(warehouse.settings()))
                .writeStream()
                .queryName("hindcast-evaluation")
                .option("checkpointLocation", warehouse.settings().stream().evaluationCheckpoint())
                .trigger(trigger)
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) ->
                        warehouse.in(batch.sparkSession()).evaluator().refresh(out))
                .start();
    }
}
