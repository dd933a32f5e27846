package hindcast.cli;

import hindcast.error.Errors;
import hindcast.model.Horizon;
import hindcast.report.ReportData;
import hindcast.spark.Evaluation;
import hindcast.spark.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Writes the realised prices of every forecast whose " + Horizon.DAYS + " days are in the "
                + "market table (its actuals row), scores what is new into forecast_metrics (horizon h = day_h, the price of D+h-1, on "
                + "trading days) and prints per commodity, model and horizon: MAE, RMSE, MAPE, CRPS, CRPS skill "
                + "versus naive, 80%%/95%% interval coverage and directional accuracy; against naive, the "
                + "Diebold-Mariano statistic and p-value and the skill's 90%% bootstrap interval; then per commodity "
                + "and model the whole-path scores of path_metrics: energy score, its skill versus naive, Brier "
                + "scores of touching +/-5%% of the last close.")
final class EvaluateCommand extends Common implements Runnable {
    /** The first day, a week out and the last day. */
    static final String DEFAULT_HORIZONS = "1,7," + Horizon.DAYS;

    @Option(names = "--commodity", paramLabel = "C1,C2", description = "Commodities (default: all).")
    String commodities = "";

    @Option(names = "--models", paramLabel = "m1,m2", description = "Model versions (default: all).")
    String models = "";

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First forecast date (default: all).")
    String start = "0001-01-01";

    @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Last forecast date (default: all).")
    String end = "9999-12-31";

    @Option(names = "--horizons", paramLabel = "h1,h2", description = "Horizons 1.." + Horizon.DAYS
            + " (default: " + DEFAULT_HORIZONS + ").")
    String horizons = DEFAULT_HORIZONS;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        List<Integer> hs = list(horizons).stream().map(h -> {
            int v;
            try {
                v = Integer.parseInt(h);
            } catch (NumberFormatException e) {
                v = 0;
            }
            if (!Horizon.contains(v)) {
                throw Errors.badOption("--horizons", "numbers 1.." + Horizon.DAYS, h);
            }
            return v;
        }).toList();
        Evaluator.Refreshed refreshed = hindcast().refreshEvaluation();
        Evaluation.Scope scope = new Evaluation.Scope(
                list(commodities), list(models), date("--start", start), date("--end", end), hs);
        List<Evaluation.Line> lines = hindcast().leaderboard(scope);
        List<ReportData.PathScores> paths = hindcast().wholePaths(scope);
        if (json) {
            System.out.println(Json.write(WholePathsTable.json(lines, paths)));
            return;
        }
        System.out.printf(Locale.ROOT, "Actuals written or updated: %,d    Forecasts scored: %,d%n",
                refreshed.actuals(), refreshed.scored());
        Leaderboard.print(lines, System.out);
        WholePathsTable.print(paths, System.out);
    }

    /** Its own summary line (or the JSON document) says what the refresh wrote. */
    @Override
    PrintStream narration() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
