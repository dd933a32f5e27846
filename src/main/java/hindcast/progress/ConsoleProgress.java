package hindcast.progress;

import hindcast.plan.Request;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The backfill's console text, as the README shows it: a line per batch and per request, its plan, a progress bar
 * (redrawn in place on a terminal, a line per update otherwise) and its totals.
 */
public final class ConsoleProgress implements BackfillListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private Bar bar;

    public ConsoleProgress(PrintStream out) {
        this(out, System.console() != null);
    }

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void on(BackfillEvent event) {
        if (event instanceof BackfillEvent.BatchStarted e) {
            out.printf(Locale.ROOT, "Batch %d: %d request(s)%n", e.batchId(), e.requests());
        } else if (event instanceof BackfillEvent.RequestStarted e) {
            Request r = e.request();
            out.println("Processing " + r.describe() + "  " + r.startDate() + ".." + r.endDate()
                    + "  [request " + r.requestId() + "]");
        } else if (event instanceof BackfillEvent.RequestRejected e) {
            out.println("  Rejected: " + e.rejection().kind() + ": " + e.rejection().reason());
        } else if (event instanceof BackfillEvent.RequestPlanned e) {
            out.printf(Locale.ROOT, "  Training windows: %d    Forecast dates: %d    Already exist: %d    To generate: %d%s%n",
                    e.trainingWindows(), e.requested(), e.existing(), e.toGenerate(),
                    e.stale() == 0 ? "" : " (" + e.stale() + " stale, replaced)");
            bar = new Bar(e.requestId(), e.toGenerate());
        } else if (event instanceof BackfillEvent.ForecastsHandled e) {
            // Spark's listener thread may report a task of an earlier request late: it has no bar any more.
            if (bar != null && bar.requestId.equals(e.requestId())) {
                bar.update(e.done());
            }
        } else if (event instanceof BackfillEvent.RequestDone e) {
            out.printf(Locale.ROOT, "Complete: rows written %,d (expected %,d), forecasts %,d, rejected %,d%n",
                    e.counts().rows(), e.expectedRows(), e.counts().written(), e.counts().rejected());
            bar = null;
        }
    }

    /** One request's bar; redraws only on progress. */
    private final class Bar {
        private final String requestId;
        private final long total;
        private final long startNanos = System.nanoTime();
        private long shown;

        Bar(String requestId, long total) {
            this.requestId = requestId;
            this.total = total;
        }

        void update(long done) {
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
}
