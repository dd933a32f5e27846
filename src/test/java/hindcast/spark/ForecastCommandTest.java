package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hindcast.model.PathSummary;
import hindcast.model.TrainFrequency;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `forecast` computes, on the fly, exactly what the backfill wrote for the same key. */
class ForecastCommandTest {
    private static final LocalDate TRAIN = LocalDate.of(2021, 1, 1);
    /** Friday, Saturday, Sunday: a weekday start and two weekend starts. */
    private static final LocalDate FROM = LocalDate.of(2021, 1, 8);
    private static final LocalDate TO = LocalDate.of(2021, 1, 10);

    @Test
    void forecastEqualsTheWrittenRows(@TempDir Path home) throws Exception {
        // semiannually is the default train frequency, so the command below needs no --train-frequency.
        Fixture f = new Fixture(home).withSampleMarket().train("Coffee", List.of("random_walk"), "semiannually", TRAIN, TRAIN);
        f.enqueue(Fixture.request("Coffee", "random_walk", "semiannually", FROM, TO));
        f.runAvailableNow();
        assertEquals(3L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));

        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            float[][] written = written(f, d);
            float[][] computed = f.hindcast.forecast("Coffee", "random_walk",
                    TrainFrequency.SEMIANNUALLY, d);
            assertEquals(Fixture.PATHS, computed.length);
            for (int p = 0; p < Fixture.PATHS; p++) {
                assertEquals(14, computed[p].length);
                for (int k = 0; k < 14; k++) {
                    assertEquals(Float.floatToRawIntBits(written[p][k]), Float.floatToRawIntBits(computed[p][k]),
                            d + " path " + (p + 1) + " day_" + (k + 1));
                }
            }
        }

        // --json: the documented shape, numbers equal to the summary of the written rows.
        Cli json = Cli.run("forecast", "--config", f.configFile.toString(), "--commodity", "Coffee",
                "--model", "random_walk", "--date", FROM.toString(), "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(List.of("commodity", "model_version", "forecast_start_date", "data_cutoff_date", "paths", "days"),
                fieldNames(doc));
        assertEquals("Coffee", doc.get("commodity").asText());
        assertEquals("random_walk", doc.get("model_version").asText());
        assertEquals("2021-01-08", doc.get("forecast_start_date").asText());
        assertEquals("2021-01-07", doc.get("data_cutoff_date").asText());
        assertEquals(Fixture.PATHS, doc.get("paths").asInt());
        double[][] stats = PathSummary.of(written(f, FROM));
        JsonNode days = doc.get("days");
        assertEquals(14, days.size());
        String[] names = {"mean", "q05", "q10", "q25", "q50", "q75", "q90", "q95"};
        for (int k = 0; k < 14; k++) {
            JsonNode day = days.get(k);
            List<String> expectedFields = new ArrayList<>(List.of("day", "date"));
            expectedFields.addAll(List.of(names));
            assertEquals(expectedFields, fieldNames(day));
            assertEquals(k + 1, day.get("day").asInt());
            assertEquals(FROM.plusDays(k).toString(), day.get("date").asText());
            for (int i = 0; i < names.length; i++) {
                assertTrue(day.get(names[i]).isNumber(), names[i]);
                assertEquals(stats[k][i], day.get(names[i]).doubleValue(), "day " + (k + 1) + " " + names[i]);
            }
        }
        // Days 2 and 3 are the weekend after Friday: the same prices as day 1.
        assertEquals(days.get(0).get("q50").doubleValue(), days.get(2).get("q50").doubleValue());
        assertNotEquals(days.get(0).get("q50").doubleValue(), days.get(3).get("q50").doubleValue());

        // The table form names the key and prints a row per day.
        Cli table = Cli.run("forecast", "--config", f.configFile.toString(), "--commodity", "Coffee",
                "--model", "random_walk", "--date", FROM.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("Coffee / random_walk  forecast_start_date 2021-01-08  data_cutoff_date "
                + "2021-01-07  paths 50"), table.out());
        assertEquals(1 + 1 + 14, table.out().strip().split("\n").length, table.out());

        // A date no trained model covers fails, naming the train command that fixes it.
        Cli missing = Cli.run("forecast", "--config", f.configFile.toString(), "--commodity", "Coffee",
                "--model", "random_walk", "--date", "2021-01-08", "--train-frequency", "monthly");
        assertEquals(65, missing.code(), missing.err()); // the data cannot serve it
        assertTrue(missing.err().contains("NO_TRAINED_MODEL") && missing.err().contains("scripts/hindcast train "
                + "--commodity Coffee --models random_walk --train-frequency monthly"), missing.err());
        assertEquals("", missing.out().strip());
    }

    /** The written paths of one forecast, [path_id - 1][day - 1]. */
    private static float[][] written(Fixture f, LocalDate d) {
        StringBuilder days = new StringBuilder();
        for (int k = 1; k <= 14; k++) {
            days.append(k == 1 ? "" : ", ").append("day_").append(k);
        }
        List<Row> rows = f.spark.sql("SELECT path_id, " + days + " FROM " + f.table(Table.DISTRIBUTIONS)
                + " WHERE commodity = 'Coffee' AND model_version = 'random_walk' AND forecast_start_date = DATE'" + d
                + "' ORDER BY path_id").collectAsList();
        assertEquals(Fixture.PATHS, rows.size(), d.toString());
        float[][] out = new float[rows.size()][14];
        for (int p = 0; p < rows.size(); p++) {
            assertEquals(p + 1, rows.get(p).getInt(0));
            for (int k = 0; k < 14; k++) {
                out[p][k] = rows.get(p).getFloat(1 + k);
            }
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
