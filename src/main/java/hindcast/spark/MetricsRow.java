package hindcast.spark;

import hindcast.score.ForecastScorer.HorizonMetrics;
import hindcast.score.HorizonScore;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One row of {@code forecast_metrics}: one forecast of (commodity, model_version, D) scored at one horizon, with the
 * {@code generation_timestamp} of the actuals row and of the paths it was scored from (null in rows scored before
 * forecasts could be replaced).
 * Converted to and from a row by column name; the pinball, coverage and width columns are named after the levels of
 * {@link HorizonScore} (pinball_05 .. pinball_95, in_50 .. in_95, width_50 .. width_95).
 */
record MetricsRow(String commodity, String modelVersion, LocalDate forecastStartDate, HorizonMetrics metrics,
                  Instant actualsGeneratedAt, Instant scoredAt, Instant forecastGeneratedAt) {
    private static final StructType SCHEMA = Table.FORECAST_METRICS.schema();

    Row toRow() {
        HorizonScore s = metrics.score();
        Object[] v = new Object[SCHEMA.size()];
        set(v, "commodity", commodity);
        set(v, "model_version", modelVersion);
        set(v, "forecast_start_date", forecastStartDate);
        set(v, "horizon", metrics.horizon());
        set(v, "target_date", metrics.targetDate());
        set(v, "actual", s.actual());
        set(v, "last_close", metrics.lastClose());
        set(v, "mean", s.mean());
        set(v, "median", s.median());
        set(v, "error_mean", s.actual() - s.mean());
        set(v, "error_median", s.actual() - s.median());
        set(v, "crps", s.crps());
        set(v, "pit", s.pit());
        for (int i = 0; i < HorizonScore.QUANTILES.length; i++) {
            set(v, pinball(i), s.pinball()[i]);
        }
        for (int i = 0; i < HorizonScore.INTERVALS.length; i++) {
            set(v, in(i), s.covered()[i]);
            set(v, width(i), s.width()[i]);
        }
        set(v, "actuals_generated_at", actualsGeneratedAt);
        set(v, "scored_at", scoredAt);
        set(v, "forecast_generated_at", forecastGeneratedAt);
        return new GenericRowWithSchema(v, SCHEMA);
    }

    /** A row read with the table's columns (any order, extra columns ignored). */
    static MetricsRow fromRow(Row r) {
        double[] pinball = new double[HorizonScore.QUANTILES.length];
        for (int i = 0; i < pinball.length; i++) {
            pinball[i] = r.getAs(pinball(i));
        }
        boolean[] covered = new boolean[HorizonScore.INTERVALS.length];
        double[] width = new double[HorizonScore.INTERVALS.length];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = r.getAs(in(i));
            width[i] = r.getAs(width(i));
        }
        HorizonScore s = new HorizonScore(r.getAs("actual"), r.getAs("mean"), r.getAs("median"), r.getAs("crps"),
                r.getAs("pit"), pinball, covered, width);
        return new MetricsRow(r.getAs("commodity"), r.getAs("model_version"), r.getAs("forecast_start_date"),
                new HorizonMetrics(r.getAs("horizon"), r.getAs("target_date"), r.getAs("last_close"), s),
                r.getAs("actuals_generated_at"), r.getAs("scored_at"), r.getAs("forecast_generated_at"));
    }

    private static void set(Object[] values, String column, Object value) {
        values[SCHEMA.fieldIndex(column)] = value;
    }

    private static String pinball(int i) {
        return "pinball_" + percent(HorizonScore.QUANTILES[i]);
    }

    private static String in(int i) {
        return "in_" + percent(HorizonScore.INTERVALS[i]);
    }

    private static String width(int i) {
        return "width_" + percent(HorizonScore.INTERVALS[i]);
    }

    private static String percent(double level) {
        return String.format(Locale.ROOT, "%02d", Math.round(level * 100));
    }
}
