package hindcast.spark;

import hindcast.config.Settings;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Delta tables: their DDL and where they live. Every session registers each table by name over its
 * directory, so {@code SELECT ... FROM distributions} works; creating over an existing directory checks that
 * the stored schema still matches ours.
 */
public final class Tables {
    /** Config key -> columns, partitioning and properties. */
    private static final Map<String, String> DDL = new LinkedHashMap<>();

    static {
        DDL.put("market", """
                (commodity STRING NOT NULL, date DATE NOT NULL, close DOUBLE NOT NULL,
                 open DOUBLE, high DOUBLE, low DOUBLE, volume DOUBLE,
                 temp_mean_c DOUBLE, temp_max_c DOUBLE, temp_min_c DOUBLE, precipitation_mm DOUBLE,
                 humidity_mean_pct DOUBLE, usd_brl DOUBLE, vix DOUBLE)
                USING delta PARTITIONED BY (commodity)""");
        DDL.put("trained-models", """
                (commodity STRING NOT NULL, model_version STRING NOT NULL, train_frequency STRING NOT NULL,
                 train_date DATE NOT NULL, model_type STRING NOT NULL, parameters STRING NOT NULL, state BINARY,
                 training_rows INT NOT NULL, data_cutoff_date DATE NOT NULL, created_at TIMESTAMP NOT NULL)
                USING delta""");
        DDL.put("forecast-tasks", """
                (request_id STRING, commodity STRING, model_version STRING, train_frequency STRING,
                 start_date DATE, end_date DATE, enqueued_at TIMESTAMP)
                USING delta TBLPROPERTIES ('delta.appendOnly' = 'true')""");
        DDL.put("distributions", """
                (path_id INT, forecast_start_date DATE, data_cutoff_date DATE, generation_timestamp TIMESTAMP,
                 model_version STRING, commodity STRING,
                 day_1 FLOAT, day_2 FLOAT, day_3 FLOAT, day_4 FLOAT, day_5 FLOAT, day_6 FLOAT, day_7 FLOAT,
                 day_8 FLOAT, day_9 FLOAT, day_10 FLOAT, day_11 FLOAT, day_12 FLOAT, day_13 FLOAT, day_14 FLOAT,
                 is_actuals BOOLEAN, has_data_leakage BOOLEAN)
                USING delta PARTITIONED BY (model_version, commodity)
                TBLPROPERTIES ('delta.dataSkippingStatsColumns' =
                  'path_id,forecast_start_date,data_cutoff_date,generation_timestamp')""");
        DDL.put("forecast-metrics", """
                (commodity STRING NOT NULL, model_version STRING NOT NULL, forecast_start_date DATE NOT NULL,
                 horizon INT NOT NULL, target_date DATE NOT NULL, actual DOUBLE NOT NULL, last_close DOUBLE NOT NULL,
                 mean DOUBLE NOT NULL, median DOUBLE NOT NULL, error_mean DOUBLE NOT NULL, error_median DOUBLE NOT NULL,
                 crps DOUBLE NOT NULL, pit DOUBLE NOT NULL,
                 pinball_05 DOUBLE NOT NULL, pinball_25 DOUBLE NOT NULL, pinball_50 DOUBLE NOT NULL,
                 pinball_75 DOUBLE NOT NULL, pinball_95 DOUBLE NOT NULL,
                 in_50 BOOLEAN NOT NULL, in_80 BOOLEAN NOT NULL, in_95 BOOLEAN NOT NULL,
                 width_50 DOUBLE NOT NULL, width_80 DOUBLE NOT NULL, width_95 DOUBLE NOT NULL,
                 actuals_generated_at TIMESTAMP NOT NULL, scored_at TIMESTAMP NOT NULL)
                USING delta PARTITIONED BY (commodity)""");
        DDL.put("task-errors", """
                (request_id STRING NOT NULL, commodity STRING, model_version STRING, forecast_start_date DATE,
                 error_kind STRING NOT NULL, reason STRING NOT NULL, batch_id BIGINT, recorded_at TIMESTAMP NOT NULL)
                USING delta""");
        DDL.put("batch-log", """
                (batch_id BIGINT NOT NULL, checkpoint STRING NOT NULL, started_at TIMESTAMP NOT NULL,
                 finished_at TIMESTAMP NOT NULL, requests INT NOT NULL, forecasts_requested BIGINT NOT NULL,
                 forecasts_existing BIGINT NOT NULL, forecasts_written BIGINT NOT NULL, rows_written BIGINT NOT NULL,
                 forecasts_rejected BIGINT NOT NULL, seconds DOUBLE NOT NULL)
                USING delta""");
    }

    private Tables() {
    }

    /** Creates missing tables and registers all of them by name in this session. */
    public static void register(SparkSession spark, Settings settings) {
        for (Map.Entry<String, String> t : DDL.entrySet()) {
            String name = settings.tableName(t.getKey());
            URI location = Settings.toUri(settings.tableLocation(t.getKey()));
            unregisterIfElsewhere(spark, name, location);
            boolean exists = DeltaTable.isDeltaTable(spark, location.toString());
            // An existing table keeps its own properties; only its columns must be ours.
            spark.sql("CREATE TABLE IF NOT EXISTS " + quote(name) + " " + (exists ? "USING delta" : t.getValue())
                    + " LOCATION " + Sql.string(location.toString()));
            if (exists) {
                checkColumns(name, location, columns(t.getKey()), spark.table(quote(name)).schema());
            }
        }
    }

    private static StructType columns(String key) {
        String ddl = DDL.get(key);
        return StructType.fromDDL(ddl.substring(ddl.indexOf('(') + 1, ddl.lastIndexOf(')', ddl.indexOf("USING"))));
    }

    /** Same column names, order and types (nullability aside), or a clear error: our writes depend on them. */
    static void checkColumns(String name, URI location, StructType expected, StructType actual) {
        List<String> want = Arrays.stream(expected.fields()).map(f -> f.name() + " " + f.dataType().sql()).toList();
        List<String> have = Arrays.stream(actual.fields()).map(f -> f.name() + " " + f.dataType().sql()).toList();
        if (!want.equals(have)) {
            throw new IllegalStateException("table " + name + " at " + location + " does not have the columns Hindcast "
                    + "writes.\n  expected: " + want + "\n  found:    " + have
                    + "\nRestore the columns, or point hindcast.tables at another location.");
        }
    }

    /**
     * A name registered over another directory (another configuration in the same catalog) is re-pointed,
     * but only if it is an external table: dropping one removes the name, never data.
     */
    private static void unregisterIfElsewhere(SparkSession spark, String name, URI location) {
        if (!spark.catalog().tableExists(name)) {
            return;
        }
        // The catalog entry, not the table: its old directory may be gone.
        CatalogTable entry = spark.sharedState().externalCatalog().getTable(spark.catalog().currentDatabase(), name);
        if (entry.location().normalize().equals(location.normalize())) {
            return;
        }
        if (entry.tableType() != CatalogTableType.EXTERNAL()) {
            throw new IllegalStateException("table " + name + " is a managed table at " + entry.location()
                    + ", but the configuration puts it at " + location + "; rename it in hindcast.tables");
        }
        spark.sql("DROP TABLE " + quote(name));
    }

    /** The stored schema of a registered table, for DataFrames written into it. */
    static StructType schema(SparkSession spark, Settings settings, String key) {
        return spark.table(quote(settings.tableName(key))).schema();
    }

    /** Columns, partitioning and properties of a table, for a table of the same layout elsewhere. */
    public static String ddl(String key) {
        return DDL.get(key);
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
