package hindcast.spark;

import java.io.PrintStream;
import java.util.Locale;

/** Console progress of one request: a bar per chunk, redrawn in place on a terminal. */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long shown;

    Progress(PrintStream out, long total) {
        this.out = out;
        this.terminal = System.console() != null;
        this.total = total;
    }

    /** Called from the driver's thread and from Spark's listener thread; redraws only on progress. */
    synchronized void update(long done) {
        if (total == 0 || done <= shown) {
            return;
        }
        shown = done;
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        double rate = done / seconds;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) (WIDTH * done / total);
        String line = String.format(Locale.ROOT, "  [%s%s]  %d/%d  %.0f forecasts/s  ETA %ds",
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, rate, eta);
        out.print(terminal ? "\r" + line : line + "\n");
        if (terminal && done == total) {
            out.println();
        }
        out.flush();
    }
}
