package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.progress.BackfillListener;
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

    /**
     * Runs until the backlog is done (AVAILABLE_NOW) or until the JVM is stopped (CONTINUOUS). Progress goes to
     * {@code listener}; {@code out} takes the messages of training (train-missing) and evaluation.
     */
    public static void run(Warehouse warehouse, Mode mode, PrintStream out, BackfillListener listener)
            throws StreamingQueryException, TimeoutException {
        Settings settings = warehouse.settings();
        try (CheckpointLock backfill = CheckpointLock.acquire(settings.stream().checkpoint());
             CheckpointLock evaluation = settings.stream().evaluate() ? CheckpointLock.acquire(settings.stream().evaluationCheckpoint())
                     : null;
             CheckpointLock refresh = settings.stream().refresh() ? CheckpointLock.acquire(settings.stream().refreshCheckpoint())
                     : null) {
            runLocked(warehouse, mode, out, listener);
        }
    }

    private static void runLocked(Warehouse warehouse, Mode mode, PrintStream out, BackfillListener listener)
            throws StreamingQueryException, TimeoutException {
        Settings settings = warehouse.settings();
        List<StreamingQuery> queries = new ArrayList<>();
        queries.add(start(warehouse, mode, out, listener));
        if (settings.stream().evaluate()) {
            queries.add(Evaluator.start(warehouse, trigger(settings, mode), out));
        }
        if (settings.stream().refresh()) {
            queries.add(Refresher.start(warehouse, trigger(settings, mode), out, listener));
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
                throw Errors.unusableCheckpoint(settings.stream().checkpoint()
                        + (settings.stream().evaluate() ? " (or " + settings.stream().evaluationCheckpoint() + ")" : ""),
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
                : Trigger.ProcessingTime(settings.stream().interval().toMillis());
    }

    /** Starts the query and returns at once. */
    public static StreamingQuery start(Warehouse warehouse, Mode mode, PrintStream out, BackfillListener listener)
            throws TimeoutException {
        Settings settings = warehouse.settings();
        Trigger trigger = trigger(settings, mode);
        return warehouse.spark().readStream().format("delta")
                .option("maxFilesPerTrigger", settings.stream().maxFilesPerTrigger())
                .option("failOnDataLoss", "true")
                .load(Table.FORECAST_TASKS.location(settings))
                .writeStream()
                .queryName("hindcast-backfill")
                .option("checkpointLocation", settings.stream().checkpoint())
                .trigger(trigger)
                .foreachBatch(new BatchProcessor(warehouse, out, listener))
                .start();
    }
}
