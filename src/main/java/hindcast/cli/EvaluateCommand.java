package hindcast.cli;

import hindcast.model.Horizon;
import hindcast.spark.Actuals;
import hindcast.spark.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Writes the realised prices of every forecast whose " + Horizon.DAYS + " days are in the market table (its "
                + "actuals row), scores what is new into forecast_metrics (horizon h = day_h, the price of D+h-1, on "
                + "trading days) and prints per commodity, model and horizon: MAE, RMSE, MAPE, CRPS, CRPS skill "
                + "versus naive, 80%/95% interval coverage and directional accuracy.")
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
                throw new IllegalArgumentException("--horizons must be numbers 1.." + Horizon.DAYS + ", got '" + h + "'");
            }
            return v;
        }).toList();
        long actuals = new Actuals(spark(), settings()).update();
        long scored = new Evaluation(spark(), settings()).update();
        List<Evaluation.Line> lines = new Evaluation(spark(), settings()).leaderboard(new Evaluation.Scope(
                list(commodities), list(models), date("--start", start), date("--end", end), hs));
        if (json) {
            System.out.println(Json.write(lines));
            return;
        }
        System.out.printf(Locale.ROOT, "Actuals written or updated: %,d    Forecasts scored: %,d%n", actuals, scored);
        print(lines);
    }

    /** The leaderboard as a table. */
    static void print(List<Evaluation.Line> lines) {
        if (lines.isEmpty()) {
            System.out.println("No forecast has its realised prices yet (they need the " + Horizon.DAYS
                    + " days from D in the market table).");
            return;
        }
        System.out.printf(Locale.ROOT, "%-8s %-22s %3s %7s %9s %9s %7s %9s %10s %6s %6s %9s %6s%n", "commodity",
                "model", "h", "n", "MAE", "RMSE", "MAPE", "CRPS", "CRPS skill", "cov80", "cov95", "width95", "dir");
        for (Evaluation.Line l : lines) {
            System.out.printf(Locale.ROOT, "%-8s %-22s %3d %,7d %9.3f %9.3f %6.2f%% %9.3f %10s %6.3f %6.3f %9.3f %6.3f%n",
                    l.commodity(), l.modelVersion(), l.horizon(), l.forecasts(), l.mae(), l.rmse(), 100 * l.mape(),
                    l.crps(), l.crpsSkill() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * l.crpsSkill()),
                    l.coverage80(), l.coverage95(), l.width95(), l.directional());
        }
    }
}
