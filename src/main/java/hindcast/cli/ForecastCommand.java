package hindcast.cli;

import hindcast.model.PathSummary;
import hindcast.model.TrainFrequency;
import hindcast.spark.SingleForecast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Computes one forecast on the fly (nothing is written) and prints per day the mean and the "
                + "5/10/25/50/75/90/95%% quantiles of its paths. Equal to what the backfill writes for that key.")
final class ForecastCommand extends Common implements Runnable {
    private static final String[] NAMES = {"mean", "q05", "q10", "q25", "q50", "q75", "q90", "q95"};

    @Option(names = "--commodity", required = true)
    String commodity;

    @Option(names = "--model", required = true, description = "Model version.")
    String model;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Forecast start date D.")
    String date;

    @Option(names = "--train-frequency", paramLabel = "F",
            description = "Which trained models to use (default: hindcast.forecast.default-train-frequency).")
    String trainFrequency;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        LocalDate start = Common.date("--date", date);
        TrainFrequency frequency = trainFrequency == null ? settings().defaultTrainFrequency()
                : Common.frequency(trainFrequency);
        float[][] paths = SingleForecast.compute(spark(), settings(), commodity, model, frequency, start);
        System.out.println(json ? Json.write(document(commodity, model, start, paths)) : table(start, paths));
    }

    static Map<String, Object> document(String commodity, String model, LocalDate start, float[][] paths) {
        double[][] stats = PathSummary.of(paths);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("commodity", commodity);
        doc.put("model_version", model);
        doc.put("forecast_start_date", start.toString());
        doc.put("data_cutoff_date", start.minusDays(1).toString());
        doc.put("paths", paths.length);
        List<Map<String, Object>> days = new ArrayList<>();
        for (int k = 0; k < stats.length; k++) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", k + 1);
            day.put("date", start.plusDays(k).toString());
            for (int i = 0; i < NAMES.length; i++) {
                day.put(NAMES[i], stats[k][i]);
            }
            days.add(day);
        }
        doc.put("days", days);
        return doc;
    }

    private String table(LocalDate start, float[][] paths) {
        double[][] stats = PathSummary.of(paths);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s / %s  forecast_start_date %s  data_cutoff_date %s  paths %d%n",
                commodity, model, start, start.minusDays(1), paths.length));
        sb.append(String.format(Locale.ROOT, "%-4s %-10s", "day", "date"));
        for (String n : NAMES) {
            sb.append(String.format(Locale.ROOT, " %10s", n));
        }
        sb.append('\n');
        for (int k = 0; k < stats.length; k++) {
            sb.append(String.format(Locale.ROOT, "%-4d %-10s", k + 1, start.plusDays(k)));
            for (double v : stats[k]) {
                sb.append(String.format(Locale.ROOT, " %10.4f", v));
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
