package hindcast.spark;

import hindcast.config.Settings;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps actuals and forecast_metrics current inside the long-running job: a second streaming query over the
 * {@code market} table (its own checkpoint) refreshes them whenever market data changes, and the backfill
 * refreshes them after each batch, since new forecasts may already have their 14 days. Both queries write
 * {@code distributions}; {@link #WRITES} makes their writes take turns, so neither sees a concurrent commit.
 * The refresh is idempotent, so replays after a crash change nothing.
 */
public final class Evaluator {
    /** Held by whichever query of this JVM writes distributions. */
    static final ReentrantLock WRITES = new ReentrantLock();

    private Evaluator() {
    }

    /** Writes new or changed actuals and scores what they make scorable. */
    public static void refresh(SparkSession spark, Settings settings, PrintStream out) {
        WRITES.lock();
        try {
            long actuals = new Actuals(spark, settings).update();
            long scored = new Evaluation(spark, settings).update();
            if (actuals > 0 || scored > 0) {
                out.printf(Locale.ROOT, "Evaluation: actuals written or updated %,d, forecasts scored %,d%n", actuals,
                        scored);
            }
        } finally {
            WRITES.unlock();
        }
    }

    /** Starts the query that refreshes evaluation when the market table changes. */
    public static StreamingQuery start(SparkSession spark, Settings settings, Trigger trigger, PrintStream out)
            throws TimeoutException {
        return spark.readStream().format("delta")
                // ingest replaces a commodity's rows; the rewritten rows are the signal that prices changed
                .option("ignoreChanges", "true")
                .load(Table.MARKET.location(settings))
                .writeStream()
                .queryName("hindcast-evaluation")
                .option("checkpointLocation", settings.evaluationCheckpoint())
                .trigger(trigger)
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> refresh(batch.sparkSession(),
                        settings, out))
                .start();
    }
}
