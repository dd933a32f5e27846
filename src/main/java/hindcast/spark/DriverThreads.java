package hindcast.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.execution.SQLExecution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs pieces of driver work that each submit Spark jobs, a bounded number at once, so that one piece's driver
 * latency (planning, Delta log reads, commits) overlaps another's jobs. Every piece runs to its end even when
 * another fails; then the first failure is thrown, so no piece is cut off between its writes.
 */
final class DriverThreads {
    private DriverThreads() {
    }

    /** The pieces' results in their order; runs at most {@code threads} at once on threads named {@code name-N}. */
    static <T> List<T> all(SparkContext sc, String name, int threads, List<Callable<T>> pieces) {
        if (pieces.isEmpty()) {
            return List.of();
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pieces.size()), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> piece : pieces) {
                futures.add(pool.submit(() -> {
                    // The thread inherited the caller's SQL execution id; its queries are executions of their own.
                    sc.setLocalProperty(SQLExecution.EXECUTION_ID_KEY(), null);
                    return piece.call();
                }));
            }
            List<T> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + name, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
