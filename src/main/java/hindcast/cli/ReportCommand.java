package hindcast.cli;

import hindcast.error.Errors;
import hindcast.model.Horizon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Brings actuals and forecast_metrics up to date, then writes a static HTML report that opens "
                + "offline: fan charts per commodity and model against the realised price, CRPS by horizon, "
                + "calibration and PIT histograms, backfill coverage, rejections and freshness.")
final class ReportCommand extends Common implements Runnable {
    @Option(names = "--out", paramLabel = "DIR", description = "Where index.html goes (default: report/ under home).")
    Path out;

    @Option(names = "--horizon", defaultValue = "7", paramLabel = "H", description = "Fan-chart horizon, 1.."
            + Horizon.DAYS + " (default 7).")
    int horizon;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First fan-chart forecast date "
            + "(default: one year before --end).")
    String start;

    @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Last fan-chart forecast date "
            + "(default: the latest stored).")
    String end;

    @Override
    public void run() {
        if (!Horizon.contains(horizon)) {
            throw Errors.badOption("--horizon", "1.." + Horizon.DAYS, horizon);
        }
        hindcast().refreshEvaluation();
        hindcast().writeReport(out != null ? out : settings().home().resolve("report"), horizon,
                start != null ? date("--start", start) : null, end != null ? date("--end", end) : null);
    }
}
