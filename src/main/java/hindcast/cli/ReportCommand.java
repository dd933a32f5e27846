package hindcast.cli;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import hindcast.report.HtmlReport;
import hindcast.report.ReportData;
import hindcast.spark.Evaluator;
import hindcast.spark.ReportQueries;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

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
            throw new IllegalArgumentException("--horizon must be 1.." + Horizon.DAYS + ", got " + horizon);
        }
        Evaluator.refresh(spark(), settings(), System.out);
        write(spark(), settings(), out != null ? out : settings().home().resolve("report"), horizon,
                start != null ? date("--start", start) : null, end != null ? date("--end", end) : null);
    }

    /** Writes DIR/index.html; null dates default to the latest year of stored forecasts. */
    static void write(SparkSession spark, Settings settings, Path dir, int horizon, LocalDate start, LocalDate end) {
        ReportQueries queries = new ReportQueries(spark, settings);
        LocalDate latest = queries.latestForecastDate();
        LocalDate to = end != null ? end : latest != null ? latest : LocalDate.now();
        LocalDate from = start != null ? start : to.minusYears(1).plusDays(1);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--end " + to + " is before --start " + from);
        }
        ReportData data = queries.gather(horizon, from, to);
        Path file = dir.resolve("index.html");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, HtmlReport.render(data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
        System.out.println("Report: " + file.toAbsolutePath() + "  (fan charts " + from + ".." + to + ", horizon "
                + horizon + "; open it in a browser, it needs no network)");
    }
}
