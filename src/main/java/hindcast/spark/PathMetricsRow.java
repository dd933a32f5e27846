package hindcast.spark;

import hindcast.score.PathScore;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code path_metrics}: one forecast of (commodity, model_version, D) scored on its whole paths
 * ({@link PathScore}), with the {@code generation_timestamp} of the actuals row and of the paths it was scored from,
 * as in {@link MetricsRow}. Converted to and from a row by column name.
 */
record PathMetricsRow(String commodity, String modelVersion, LocalDate forecastStartDate, double lastClose,
                      PathScore score, Instant actualsGeneratedAt, Instant scoredAt, Instant forecastGeneratedAt) {
    private static final StructType SCHEMA = Table.PATH_METRICS.schema();

    Row toRow() {
        Object[] v = new Object[SCHEMA.size()];
        set(v, "commodity", commodity);
        set(v, "model_version", modelVersion);
        set(v, "forecast_start_date", forecastStartDate);
        set(v, "trading_days", score.tradingDays());
        set(v, "last_close", lastClose);
        set(v, "energy_score", score.energyScore());
        set(v, "p_up", score.pUp());
        set(v, "hit_up", score.hitUp());
        set(v, "brier_up", score.brierUp());
        set(v, "p_down", score.pDown());
        set(v, "hit_down", score.hitDown());
        set(v, "brier_down", score.brierDown());
        set(v, "actuals_generated_at", actualsGeneratedAt);
        set(v, "scored_at", scoredAt);
        set(v, "forecast_generated_at", forecastGeneratedAt);
        return new GenericRowWithSchema(v, SCHEMA);
    }

    /** A row read with the table's columns (any order, extra columns ignored); the Brier columns are derived. */
    static PathMetricsRow fromRow(Row r) {
        PathScore s = new PathScore(r.getAs("trading_days"), r.getAs("energy_score"), r.getAs("p_up"),
                r.getAs("hit_up"), r.getAs("p_down"), r.getAs("hit_down"));
        return new PathMetricsRow(r.getAs("commodity"), r.getAs("model_version"), r.getAs("forecast_start_date"),
                r.getAs("last_close"), s, r.getAs("actuals_generated_at"), r.getAs("scored_at"),
                r.getAs("forecast_generated_at"));
    }

    private static void set(Object[] values, String column, Object value) {
        values[SCHEMA.fieldIndex(column)] = value;
    }
}
