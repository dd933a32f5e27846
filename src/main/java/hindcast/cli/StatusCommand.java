package hindcast.cli;

import hindcast.spark.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per commodity and model: dates requested, done, pending and rejected; the last batch; "
                + "where the tables and the checkpoint are.")
final class StatusCommand extends Common implements Runnable {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** "3 changed, 2 stale" or "-". */
    private static String fitsToRedo(StatusReport.Line l) {
        if (l.changedFits() + l.staleFits() == 0) {
            return "-";
        }
        return (l.changedFits() > 0 ? l.changedFits() + " changed" : "")
                + (l.changedFits() > 0 && l.staleFits() > 0 ? ", " : "")
                + (l.staleFits() > 0 ? l.staleFits() + " stale" : "");
    }

    @Override
    public void run() {
        StatusReport.Report report = hindcast().status();
        if (json) {
            System.out.println(Json.write(report));
            return;
        }
        System.out.printf(Locale.ROOT, "%-12s %-22s %10s %10s %10s %10s %10s %12s%n", "commodity", "model",
                "requested", "done", "stale", "pending", "rejected", "fits to redo");
        for (StatusReport.Line l : report.lines()) {
            System.out.printf(Locale.ROOT, "%-12s %-22s %,10d %,10d %,10d %,10d %,10d %12s%n", l.commodity(),
                    l.modelVersion(), l.requested(), l.done(), l.stale(), l.pending(), l.rejected(), fitsToRedo(l));
        }
        if (report.lines().isEmpty()) {
            System.out.println("(no requests yet)");
        }
        if (report.rejectedRequests() > 0) {
            System.out.println("Rejected requests: " + report.rejectedRequests() + " (SELECT * FROM task_errors)");
        }
        StatusReport.LastBatch b = report.lastBatch();
        if (b != null) {
            System.out.printf(Locale.ROOT, "Last batch: %d at %s: %,d forecasts, %,d rows, %,d rejected in %.1f s "
                    + "(%.1f forecasts/s)%n", b.batchId(), b.finishedAt(), b.forecastsWritten(), b.rowsWritten(),
                    b.forecastsRejected(), b.seconds(), b.forecastsPerSecond());
        }
        if (report.lines().stream().anyMatch(l -> l.stale() > 0 || l.changedFits() + l.staleFits() > 0)) {
            System.out.println("Stale forecasts are recomputed by enqueueing their range again (or backfill); fits "
                    + "to redo are retrained by train, or by backfill/run --train-missing. README: Freshness.");
        }
        System.out.println("Locations:");
        for (Map.Entry<String, String> e : report.locations().entrySet()) {
            System.out.printf("  %-16s %s%n", e.getKey(), e.getValue());
        }
    }
}
