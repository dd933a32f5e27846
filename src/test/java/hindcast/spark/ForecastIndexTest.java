package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.plan.StoredForecast;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastIndexTest {
    private static final LocalDate DAY = LocalDate.of(2021, 3, 1);
    private static final LocalDate FIT = LocalDate.of(2021, 1, 1);

    @Test
    void compactionLeavesOneFileAndTheSameRows(@TempDir Path dir) {
        Fixture f = new Fixture(dir);
        ForecastIndex index = f.warehouse.index();
        String location = Table.FORECAST_INDEX.location(f.settings);
        DriverScan scan = new DriverScan(f.spark);
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        // Three commits, at least a file each: two of naive, one of another model, as chunks of units write them.
        index.record("Coffee", "naive", List.of(forecast(0, "a"), forecast(1, "b")), at, false);
        index.record("Coffee", "naive", List.of(forecast(2, "c")), at, false);
        index.record("Sugar", "arima", List.of(forecast(0, "d")), at, false);
        Map<List<String>, DateSpan> spans = Map.of(List.of("Coffee", "naive"), new DateSpan(DAY, DAY.plusDays(9)),
                List.of("Sugar", "arima"), new DateSpan(DAY, DAY.plusDays(9)));
        var before = index.load(spans);
        int files = scan.files(location);
        assertTrue(files >= 3, files + " files");

        assertFalse(index.compact(files + 1), "below the threshold nothing is rewritten");
        assertEquals(files, scan.files(location));

        assertTrue(index.compact(files));
        assertEquals(1, scan.files(location));
        assertEquals(before, index.load(spans));
        assertEquals("OPTIMIZE", f.spark.sql("DESCRIBE HISTORY delta.`" + location + "` LIMIT 1")
                .first().getAs("operation"));

        // Written to after it as before: an insert-only MERGE adds the new row, skips the one already there.
        index.record("Coffee", "naive", List.of(forecast(2, "c"), forecast(3, "e")), at, false);
        var after = index.load(spans);
        assertEquals(4, after.get(List.of("Coffee", "naive")).size());
        assertEquals(forecast(2, "c"), after.get(List.of("Coffee", "naive")).get(DAY.plusDays(2)));
    }

    @Test
    void aReplaceRewritesTheRowsOfItsDatesOnly(@TempDir Path dir) {
        Fixture f = new Fixture(dir);
        ForecastIndex index = f.warehouse.index();
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        index.record("Coffee", "naive", List.of(forecast(0, "a"), forecast(1, "b"), forecast(2, "c"), forecast(3, "d")),
                at, false);
        index.record("Sugar", "naive", List.of(forecast(1, "s")), at, false);
        Map<List<String>, DateSpan> spans = Map.of(List.of("Coffee", "naive"), new DateSpan(DAY, DAY.plusDays(9)),
                List.of("Sugar", "naive"), new DateSpan(DAY, DAY.plusDays(9)));

        // Two runs of days, 1..2 and 5 (a date not stored yet), in one replace.
        index.record("Coffee", "naive", List.of(forecast(1, "B"), forecast(2, "C"), forecast(5, "F")), at, true);
        var after = index.load(spans);
        assertEquals(Map.of(DAY, forecast(0, "a"), DAY.plusDays(1), forecast(1, "B"), DAY.plusDays(2), forecast(2, "C"),
                DAY.plusDays(3), forecast(3, "d"), DAY.plusDays(5), forecast(5, "F")), after.get(List.of("Coffee", "naive")));
        assertEquals(Map.of(DAY.plusDays(1), forecast(1, "s")), after.get(List.of("Sugar", "naive")));
        assertEquals(6L, f.spark.read().format("delta").load(Table.FORECAST_INDEX.location(f.settings)).count(),
                "one row per forecast");
    }

    private static StoredForecast forecast(int day, String fingerprint) {
        return new StoredForecast(DAY.plusDays(day), FIT, fingerprint, Fixture.PATHS);
    }
}
