package hindcast.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compilers' work, which on a 2-core machine takes a core's share from whatever runs while a fresh JVM
 * compiles Spark's, Delta's and parquet's hot code: the bench prints it for each measured step and lets it settle
 * before one, so that the step compared with another does not pay for code both of them run.
 */
final class Jit {
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();
    /** Settled: the compilers worked less than this share of a second of wall time. */
    private static final double SETTLED_SHARE = 0.05;

    private Jit() {
    }

    /** Seconds the compiler threads have spent compiling since the JVM started (summed over threads). */
    static double seconds() {
        return COMPILER.isCompilationTimeMonitoringSupported() ? COMPILER.getTotalCompilationTime() / 1e3 : 0;
    }

    /**
     * Waits, at most {@code maxSeconds}, until a second passes with the compilers nearly idle: the queue the
     * steps before left is compiled.
     */
    static void settle(double maxSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        double before = seconds();
        while ((System.nanoTime() - t0) / 1e9 < maxSeconds) {
            Thread.sleep(1000);
            double now = seconds();
            if (now - before < SETTLED_SHARE) {
                break;
            }
            before = now;
        }
    }
}
