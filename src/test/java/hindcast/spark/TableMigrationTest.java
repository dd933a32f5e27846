package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.BadConfigException;
import hindcast.error.HindcastException;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An installation made by the version before commit 222b645 opens with this one: the columns added since are
 * added in place, once, and old rows read them as null. Any other change of columns is still refused.
 */
class TableMigrationTest {
    /** {@code trained_models} as the previous version created it. */
    private static final String OLD_TRAINED_MODELS = """
            (commodity STRING NOT NULL, model_version STRING NOT NULL, train_frequency STRING NOT NULL,
            train_date DATE NOT NULL, model_type STRING NOT NULL, parameters STRING NOT NULL, state BINARY,
            training_rows INT NOT NULL, data_cutoff_date DATE NOT NULL, created_at TIMESTAMP NOT NULL)
            USING delta""";
    /** {@code distributions} as the previous version created it: partitioned, with statistics on four columns. */
    private static final String OLD_DISTRIBUTIONS = """
            (path_id INT, forecast_start_date DATE, data_cutoff_date DATE, generation_timestamp TIMESTAMP,
            model_version STRING, commodity STRING, day_1 FLOAT, day_2 FLOAT, day_3 FLOAT, day_4 FLOAT,
            day_5 FLOAT, day_6 FLOAT, day_7 FLOAT, day_8 FLOAT, day_9 FLOAT, day_10 FLOAT, day_11 FLOAT,
            day_12 FLOAT, day_13 FLOAT, day_14 FLOAT, is_actuals BOOLEAN, has_data_leakage BOOLEAN)
            USING delta PARTITIONED BY (model_version, commodity)
            TBLPROPERTIES ('delta.dataSkippingStatsColumns' =
              'path_id,forecast_start_date,data_cutoff_date,generation_timestamp')""";

    @Test
    void previousVersionTablesGainTheNewColumnsOnceAndOldRowsReadThemAsNull(@TempDir Path home) throws IOException {
        Settings settings = settings(home);
        SparkSession spark = SparkSessions.open(settings);
        create(spark, settings, Table.TRAINED_MODELS, OLD_TRAINED_MODELS);
        create(spark, settings, Table.DISTRIBUTIONS, OLD_DISTRIBUTIONS);
        spark.sql("INSERT INTO " + path(settings, Table.TRAINED_MODELS) + " VALUES ('Coffee', 'naive', 'monthly', "
                + "DATE'2024-02-01', 'naive', '{}', NULL, 100, DATE'2024-01-31', TIMESTAMP'2024-02-01 00:00:00')");
        spark.sql("INSERT INTO " + path(settings, Table.DISTRIBUTIONS) + " VALUES (7, DATE'2024-03-01', "
                + "DATE'2024-02-29', TIMESTAMP'2024-03-01 00:00:00', 'naive', 'Coffee', "
                + "101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, false, false)");
        long modelsBefore = version(spark, settings, Table.TRAINED_MODELS);
        long distributionsBefore = version(spark, settings, Table.DISTRIBUTIONS);

        String stdout = stdoutOf(() -> Tables.register(spark, settings));

        assertEquals("", stdout);
        for (Table t : Table.values()) {
            assertEquals(Tables.columns(t.schema()), Tables.columns(spark.table(t.sqlName(settings)).schema()),
                    t.name());
        }
        assertEquals(modelsBefore + 1, version(spark, settings, Table.TRAINED_MODELS), "one ALTER TABLE");
        assertEquals(distributionsBefore + 1, version(spark, settings, Table.DISTRIBUTIONS), "one ALTER TABLE");
        Row model = spark.sql("SELECT training_rows, definition, input_fingerprint FROM "
                + Table.TRAINED_MODELS.sqlName(settings)).first();
        assertEquals(100, model.getInt(0));
        assertNull(model.get(1));
        assertNull(model.get(2));
        Row path = spark.sql("SELECT path_id, commodity, day_14, train_date, fingerprint FROM "
                + Table.DISTRIBUTIONS.sqlName(settings)).first();
        assertEquals(List.of(7, "Coffee", 114f), List.of(path.get(0), path.get(1), path.get(2)));
        assertNull(path.get(3));
        assertNull(path.get(4));
        assertEquals(1, spark.sql("SELECT * FROM " + Table.DISTRIBUTIONS.sqlName(settings)
                + " WHERE model_version = 'naive' AND commodity = 'Coffee'").count(), "partitions still read");

        Map<Table, Long> versions = versions(spark, settings);
        Tables.register(spark, settings);
        assertEquals(versions, versions(spark, settings), "a second register changes nothing");
    }

    /** forecast_tasks is append-only; adding a column is no update of its rows. (Its columns have not changed
     * yet: this stands for a future version adding one.) */
    @Test
    void anAppendOnlyTableGainsAColumnToo(@TempDir Path home) throws IOException {
        Settings settings = settings(home);
        SparkSession spark = SparkSessions.open(settings);
        create(spark, settings, Table.FORECAST_TASKS, """
                (request_id STRING, commodity STRING, model_version STRING, train_frequency STRING,
                start_date DATE, end_date DATE) USING delta TBLPROPERTIES ('delta.appendOnly' = 'true')""");
        spark.sql("INSERT INTO " + path(settings, Table.FORECAST_TASKS)
                + " VALUES ('r1', 'Coffee', 'naive', 'monthly', DATE'2024-03-01', DATE'2024-03-03')");

        Tables.register(spark, settings);

        assertEquals(Tables.columns(Table.FORECAST_TASKS.schema()),
                Tables.columns(spark.table(Table.FORECAST_TASKS.sqlName(settings)).schema()));
        Row task = spark.sql("SELECT request_id, enqueued_at FROM " + Table.FORECAST_TASKS.sqlName(settings)).first();
        assertEquals("r1", task.get(0));
        assertNull(task.get(1));
        assertEquals("true", spark.sql("SHOW TBLPROPERTIES " + Table.FORECAST_TASKS.sqlName(settings)
                + " ('delta.appendOnly')").first().getString(1));
    }

    @Test
    void aRetypedColumnIsStillRefusedAndNothingIsAdded(@TempDir Path home) throws IOException {
        refused(home, Table.TRAINED_MODELS, OLD_TRAINED_MODELS.replace("training_rows INT", "training_rows BIGINT"),
                "training_rows BIGINT");
    }

    @Test
    void aReorderedOrRenamedColumnIsStillRefused(@TempDir Path home) throws IOException {
        refused(home.resolve("reordered"), Table.TRAINED_MODELS,
                OLD_TRAINED_MODELS.replace("model_version STRING NOT NULL, train_frequency STRING NOT NULL",
                        "train_frequency STRING NOT NULL, model_version STRING NOT NULL"),
                "found:    [commodity STRING, train_frequency STRING, model_version STRING");
        refused(home.resolve("renamed"), Table.DISTRIBUTIONS, OLD_DISTRIBUTIONS.replace("day_7 ", "day_seven "),
                "day_seven FLOAT");
    }

    /** forecast_start_date is NOT NULL: old rows would break it, so the table is not ours. */
    @Test
    void aMissingNotNullColumnIsRefused(@TempDir Path home) throws IOException {
        refused(home, Table.FORECAST_INDEX, "(commodity STRING NOT NULL, model_version STRING NOT NULL) USING delta",
                "found:    [commodity STRING, model_version STRING]");
    }

    private static void refused(Path home, Table table, String ddl, String found) throws IOException {
        Settings settings = settings(home);
        SparkSession spark = SparkSessions.open(settings);
        create(spark, settings, table, ddl);
        long before = version(spark, settings, table);

        BadConfigException e = assertThrows(BadConfigException.class, () -> Tables.register(spark, settings));

        assertEquals(HindcastException.Kind.CONFIG, e.kind());
        assertEquals(78, e.kind().exitCode());
        assertTrue(e.getMessage().contains("table " + table.name(settings) + " at "), e.getMessage());
        assertTrue(e.getMessage().contains(found), e.getMessage());
        assertEquals(before, version(spark, settings, table), "nothing added");
    }

    private static Settings settings(Path home) throws IOException {
        Files.createDirectories(home);
        return Settings.load(Files.writeString(home.resolve("test.conf"), """
                hindcast {
                  home = "%s"
                  spark.master = "local[2]"
                  spark.shuffle-partitions = 2
                }
                """.formatted(home.toString().replace("\\", "/"))));
    }

    private static void create(SparkSession spark, Settings settings, Table table, String ddl) {
        spark.sql("CREATE TABLE " + path(settings, table) + " " + ddl);
    }

    /** The table by its directory: the previous version's tables, before any name points at them. */
    private static String path(Settings settings, Table table) {
        return "delta." + Tables.quote(table.location(settings));
    }

    private static long version(SparkSession spark, Settings settings, Table table) {
        return DeltaTable.forPath(spark, table.location(settings)).history(1).first().getLong(0);
    }

    private static Map<Table, Long> versions(SparkSession spark, Settings settings) {
        Map<Table, Long> out = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            out.put(t, version(spark, settings, t));
        }
        return out;
    }

    /** What {@code action} printed to stdout. */
    private static String stdoutOf(Runnable action) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            action.run();
        } finally {
            System.setOut(stdout);
        }
        return captured.toString();
    }
}
