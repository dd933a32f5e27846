package hindcast.spark;

import hindcast.config.Settings;
import hindcast.data.SampleData;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation follows a forecast replaced in place and a corrected market close: the next refresh rewrites
 * exactly the affected actuals and metrics rows, as a fresh evaluation would have them, and a refresh after it
 * commits nothing.
 */
class EvaluationFollowTest {
    private static final LocalDate START = LocalDate.of(2021, 12, 1);
    private static final LocalDate END = LocalDate.of(2021, 12, 31); // the sample market ends here
    private static final long COMPLETE = 2 * 18; // 2 models x forecasts of 12-01..12-18, whose 14 days have closes
    private static final LocalDate CORRECTED = LocalDate.of(2021, 12, 10); // a Friday

    @Test
    void refreshRescoresReplacedForecastsAndCorrectedClosesOnly(@TempDir Path home) throws IOException {
        Fixture f = new Fixture(home).withSampleMarket()
                .backfill("Coffee", List.of("naive", "random_walk"), "quarterly", START, END);
        Evaluator evaluator = f.warehouse.evaluator();
        assertEquals(new Evaluator.Refreshed(COMPLETE, COMPLETE), evaluator.refresh());
        assertNothingNew(f, evaluator);

        // (a) One forecast's paths replaced: only its metrics are rescored, from the new paths.
        Map<String, List<String>> before = metrics(f);
        replace(f, "random_walk", LocalDate.of(2021, 12, 15));
        assertEquals(new Evaluator.Refreshed(0, 1), evaluator.refresh());
        Map<String, List<String>> after = metrics(f);
        assertEquals(Set.of("random_walk|2021-12-15"), changed(before, after));
        assertEquals(before.get("random_walk|2021-12-15").size(), after.get("random_walk|2021-12-15").size());
        assertEquals(0, f.count("SELECT count(*) FROM " + f.table(Table.FORECAST_METRICS) + " m JOIN "
                + f.table(Table.DISTRIBUTIONS) + " d USING (commodity, model_version, forecast_start_date)"
                + " WHERE d.path_id = 1 AND m.forecast_generated_at <> d.generation_timestamp"),
                "every row records the paths it was scored from");
        assertNothingNew(f, evaluator);

        // (b) A corrected close, re-ingested: the actuals and scores of the forecasts that read it, only.
        Map<String, List<String>> actualsBefore = actuals(f);
        before = metrics(f);
        assertEquals(1, f.hindcast.ingest("Coffee", correctedCoffee(home)).changed());
        // Forecasts of 12-01..12-10 hold it, those of the weekend after carry it, Monday 12-13's has it as last close.
        Set<String> touched = new TreeSet<>();
        for (String model : List.of("naive", "random_walk")) {
            for (LocalDate d = START; !d.isAfter(LocalDate.of(2021, 12, 13)); d = d.plusDays(1)) {
                touched.add(model + "|" + d);
            }
        }
        assertEquals(new Evaluator.Refreshed(touched.size(), touched.size()), evaluator.refresh());
        Map<String, List<String>> actualsAfter = actuals(f);
        assertEquals(touched, changed(actualsBefore, actualsAfter));
        assertEquals(days(actualsBefore.get("naive|2021-12-13")), days(actualsAfter.get("naive|2021-12-13")),
                "Monday's realised prices are the same; what its scores read is not");
        assertNotEquals(days(actualsBefore.get("naive|2021-12-12")), days(actualsAfter.get("naive|2021-12-12")));
        assertEquals(touched, changed(before, metrics(f)));
        assertNothingNew(f, evaluator);

        // Both equal a fresh evaluation of the same tables, scored_at aside.
        Map<String, List<String>> incremental = withoutScoredAt(metrics(f));
        f.spark.sql("DELETE FROM " + f.table(Table.FORECAST_METRICS));
        assertEquals(new Evaluator.Refreshed(0, COMPLETE), evaluator.refresh());
        assertEquals(incremental, withoutScoredAt(metrics(f)));
        assertNothingNew(f, evaluator);

        // Rows from before either was recorded: filling in the fingerprints rescores nothing, a replacement still
        // rescores its forecast.
        f.spark.sql("UPDATE " + f.table(Table.FORECAST_METRICS) + " SET forecast_generated_at = NULL");
        f.spark.sql("UPDATE " + f.table(Table.DISTRIBUTIONS) + " SET fingerprint = NULL WHERE path_id = 0");
        assertEquals(new Evaluator.Refreshed(COMPLETE, 0), evaluator.refresh());
        assertNothingNew(f, evaluator);
        before = metrics(f);
        replace(f, "naive", LocalDate.of(2021, 12, 2));
        assertEquals(new Evaluator.Refreshed(0, 1), evaluator.refresh());
        assertEquals(Set.of("naive|2021-12-02"), changed(before, metrics(f)));
        assertNothingNew(f, evaluator);
    }

    /** A refresh with nothing new writes nothing and commits to neither table. */
    private static void assertNothingNew(Fixture f, Evaluator evaluator) {
        long distributions = f.version(Table.DISTRIBUTIONS);
        long metrics = f.version(Table.FORECAST_METRICS);
        assertEquals(new Evaluator.Refreshed(0, 0), evaluator.refresh());
        assertEquals(distributions, f.version(Table.DISTRIBUTIONS), "no commit to distributions");
        assertEquals(metrics, f.version(Table.FORECAST_METRICS), "no commit to forecast_metrics");
    }

    /** What a replacement does (by hand here, so the index is rebuilt after it): every path of the forecast rewritten in one commit, with a new generation time. */
    private static void replace(Fixture f, String model, LocalDate date) {
        String days = IntStream.rangeClosed(1, 14).mapToObj(k -> "day_" + k + " = day_" + k + " * 1.1")
                .collect(Collectors.joining(", "));
        f.spark.sql("UPDATE " + f.table(Table.DISTRIBUTIONS) + " SET " + days
                + ", generation_timestamp = current_timestamp() WHERE commodity = 'Coffee' AND model_version = '"
                + model + "' AND forecast_start_date = DATE'" + date + "' AND path_id > 0");
        f.warehouse.index().rebuild(); // a write by hand: the index is derived from the table again
    }

    /** The sample Coffee prices with the close of {@link #CORRECTED} 10% higher. */
    private static Settings.Input correctedCoffee(Path home) throws IOException {
        SampleData.Files coffee = SampleData.write(home.resolve("sample"), Fixture.DATA_FROM, Fixture.DATA_TO).get(0);
        assertEquals("Coffee", coffee.commodity());
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(coffee.prices())) {
            String[] v = line.split(",", -1); // date,open,high,low,close,volume
            if (v[0].equals(CORRECTED.toString())) {
                v[4] = String.valueOf(Double.parseDouble(v[4]) * 1.1);
                line = String.join(",", v);
            }
            lines.add(line);
        }
        Path prices = Files.write(home.resolve("coffee_prices_corrected.csv"), lines);
        return new Settings.Input(prices, coffee.covariates());
    }

    /** The metrics rows of each forecast ("model|D"), each row as "a|b|c", by horizon. */
    private static Map<String, List<String>> metrics(Fixture f) {
        return byForecast(f, "SELECT concat(model_version, '|', forecast_start_date), * FROM "
                + f.table(Table.FORECAST_METRICS) + " ORDER BY model_version, forecast_start_date, horizon");
    }

    /** The actuals row of each forecast ("model|D"), as text: generation_timestamp, fingerprint, then the days. */
    private static Map<String, List<String>> actuals(Fixture f) {
        return byForecast(f, "SELECT concat(model_version, '|', forecast_start_date), generation_timestamp, "
                + "fingerprint, " + DistributionRow.dayColumns(14) + " FROM " + f.table(Table.DISTRIBUTIONS)
                + " WHERE path_id = 0");
    }

    /** The rows of a query grouped by its first column, each row's other columns as "a|b|c". */
    private static Map<String, List<String>> byForecast(Fixture f, String sql) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Row r : f.spark.sql(sql).collectAsList()) {
            String values = IntStream.range(1, r.length()).mapToObj(i -> String.valueOf(r.get(i)))
                    .collect(Collectors.joining("|"));
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(values);
        }
        return out;
    }

    /** The forecasts whose rows differ, including ones that appeared or vanished. */
    private static Set<String> changed(Map<String, List<String>> before, Map<String, List<String>> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(k -> !Objects.equals(before.get(k), after.get(k)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** An actuals row's days (its text after generation_timestamp and fingerprint). */
    private static String days(List<String> actualsRow) {
        return actualsRow.get(0).split("\\|", 3)[2];
    }

    /** Metrics rows without their scored_at, the one column a rescoring of the same inputs changes. */
    private static Map<String, List<String>> withoutScoredAt(Map<String, List<String>> metrics) {
        int scoredAt = Table.FORECAST_METRICS.schema().fieldIndex("scored_at");
        Map<String, List<String>> out = new TreeMap<>();
        metrics.forEach((k, rows) -> out.put(k, rows.stream().map(r -> {
            List<String> v = new ArrayList<>(List.of(r.split("\\|", -1)));
            v.remove(scoredAt);
            return String.join("|", v);
        }).toList()));
        return out;
    }
}
