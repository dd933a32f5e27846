package hindcast.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import hindcast.model.PathSummary;
import hindcast.model.TrainFrequency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        TrainFrequency frequency = trainFrequency == null ? settings().forecast().defaultTrainFrequency()
                : Common.frequency(trainFrequency);
        float[][] paths = hindcast().forecast(commodity, model, frequency, start);
        System.out.println(json ? Json.write(document(commodity, model, start, paths)) : table(start, paths));
    }

    /** The --json document: the forecast's key, and per day the mean and quantiles of its paths. */
    @JsonPropertyOrder({"commodity", "model_version", "forecast_start_date", "data_cutoff_date", "paths", "days"})
    record Document(String commodity, @JsonProperty("model_version") String modelVersion,
                    @JsonProperty("forecast_start_date") String forecastStartDate,
                    @JsonProperty("data_cutoff_date") String dataCutoffDate, int paths, List<Day> days) {
    }

    /** One day of the horizon: its number from 1, its date, then {@link #NAMES} in order. */
    @JsonPropertyOrder({"day", "date", "mean", "q05", "q10", "q25", "q50", "q75", "q90", "q95"})
    record Day(int day, String date, double mean, double q05, double q10, double q25, double q50, double q75,
               double q90, double q95) {
    }

    static Document document(String commodity, String model, LocalDate start, float[][] paths) {
        double[][] stats = PathSummary.of(paths);
        List<Day> days = new ArrayList<>();
        for (int k = 0; k < stats.length; k++) {
            double[] s = stats[k];
            days.add(new Day(k + 1, start.plusDays(k).toString(), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]));
        }
        return new Document(commodity, model, start.toString(), start.minusDays(1).toString(), paths.length, days);
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
