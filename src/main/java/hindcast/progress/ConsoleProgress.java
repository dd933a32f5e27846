package hindcast.progress;

import hindcast.plan.Request;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The backfill's console text, as the README shows it: a line per batch and per request with its plan, then a
 * progress line per unit of work (one (commodity, model)) with the batch's overall ETA, and the totals. On a
 * terminal the progress line is redrawn in place while one unit is in flight; with several in flight each update
 * is a line of its own, so units never overwrite each other.
 */
public final class ConsoleProgress implements BackfillListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    /** The units in flight, by name. */
    private final Map<String, Bar> bars = new LinkedHashMap<>();
    private Overall overall;
    /** Whether the last thing printed is a progress line redrawn in place (a newline must end it first). */
    private boolean inPlace;

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
            line(String.format(Locale.ROOT, "Batch %d: %d request(s)", e.batchId(), e.requests()));
            overall = null;
        } else if (event instanceof BackfillEvent.RequestStarted e) {
            Request r = e.request();
            line("Processing " + r.describe() + "  " + r.startDate() + ".." + r.endDate() + "  [request " + r.requestId() + "]");
        } else if (event instanceof BackfillEvent.RequestRejected e) {
            line("  Rejected: " + e.rejection().kind() + ": " + e.rejection().reason());
        } else if (event instanceof BackfillEvent.RequestPlanned e) {
            line(String.format(Locale.ROOT, "  Training windows: %d    Forecast dates: %d    Already exist: %d    To generate: %d%s",
                    e.trainingWindows(), e.requested(), e.existing(), e.toGenerate(),
                    e.stale() == 0 ? "" : " (" + e.stale() + " stale, replaced)"));
        } else if (event instanceof BackfillEvent.UnitStarted e) {
            if (overall == null) {
                overall = new Overall(e.batchForecasts(), e.units());
            }
            line(String.format(Locale.ROOT, "Computing %s: %,d forecast(s) in %d commit(s)%s", e.unit(), e.forecasts(),
                    e.chunks(), e.units() == 1 ? "" : String.format(Locale.ROOT, "  [unit %d of %d, up to %d at once]",
                            overall.started + 1, e.units(), e.concurrent())));
            overall.started++;
            bars.put(e.unit(), new Bar(e.unit(), e.forecasts()));
        } else if (event instanceof BackfillEvent.ForecastsHandled e) {
            Bar bar = bars.get(e.unit()); // Spark's listener thread may report a task of a finished unit late
            if (bar != null) {
                bar.update(e.done());
            }
        } else if (event instanceof BackfillEvent.UnitDone e) {
            Bar bar = bars.remove(e.unit());
            if (bar != null) {
                overall.finished += bar.total;
            }
            line(String.format(Locale.ROOT, "Done %s: %,d forecast(s), %,d rows, %,d rejected in %.1f s", e.unit(),
                    e.written(), e.rows(), e.rejected(), e.seconds()));
        } else if (event instanceof BackfillEvent.RequestDone e) {
            line(String.format(Locale.ROOT, "Complete [request %s]: rows written %,d (expected %,d), forecasts %,d, rejected %,d",
                    e.requestId(), e.counts().rows(), e.expectedRows(), e.counts().written(), e.counts().rejected()));
        }
    }

    private void line(String text) {
        if (inPlace) {
            out.println();
            inPlace = false;
        }
        out.println(text);
    }

    /** The batch's forecasts handled over all its units, for the overall ETA. */
    private static final class Overall {
        private final long total;
        private final int units;
        private final long startNanos = System.nanoTime();
        private int started;
        /** Forecasts of the units already done. */
        private long finished;

        Overall(long total, int units) {
            this.total = total;
            this.units = units;
        }
    }

    /** One unit's progress; redraws only on progress. */
    private final class Bar {
        private final String unit;
        private final long total;
        private final long startNanos = System.nanoTime();
        private long shown;

        Bar(String unit, long total) {
            this.unit = unit;
            this.total = total;
        }

        void update(long done) {
            if (total == 0 || done <= shown) {
                return;
            }
            shown = done;
            int filled = (int) (WIDTH * done / total);
            double rate = rate(done, startNanos);
            String line = String.format(Locale.ROOT, "  %s  [%s%s]  %d/%d  %.0f forecasts/s  ETA %ds", unit,
                    "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, rate, eta(total - done, rate));
            if (overall.units > 1) {
                long batchDone = overall.finished + bars.values().stream().mapToLong(b -> b.shown).sum();
                line += String.format(Locale.ROOT, "  |  batch %d/%d  ETA %ds", batchDone, overall.total,
                        eta(overall.total - batchDone, rate(batchDone, overall.startNanos)));
            }
            if (inPlace) {
                out.print("\r");
            }
            out.print(line);
            inPlace = terminal && bars.size() == 1;
            if (!inPlace) {
                out.println();
            }
            out.flush();
        }
    }

    private static double rate(long done, long sinceNanos) {
        return done / Math.max((System.nanoTime() - sinceNanos) / 1e9, 1e-3);
    }

    private static long eta(long left, double rate) {
        return rate > 0 ? Math.round(left / rate) : 0;
    }
}
