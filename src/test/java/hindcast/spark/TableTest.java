package hindcast.spark;

import hindcast.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue against the configuration and the converters against the catalogue; no Spark session. */
class TableTest {

    @Test
    void everyCatalogueTableIsNamedInTheDefaultConfigurationAndNothingElseIs(@TempDir Path home) throws Exception {
        Path conf = Files.writeString(home.resolve("t.conf"), "hindcast.home = \"" + home + "\"\n");
        Settings settings = Settings.load(conf);
        Set<String> configured = new TreeSet<>(settings.tables().names().keySet());
        Set<String> catalogue = new TreeSet<>(Arrays.stream(Table.values()).map(Table::key).toList());
        assertEquals(catalogue, configured);
        assertEquals("trained_models", Table.TRAINED_MODELS.name(settings));
        assertEquals(home.resolve("warehouse/batch_log").toString(), Table.BATCH_LOG.location(settings));
    }

    @Test
    void keysAreMatchedColumnByColumnAndANullableKeyNullSafely() {
        assertEquals("t.commodity = s.commodity AND t.model_version = s.model_version"
                + " AND t.forecast_start_date = s.forecast_start_date AND t.path_id = s.path_id",
                Table.DISTRIBUTIONS.keyMatch());
        assertEquals("t.request_id = s.request_id AND t.forecast_start_date <=> s.forecast_start_date"
                + " AND t.error_kind = s.error_kind", Table.TASK_ERRORS.keyMatch());
        for (Table t : Table.values()) {
            for (String c : t.keyColumns()) {
                assertTrue(Arrays.asList(t.schema().fieldNames()).contains(c), t + " key column " + c);
            }
        }
    }

    @Test
    void ddlCreatesTheCatalogueSchemaWithItsPartitioning() {
        String ddl = Table.DISTRIBUTIONS.ddl();
        assertTrue(ddl.contains("PARTITIONED BY (model_version, commodity)"), ddl);
        assertTrue(ddl.contains("TBLPROPERTIES ('delta.dataSkippingStatsColumns'"), ddl);
        assertFalse(Table.TASK_ERRORS.ddl().contains("PARTITIONED"), Table.TASK_ERRORS.ddl());
    }

    @Test
    void aDistributionRowHasTheTableColumnsAndReadsBackByName() {
        float[] days = new float[hindcast.model.Horizon.DAYS];
        for (int k = 0; k < days.length; k++) {
            days[k] = 100 + k;
        }
        LocalDate d = LocalDate.of(2024, 3, 1);
        var row = DistributionRow.path(7, d, Instant.EPOCH, "naive", "Coffee", days, d.minusDays(30), "f").toRow();
        var schema = Table.DISTRIBUTIONS.schema();
        assertEquals(schema.size(), row.size());
        var typed = new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
                scala.collection.JavaConverters.seqAsJavaList(row.toSeq()).toArray(), schema);
        assertEquals(7, (int) typed.getAs("path_id"));
        assertEquals(d.minusDays(1), typed.getAs("data_cutoff_date"));
        assertEquals(Boolean.FALSE, typed.getAs("is_actuals"));
        assertEquals(Boolean.FALSE, typed.getAs("has_data_leakage"));
        assertTrue(Arrays.equals(days, DistributionRow.days(typed, days.length)));
        assertEquals(d.minusDays(30), typed.getAs("train_date"));
        assertEquals("f", typed.getAs("fingerprint"));
        var actuals = DistributionRow.actuals(d, Instant.EPOCH, "naive", "Coffee", days, "m").toRow();
        assertEquals(0, actuals.getInt(schema.fieldIndex("path_id")));
        assertEquals(Boolean.TRUE, actuals.get(schema.fieldIndex("is_actuals")));
        assertEquals("m", actuals.get(schema.fieldIndex("fingerprint")));
    }

    @Test
    void thePathWriterWritesWhatTheRowEncoderMakesOfAPathRow() {
        var schema = Table.DISTRIBUTIONS.schema();
        // Lenient, as Hindcast's sessions are: dates and timestamps as java.time values.
        var serializer = org.apache.spark.sql.catalyst.encoders.ExpressionEncoder.apply(
                org.apache.spark.sql.catalyst.encoders.RowEncoder.encoderFor(schema, true)).createSerializer();
        var writer = new DistributionRow.PathWriter(hindcast.model.Horizon.DAYS);
        Instant at = Instant.parse("2025-06-30T08:15:30.123456Z");
        LocalDate d = LocalDate.of(2024, 2, 29);
        for (String fingerprint : new String[]{"f0e1d2", null}) {
            LocalDate trainDate = fingerprint == null ? null : d.minusDays(60);
            writer.forecast(d, at, "sarimax_auto", "Coffee", trainDate, fingerprint);
            for (int pathId : new int[]{1, 2000}) {
                float[] days = new float[hindcast.model.Horizon.DAYS];
                for (int k = 0; k < days.length; k++) {
                    days[k] = pathId * 0.5f + k - 1e-3f * k * k;
                }
                var written = writer.path(pathId, days);
                var encoded = serializer.apply(DistributionRow.path(pathId, d, at, "sarimax_auto", "Coffee", days,
                        trainDate, fingerprint).toRow());
                assertEquals(schema.size(), written.numFields());
                for (int c = 0; c < schema.size(); c++) {
                    var type = schema.fields()[c].dataType();
                    assertEquals(encoded.isNullAt(c), written.isNullAt(c), schema.fields()[c].name());
                    assertEquals(encoded.isNullAt(c) ? null : encoded.get(c, type),
                            written.isNullAt(c) ? null : written.get(c, type), schema.fields()[c].name());
                }
            }
        }
    }
}
