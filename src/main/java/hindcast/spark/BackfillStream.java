package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.progress.BackfillListener;
import hindcast.progress.ConsoleProgress;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The streaming query: {@code forecast_tasks} (append-only Delta source) -> foreachBatch -> distributions.
 * The checkpoint records which task files were handed to which batch; a restart replays an uncommitted
 * batch, and the idempotent writes make that replay harmless.
 */
public final class BackfillStream {
    private BackfillStream() {
    }

    public enum Mode { AVAILABLE_NOW, CONTINUOUS }

    /** {@link #run(SparkSession, Settings, Mode, PrintStream, BackfillListener)} with progress on the console. */
    public static void run(SparkSession spark, Settings settings, Mode mode, PrintStream out)
            throws StreamingQueryException, TimeoutException {
        run(spark, settings, mode, out, new ConsoleProgress(out));
    }

    /**
     * Runs until the backlog is done (AVAILABLE_NOW) or until the JVM is stopped (CONTINUOUS). Progress goes to
     * {@code listener}; {@code out} takes the messages of training (train-missing) and evaluation.
     */
    public static void run(SparkSession spark, Settings settings, Mode mode, PrintStream out,
                           BackfillListener listener) throws StreamingQueryException, TimeoutException {
        try (CheckpointLock backfill = CheckpointLock.acquire(settings.checkpoint());
             CheckpointLock evaluation = settings.evaluate() ? CheckpointLock.acquire(settings.evaluationCheckpoint())
                     : null) {
            runLocked(spark, settings, mode, out, listener);
        }
    }

    private static void runLocked(SparkSession spark, Settings settings, Mode mode, PrintStream out,
                                  BackfillListener listener) throws StreamingQueryException, TimeoutException {
        List<StreamingQuery> queries = new ArrayList<>();
        queries.add(start(spark, settings, mode, out, listener));
        if (settings.evaluate()) {
            queries.add(Evaluator.start(spark, settings, trigger(settings, mode), out));
        }
        if (mode == Mode.CONTINUOUS) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (StreamingQuery q : queries) {
                    try {
                        q.stop();
                    } catch (TimeoutException e) {
                        // the JVM is exiting; the checkpoint already holds every committed batch
                    }
                }
            }));
        }
        try {
            for (StreamingQuery q : queries) {
                q.awaitTermination();
            }
        } catch (StreamingQueryException e) {
            if (queries.stream().allMatch(q -> q.recentProgress().length == 0)) {
                // It failed before finishing any batch: recovering its position from the checkpoint.
                throw Errors.unusableCheckpoint(settings.checkpoint()
                        + (settings.evaluate() ? " (or " + settings.evaluationCheckpoint() + ")" : ""),
                        e.getCause().getMessage(), e);
            }
            throw e;
        } finally {
            for (StreamingQuery q : queries) {
                q.stop(); // one failed: stop the other too, so the command ends with the error
            }
        }
    }

    private static Trigger trigger(Settings settings, Mode mode) {
        return mode == Mode.AVAILABLE_NOW ? Trigger.AvailableNow()
                : Trigger.ProcessingTime(settings.streamInterval().toMillis());
    }

    /** Starts the query and returns at once. */
    public static StreamingQuery start(SparkSession spark, Settings settings, Mode mode, PrintStream out,
                                       BackfillListener listener) throws TimeoutException {
        Trigger trigger = trigger(settings, mode);
        return spark.readStream().format("delta")
                .option("maxFilesPerTrigger", settings.maxFilesPerTrigger())
                .option("failOnDataLoss", "true")
                .load(Table.FORECAST_TASKS.location(settings))
                .writeStream()
                .queryName("hindcast-backfill")
                .option("checkpointLocation", settings.checkpoint())
                .trigger(trigger)
                .foreachBatch(new BatchProcessor(settings, out, listener))
                .start();
    }
}
