package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The catalogue of Hindcast's Delta tables, in the order they are created: for each its configuration key
 * (under {@code hindcast.tables}), columns, partitioning, properties and the key that identifies a row. The key
 * is what every MERGE into the table matches on ({@link Merge}); readers and writers build rows through the
 * table's converter ({@link DistributionRow}, {@link TaskRow}, ...), never by position.
 */
public enum Table {
    MARKET("market", """
            commodity STRING NOT NULL, date DATE NOT NULL, close DOUBLE NOT NULL,
            open DOUBLE, high DOUBLE, low DOUBLE, volume DOUBLE,
            temp_mean_c DOUBLE, temp_max_c DOUBLE, temp_min_c DOUBLE, precipitation_mm DOUBLE,
            humidity_mean_pct DOUBLE, usd_brl DOUBLE, vix DOUBLE""",
            List.of("commodity", "date"), List.of("commodity"), ""),
    TRAINED_MODELS("trained-models", """
            commodity STRING NOT NULL, model_version STRING NOT NULL, train_frequency STRING NOT NULL,
            train_date DATE NOT NULL, model_type STRING NOT NULL, parameters STRING NOT NULL, state BINARY,
            training_rows INT NOT NULL, data_cutoff_date DATE NOT NULL, created_at TIMESTAMP NOT NULL,
            definition STRING, input_fingerprint STRING""",
            List.of("commodity", "model_version", "train_frequency", "train_date"), List.of(), ""),
    FORECAST_TASKS("forecast-tasks", """
            request_id STRING, commodity STRING, model_version STRING, train_frequency STRING,
            start_date DATE, end_date DATE, enqueued_at TIMESTAMP""",
            List.of("request_id"), List.of(), "'delta.appendOnly' = 'true'"),
    DISTRIBUTIONS("distributions", """
            path_id INT, forecast_start_date DATE, data_cutoff_date DATE, generation_timestamp TIMESTAMP,
            model_version STRING, commodity STRING, %s,
            is_actuals BOOLEAN, has_data_leakage BOOLEAN, train_date DATE, fingerprint STRING""".formatted(dayColumns()),
            List.of("commodity", "model_version", "forecast_start_date", "path_id"),
            List.of("model_version", "commodity"),
            "'delta.dataSkippingStatsColumns' = 'path_id,forecast_start_date,data_cutoff_date,generation_timestamp'"),
    /** One row per forecast of {@code distributions}, derived from it: what planning and status read. */
    FORECAST_INDEX("forecast-index", """
            commodity STRING NOT NULL, model_version STRING NOT NULL, forecast_start_date DATE NOT NULL,
            train_date DATE, fingerprint STRING, paths INT NOT NULL, written_at TIMESTAMP NOT NULL""",
            List.of("commodity", "model_version", "forecast_start_date"), List.of(), ""),
    FORECAST_METRICS("forecast-metrics", """
            commodity STRING NOT NULL, model_version STRING NOT NULL, forecast_start_date DATE NOT NULL,
            horizon INT NOT NULL, target_date DATE NOT NULL, actual DOUBLE NOT NULL, last_close DOUBLE NOT NULL,
            mean DOUBLE NOT NULL, median DOUBLE NOT NULL, error_mean DOUBLE NOT NULL, error_median DOUBLE NOT NULL,
            crps DOUBLE NOT NULL, pit DOUBLE NOT NULL,
            pinball_05 DOUBLE NOT NULL, pinball_25 DOUBLE NOT NULL, pinball_50 DOUBLE NOT NULL,
            pinball_75 DOUBLE NOT NULL, pinball_95 DOUBLE NOT NULL,
            in_50 BOOLEAN NOT NULL, in_80 BOOLEAN NOT NULL, in_95 BOOLEAN NOT NULL,
            width_50 DOUBLE NOT NULL, width_80 DOUBLE NOT NULL, width_95 DOUBLE NOT NULL,
            actuals_generated_at TIMESTAMP NOT NULL, scored_at TIMESTAMP NOT NULL, forecast_generated_at TIMESTAMP""",
            List.of("commodity", "model_version", "forecast_start_date", "horizon"), List.of("commodity"), ""),
    /** One row per forecast scored in forecast_metrics: its whole paths scored ({@link PathMetricsRow}). */
    PATH_METRICS("path-metrics", """
            commodity STRING NOT NULL, model_version STRING NOT NULL, forecast_start_date DATE NOT NULL,
            trading_days INT NOT NULL, last_close DOUBLE NOT NULL, energy_score DOUBLE NOT NULL,
            p_up DOUBLE NOT NULL, hit_up BOOLEAN NOT NULL, brier_up DOUBLE NOT NULL,
            p_down DOUBLE NOT NULL, hit_down BOOLEAN NOT NULL, brier_down DOUBLE NOT NULL,
            actuals_generated_at TIMESTAMP NOT NULL, scored_at TIMESTAMP NOT NULL, forecast_generated_at TIMESTAMP""",
            List.of("commodity", "model_version", "forecast_start_date"), List.of("commodity"), ""),
    /** A rejection of a whole request has no date: its key column is compared null-safely. */
    TASK_ERRORS("task-errors", """
            request_id STRING NOT NULL, commodity STRING, model_version STRING, forecast_start_date DATE,
            error_kind STRING NOT NULL, reason STRING NOT NULL, batch_id BIGINT, recorded_at TIMESTAMP NOT NULL""",
            List.of("request_id", "forecast_start_date", "error_kind"), List.of(), "", "forecast_start_date"),
    BATCH_LOG("batch-log", """
            batch_id BIGINT NOT NULL, checkpoint STRING NOT NULL, started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP NOT NULL, requests INT NOT NULL, forecasts_requested BIGINT NOT NULL,
            forecasts_existing BIGINT NOT NULL, forecasts_written BIGINT NOT NULL, rows_written BIGINT NOT NULL,
            forecasts_rejected BIGINT NOT NULL, seconds DOUBLE NOT NULL""",
            List.of("checkpoint", "batch_id"), List.of(), "");

    private final String key;
    private final String columns;
    private final StructType schema;
    private final List<String> keyColumns;
    private final List<String> partitionColumns;
    private final String properties;
    private final List<String> nullSafeKeys;

    Table(String key, String columns, List<String> keyColumns, List<String> partitionColumns, String properties,
          String... nullSafeKeys) {
        this.key = key;
        this.nullSafeKeys = List.of(nullSafeKeys);
        this.columns = columns;
        this.schema = StructType.fromDDL(columns);
        this.keyColumns = keyColumns;
        this.partitionColumns = partitionColumns;
        this.properties = properties;
    }

    /** The key under {@code hindcast.tables} that names the table, e.g. {@code trained-models}. */
    public String key() {
        return key;
    }

    /** The name the table is registered under in the Spark session. */
    public String name(Settings settings) {
        return settings.tables().name(key);
    }

    /** The name quoted for SQL text. */
    public String sqlName(Settings settings) {
        return Tables.quote(name(settings));
    }

    public String location(Settings settings) {
        return settings.tables().location(key);
    }

    /** Our columns: what every writer produces and every reader may rely on. */
    public StructType schema() {
        return schema;
    }

    /** Columns that identify a row; a MERGE into the table matches on them. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /**
     * The condition matching a target row {@code t} to a source row {@code s} on the key; a key column that may
     * be null is compared with {@code <=>}.
     */
    String keyMatch() {
        return keyColumns.stream().map(c -> "t." + c + (nullSafeKeys.contains(c) ? " <=> " : " = ") + "s." + c)
                .collect(Collectors.joining(" AND "));
    }

    /** {@code day_1 FLOAT, ..., day_14 FLOAT}: a column per day of the {@link Horizon}. */
    private static String dayColumns() {
        return IntStream.rangeClosed(1, Horizon.DAYS).mapToObj(k -> DistributionRow.dayColumn(k) + " FLOAT")
                .collect(Collectors.joining(", "));
    }

    /** Columns, partitioning and properties, for {@code CREATE TABLE ... <ddl>}. */
    public String ddl() {
        return "(" + columns + ")\nUSING delta"
                + (partitionColumns.isEmpty() ? "" : " PARTITIONED BY (" + String.join(", ", partitionColumns) + ")")
                + (properties.isEmpty() ? "" : " TBLPROPERTIES (" + properties + ")");
    }

}
