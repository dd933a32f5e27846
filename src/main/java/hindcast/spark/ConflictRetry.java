package hindcast.spark;

import hindcast.error.Errors;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;

import java.util.Locale;

/**
 * Retries a Delta write that lost an optimistic-concurrency race to another job's commit (e.g. {@code evaluate}
 * writing actuals while a {@code run} in another process inserts forecasts into the same partitions). Every
 * write Hindcast makes is a MERGE that is correct against any newer version of its table (insert-if-absent,
 * or update to values that do not depend on what it read), so trying again on the new version is safe; Delta
 * rejected the first attempt whole, so nothing of it is in the table.
 */
final class ConflictRetry {
    static final int ATTEMPTS = 8;
    private static final long LONGEST_WAIT_MILLIS = 8_000;

    private ConflictRetry() {
    }

    static void run(String what, Runnable write) {
        run(what, write, 250);
    }

    /** {@code firstWaitMillis} doubles after each conflict, up to 8 s. */
    static void run(String what, Runnable write, long firstWaitMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (DeltaConcurrentModificationException e) {
                if (attempt == ATTEMPTS) {
                    throw Errors.writeKeepsConflicting(what, ATTEMPTS, e);
                }
                long waitMillis = Math.min(firstWaitMillis << (attempt - 1), LONGEST_WAIT_MILLIS); // 0.25 s .. 8 s
                System.err.printf(Locale.ROOT, "%s conflicted with a concurrent commit (%s); retrying in %.2f s "
                        + "(attempt %d of %d)%n", what, e.getClass().getSimpleName(), waitMillis / 1000.0, attempt + 1,
                        ATTEMPTS);
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
