package hindcast.spark;

import hindcast.config.Settings;
import hindcast.data.SampleData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Done means fresh: a corrected close recomputes exactly the forecasts and fits that read it, and the result is
 * what an installation that had the corrected data from the start holds; a changed model definition is never
 * mixed with the old one.
 */
class StaleForecastsTest {
    private static final LocalDate FROM = LocalDate.of(2021, 1, 4);
    private static final LocalDate TO = LocalDate.of(2021, 2, 12);
    /** A Thursday: naive's forecast for Friday reads its close, Saturday's does not. */
    private static final LocalDate CORRECTED = LocalDate.of(2021, 1, 14);
    private static final LocalDate FEB_FIT = LocalDate.of(2021, 2, 4);
    private static final List<String> MODELS = List.of("naive", "arima_111");

    @Test
    void aCorrectedCloseRecomputesExactlyWhatReadItAndMatchesACleanInstallation(@TempDir Path dir) throws Exception {
        Fixture f = new Fixture(dir.resolve("a"), "stream.train-missing = true");
        List<SampleData.Files> files = SampleData.write(dir.resolve("data"), Fixture.DATA_FROM, Fixture.DATA_TO);
        ingest(f, files);
        backfill(f);
        List<String> before = f.distributionRows();
        assertEquals(0, staleTotal(f), "nothing is stale after a backfill");

        assertEquals(CORRECTED, SampleData.correctClose(files.get(0).prices(), CORRECTED));
        ingest(f, files);
        // Monthly fits from the requests' start: the naive fit of 01-04 read closes up to 01-03 and stays fresh;
        // those of 02-04 read the correction.
        StatusReport.Line naive = line(f, "naive");
        StatusReport.Line arima = line(f, "arima_111");
        assertEquals(1 + countDates(FEB_FIT, TO), naive.stale(), "Jan 15, and every date of the Feb fit");
        assertEquals(countDates(CORRECTED.plusDays(1), TO), arima.stale(), "every date after the corrected close");
        assertEquals(1, naive.staleFits());
        assertEquals(1, arima.staleFits());
        assertEquals(staleInSql(f), naive.stale() + arima.stale(), "status agrees with SQL over the index");
        Cli status = Cli.run("status", "--config", f.configFile.toString(), "--json");
        assertEquals(0, status.code(), status.err());
        long staleInJson = 0;
        for (JsonNode line : new ObjectMapper().readTree(status.out()).get("lines")) {
            staleInJson += line.get("stale").asLong();
        }
        assertEquals(staleInSql(f), staleInJson, "status --json");

        backfill(f); // the same requests again: only what is stale is recomputed
        List<String> after = f.distributionRows();
        assertEquals(0, staleTotal(f));
        Set<String> changed = changedForecasts(before, after);
        Set<String> expected = new TreeSet<>();
        expected.add("naive|" + CORRECTED.plusDays(1));
        FEB_FIT.datesUntil(TO.plusDays(1)).forEach(d -> expected.add("naive|" + d));
        CORRECTED.plusDays(1).datesUntil(TO.plusDays(1)).forEach(d -> expected.add("arima_111|" + d));
        assertEquals(expected, changed);
        assertIndexMatchesDistributions(f);

        long version = f.version(Table.DISTRIBUTIONS);
        backfill(f); // a rerun finds everything fresh and writes nothing
        assertEquals(version, f.version(Table.DISTRIBUTIONS));

        Fixture clean = new Fixture(dir.resolve("b"), "stream.train-missing = true");
        ingest(clean, files);
        backfill(clean);
        Fixture.assertSameRows(clean.distributionRows(), after, "clean installation with the corrected data");
    }

    @Test
    void aChangedDefinitionIsRejectedUntilRetrainedThenEqualsACleanInstallation(@TempDir Path dir) {
        Fixture f = new Fixture(dir.resolve("a")).withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", FROM, TO);
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", FROM, TO)).runAvailableNow();
        List<String> before = f.distributionRows();

        // The same definition written another way is not a change.
        Fixture reordered = new Fixture(dir.resolve("a"), "models.naive { vol_window = 250, type = naive }");
        reordered.enqueue(Fixture.request("Coffee", "naive", "monthly", FROM, TO)).runAvailableNow();
        assertEquals(0, reordered.count("SELECT count(*) FROM " + reordered.table(Table.TASK_ERRORS)));
        Fixture.assertSameRows(before, reordered.distributionRows(), "same definition");

        Fixture changed = new Fixture(dir.resolve("a"), "models.naive.vol-window = 100");
        assertEquals(countDates(FROM, TO), line(changed, "naive").stale());
        assertEquals(2, line(changed, "naive").changedFits());
        changed.enqueue(Fixture.request("Coffee", "naive", "monthly", FROM, TO)).runAvailableNow();
        assertEquals(countDates(FROM, TO), changed.count("SELECT count(*) FROM " + changed.table(Table.TASK_ERRORS)
                + " WHERE error_kind = 'MODEL_CHANGED' AND reason LIKE '%vol-window 250 → 100%'"));
        Fixture.assertSameRows(before, changed.distributionRows(), "nothing computed from the old fits");

        Fixture retrained = new Fixture(dir.resolve("a"), "models.naive.vol-window = 100\nstream.train-missing = true");
        retrained.enqueue(Fixture.request("Coffee", "naive", "monthly", FROM, TO)).runAvailableNow();
        assertEquals(0, line(retrained, "naive").stale());
        assertEquals(0, line(retrained, "naive").changedFits());
        Fixture clean = new Fixture(dir.resolve("b"), "models.naive.vol-window = 100").withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", FROM, TO);
        clean.enqueue(Fixture.request("Coffee", "naive", "monthly", FROM, TO)).runAvailableNow();
        List<String> expected = clean.distributionRows();
        retrained.use();
        Fixture.assertSameRows(expected, retrained.distributionRows(), "clean installation with the new definition");
    }

    private static void ingest(Fixture f, List<SampleData.Files> files) {
        for (SampleData.Files x : files) {
            f.hindcast.ingest(x.commodity(), new Settings.Input(x.prices(), x.covariates()));
        }
    }

    private static void backfill(Fixture f) {
        f.use();
        for (String model : MODELS) {
            f.enqueue(Fixture.request("Coffee", model, "monthly", FROM, TO));
        }
        f.runAvailableNow();
    }

    private static long countDates(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).count();
    }

    private static StatusReport.Line line(Fixture f, String model) {
        f.use();
        return f.hindcast.status().lines().stream()
                .filter(l -> l.commodity().equals("Coffee") && l.modelVersion().equals(model)).findFirst().orElseThrow();
    }

    private static long staleTotal(Fixture f) {
        f.use();
        return f.hindcast.status().lines().stream().mapToLong(l -> l.stale() + l.staleFits() + l.changedFits()).sum();
    }

    /**
     * The stale count by the rules themselves, in SQL over the index: naive's forecast of the day after the
     * corrected close, every forecast served by a fit trained after it, and every arima_111 forecast after it.
     */
    private static long staleInSql(Fixture f) {
        f.use();
        return f.count("SELECT count(*) FROM " + f.table(Table.FORECAST_INDEX) + " WHERE commodity = 'Coffee' AND ("
                + "(model_version = 'naive' AND (forecast_start_date = DATE'" + CORRECTED.plusDays(1) + "' OR train_date > DATE'"
                + CORRECTED + "')) OR (model_version = 'arima_111' AND forecast_start_date > DATE'" + CORRECTED + "'))");
    }

    /** "model|date" of each forecast whose rows differ between the two sorted row lists. */
    private static Set<String> changedForecasts(List<String> before, List<String> after) {
        assertEquals(before.size(), after.size(), "replacement keeps every row");
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                String[] v = after.get(i).split("\\|");
                out.add(v[1] + "|" + v[2]);
            }
        }
        return out;
    }

    /** The index is what a rebuild from distributions gives. */
    private static void assertIndexMatchesDistributions(Fixture f) {
        f.use();
        String columns = "commodity, model_version, forecast_start_date, train_date, fingerprint, paths";
        List<String> kept = f.rows("SELECT " + columns + " FROM " + f.table(Table.FORECAST_INDEX) + " ORDER BY 1, 2, 3");
        f.warehouse.index().rebuild();
        List<String> rebuilt = f.rows("SELECT " + columns + " FROM " + f.table(Table.FORECAST_INDEX) + " ORDER BY 1, 2, 3");
        Fixture.assertSameRows(rebuilt, kept, "forecast_index kept by the writes vs rebuilt");
        assertEquals(Set.of(1L), f.rows("SELECT count(DISTINCT fingerprint) FROM " + f.table(Table.DISTRIBUTIONS)
                + " WHERE NOT is_actuals GROUP BY commodity, model_version, forecast_start_date").stream()
                .map(Long::parseLong).collect(Collectors.toSet()), "one fingerprint per forecast: never mixed paths");
    }
}
