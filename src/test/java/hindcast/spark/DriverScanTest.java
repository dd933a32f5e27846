package hindcast.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Driver reads through Delta Kernel give what the session's Spark reads give, of the table's latest snapshot. */
class DriverScanTest {

    @Test
    void readsEveryStoredTypeAndNullOfTheLatestSnapshotAsSparkDoes(@TempDir Path home) {
        Fixture f = new Fixture(home);
        SparkSession spark = f.spark;
        String location = Table.TRAINED_MODELS.location(f.settings);
        Merge merge = Merge.into(spark, f.settings, Table.TRAINED_MODELS);
        // Dates and timestamps on both sides of the epoch, microseconds kept; a null binary and a null string.
        merge.upsert(merge.frame(List.of(
                fit("Coffee", LocalDate.of(2020, 1, 1), "{\"a\":1.5}", new byte[] {1, 2, 3},
                        Instant.parse("2024-05-06T07:08:09.123456Z"), "fp"),
                fit("Sugar", LocalDate.of(1969, 12, 31), "{}", null, Instant.parse("1969-12-31T23:59:59.000001Z"), null))));
        // A second commit rewrites Coffee's row: only the latest snapshot's rows may come back.
        merge.upsert(merge.frame(List.of(fit("Coffee", LocalDate.of(2020, 1, 1), "{\"a\":2.5}", new byte[] {4},
                Instant.parse("2024-05-07T00:00:00Z"), "fp2"))));

        List<String> columns = List.of(Table.TRAINED_MODELS.schema().fieldNames());
        List<Row> driver = sorted(new DriverScan(spark).rows(location, Table.TRAINED_MODELS, columns,
                DriverScan.Where.ALL, r -> true));
        List<Row> viaSpark = sorted(spark.read().format("delta").load(location).collectAsList());
        assertEquals(2, driver.size());
        assertEquals(viaSpark, driver); // Row equality compares binary values by content
        Row coffee = driver.get(0);
        assertEquals("{\"a\":2.5}", coffee.getAs("parameters"));
        assertArrayEquals(new byte[] {4}, coffee.getAs("state"));
        assertEquals(LocalDate.of(2020, 1, 1), coffee.getAs("train_date"));
        Row sugar = driver.get(1);
        assertNull(sugar.getAs("state"));
        assertNull(sugar.getAs("input_fingerprint"));
        assertEquals(Instant.parse("1969-12-31T23:59:59.000001Z"), sugar.getAs("created_at"));
    }

    @Test
    void readsTheChosenColumnsWithPartitionValuesAndKeepsOnlyAcceptedRows(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket();
        SparkSession spark = f.spark;
        String location = Table.MARKET.location(f.settings);
        List<Row> driver = sorted(new DriverScan(spark).rows(location, Table.MARKET,
                List.of("date", "close", "usd_brl", "commodity"), DriverScan.Where.equal(Map.of("commodity", "Sugar")),
                r -> r.getAs("commodity").equals("Sugar")));
        List<Row> viaSpark = sorted(spark.read().format("delta").load(location)
                .where("commodity = 'Sugar'").select("date", "close", "usd_brl", "commodity").collectAsList());
        assertEquals(viaSpark.size(), driver.size());
        assertEquals(viaSpark, driver);
        assertEquals("Sugar", driver.get(0).getAs("commodity"));
    }

    @Test
    void skipsOnlyFilesThatCannotHoldWantedRows(@TempDir Path home) {
        Fixture f = new Fixture(home);
        SparkSession spark = f.spark;
        String location = Table.FORECAST_INDEX.location(f.settings);
        // One file per (commodity, model) write, as the backfill writes the index, and one file mixing two.
        List<List<String>> partitions = List.of(List.of("Coffee", "naive"), List.of("Coffee", "xgboost"),
                List.of("Sugar", "naive"), List.of("Sugar", "xgboost"));
        for (List<String> p : partitions) {
            write(spark, location, List.of(indexRow(p, LocalDate.of(2020, 1, 1)), indexRow(p, LocalDate.of(2020, 1, 2))));
        }
        write(spark, location, List.of(indexRow(List.of("Coffee", "naive"), LocalDate.of(2021, 1, 1)),
                indexRow(List.of("Sugar", "xgboost"), LocalDate.of(2021, 1, 1))));
        List<String> columns = List.of(Table.FORECAST_INDEX.schema().fieldNames());

        DriverScan.Where wanted = DriverScan.Where.anyOf(List.of(
                DriverScan.Where.equal(Map.of("commodity", "Coffee", "model_version", "naive")),
                DriverScan.Where.equal(Map.of("commodity", "Sugar", "model_version", "xgboost"))));
        List<Row> driver = sorted(new DriverScan(spark).rows(location, Table.FORECAST_INDEX, columns, wanted,
                r -> List.of("Coffee/naive", "Sugar/xgboost").contains(r.getAs("commodity") + "/" + r.getAs("model_version"))));
        List<Row> viaSpark = sorted(spark.read().format("delta").load(location)
                .where("(commodity = 'Coffee' AND model_version = 'naive') OR (commodity = 'Sugar' AND model_version = 'xgboost')")
                .collectAsList());
        assertEquals(6, viaSpark.size());
        assertEquals(viaSpark, driver);
        // A filter no file can match reads nothing.
        assertEquals(List.of(), new DriverScan(spark).rows(location, Table.FORECAST_INDEX, columns,
                DriverScan.Where.equal(Map.of("commodity", "Cocoa")), r -> true));
    }

    private static void write(SparkSession spark, String location, List<Row> rows) {
        spark.createDataFrame(rows, Table.FORECAST_INDEX.schema()).coalesce(1).write().format("delta").mode("append")
                .save(location);
    }

    private static Row indexRow(List<String> partition, LocalDate date) {
        return RowFactory.create(partition.get(0), partition.get(1), date, date.minusMonths(1), "0123456789abcdef", 50,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    private static Row fit(String commodity, LocalDate trainDate, String parameters, byte[] state, Instant createdAt,
                           String fingerprint) {
        return RowFactory.create(commodity, "naive", "monthly", trainDate, "naive", parameters, state, 250,
                trainDate.minusDays(1), createdAt, "definition", fingerprint);
    }

    private static List<Row> sorted(List<Row> rows) {
        return rows.stream().sorted(Comparator.comparing(Row::toString)).toList();
    }
}
