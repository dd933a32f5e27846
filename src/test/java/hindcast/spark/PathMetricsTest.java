package hindcast.spark;

import hindcast.config.Settings;
import hindcast.report.ReportData;
import hindcast.score.PathScore;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * path_metrics: one row per forecast scored in forecast_metrics, equal to {@link PathScore} on the paths and market
 * read directly; incremental and idempotent with forecast_metrics; backfilled when a warehouse lacks it.
 */
class PathMetricsTest {
    private static final LocalDate START = LocalDate.of(2021, 12, 1);
    private static final LocalDate END = LocalDate.of(2021, 12, 31); // the sample market ends here
    private static final long COMPLETE = 2 * (END.minusDays(13).toEpochDay() - START.toEpochDay() + 1);

    @Test
    void scoredWithForecastMetricsIncrementallyAndBackfilled(@TempDir Path home) throws IOException {
        Fixture f = new Fixture(home).withSampleMarket()
                .backfill("Coffee", List.of("naive", "random_walk"), "quarterly", START, END);
        Evaluator evaluator = f.warehouse.evaluator();
        String paths = f.table(Table.PATH_METRICS);
        String metrics = f.table(Table.FORECAST_METRICS);

        assertEquals(COMPLETE, evaluator.refresh().scored());
        assertEquals(COMPLETE, f.count("SELECT count(*) FROM " + paths));
        assertEquals(COMPLETE, f.count("SELECT count(DISTINCT model_version, forecast_start_date) FROM " + metrics));
        checkAgainstPaths(f);
        assertEquals(0, f.count("SELECT count(*) FROM " + paths + " p JOIN (SELECT model_version, forecast_start_date,"
                + " max(actuals_generated_at) AS a, max(forecast_generated_at) AS g, count(*) AS days FROM " + metrics
                + " GROUP BY 1, 2) m USING (model_version, forecast_start_date)"
                + " WHERE p.actuals_generated_at <> m.a OR p.forecast_generated_at <> m.g OR p.trading_days <> m.days"),
                "scored from the same actuals and paths, on the same days, as forecast_metrics");

        long pathsVersion = f.version(Table.PATH_METRICS);
        long metricsVersion = f.version(Table.FORECAST_METRICS);
        assertEquals(0, evaluator.refresh().scored());
        assertEquals(pathsVersion, f.version(Table.PATH_METRICS), "no commit when nothing is new");
        assertEquals(metricsVersion, f.version(Table.FORECAST_METRICS), "no commit when nothing is new");

        leaderboardAndReliability(f);

        // A warehouse from before path_metrics: the table is missing while forecast_metrics is full.
        String pathRows = "SELECT " + allButScoredAt(Table.PATH_METRICS) + " FROM " + paths
                + " ORDER BY model_version, forecast_start_date";
        String metricRows = "SELECT " + allButScoredAt(Table.FORECAST_METRICS) + " FROM " + metrics
                + " ORDER BY model_version, forecast_start_date, horizon";
        List<String> pathsBefore = f.rows(pathRows);
        List<String> metricsBefore = f.rows(metricRows);
        f.spark.sql("DROP TABLE " + paths); // an external table: only the name goes
        deleteTree(Path.of(Settings.toUri(Table.PATH_METRICS.location(f.settings))));
        f.warehouse.register();
        assertEquals(0, f.count("SELECT count(*) FROM " + paths));
        assertEquals(COMPLETE, evaluator.refresh().scored(), "every scored forecast backfilled");
        Fixture.assertSameRows(pathsBefore, f.rows(pathRows), "path_metrics backfilled as first scored");
        Fixture.assertSameRows(metricsBefore, f.rows(metricRows), "forecast_metrics rescored to the same values");
        pathsVersion = f.version(Table.PATH_METRICS);
        assertEquals(0, evaluator.refresh().scored());
        assertEquals(pathsVersion, f.version(Table.PATH_METRICS), "no commit after the backfill");

        // A corrected close rescores the forecasts that read it, in both tables.
        f.spark.sql("UPDATE " + f.table(Table.MARKET) + " SET close = close * 1.1 WHERE commodity = 'Coffee'"
                + " AND date = DATE'2021-12-10'");
        // A Friday: D = Dec 1..10 see it, the weekend after carries it, Monday Dec 13 has it as its last close.
        assertEquals(2 * 13, evaluator.refresh().scored());
        checkAgainstPaths(f);
    }

    /** Every row against PathScore on the paths (in path-id order) and closes read with SQL. */
    private static void checkAgainstPaths(Fixture f) {
        Map<LocalDate, Double> closes = new HashMap<>();
        for (Row r : f.spark.sql("SELECT date, close FROM " + f.table(Table.MARKET) + " WHERE commodity = 'Coffee'")
                .collectAsList()) {
            closes.put(r.getAs(0), r.getDouble(1));
        }
        Map<String, float[][]> ensembles = new HashMap<>();
        for (Row r : f.spark.sql("SELECT model_version, forecast_start_date, path_id, " + DistributionRow.dayColumns(14)
                + " FROM " + f.table(Table.DISTRIBUTIONS) + " WHERE path_id > 0").collectAsList()) {
            float[][] e = ensembles.computeIfAbsent(r.getString(0) + " " + r.getAs(1),
                    k -> new float[Fixture.PATHS][]);
            float[] days = new float[14];
            for (int k = 0; k < 14; k++) {
                days[k] = r.getFloat(3 + k);
            }
            e[r.getInt(2) - 1] = days;
        }
        List<Row> rows = f.spark.sql("SELECT * FROM " + f.table(Table.PATH_METRICS)).collectAsList();
        assertEquals(COMPLETE, rows.size());
        for (Row row : rows) {
            PathMetricsRow m = PathMetricsRow.fromRow(row);
            LocalDate d = m.forecastStartDate();
            double[] realised = new double[14];
            for (int k = 0; k < 14; k++) {
                Double close = closes.get(d.plusDays(k));
                realised[k] = close == null ? Double.NaN : (float) close.doubleValue(); // actuals are stored as FLOAT
            }
            LocalDate origin = closes.keySet().stream().filter(x -> x.isBefore(d)).max(Comparator.naturalOrder())
                    .orElseThrow();
            assertEquals(closes.get(origin), m.lastClose(), d.toString());
            PathScore expected = PathScore.of(ensembles.get(m.modelVersion() + " " + d), realised, closes.get(origin));
            assertEquals(expected, m.score(), m.modelVersion() + " " + d);
            assertEquals(expected.brierUp(), row.<Double>getAs("brier_up"));
            assertEquals(expected.brierDown(), row.<Double>getAs("brier_down"));
        }
    }

    private static void leaderboardAndReliability(Fixture f) {
        WholePaths whole = f.warehouse.evaluation().wholePaths();
        List<ReportData.PathScores> lines = whole.lines(new Evaluation.Scope(List.of(), List.of(), START, END,
                List.of()));
        assertEquals(List.of("naive", "random_walk"), lines.stream().map(ReportData.PathScores::model).toList());
        Map<String, double[]> sums = new TreeMap<>(); // per model: n, energy, brier up, brier down
        for (Row r : f.spark.sql("SELECT * FROM " + f.table(Table.PATH_METRICS)).collectAsList()) {
            double[] s = sums.computeIfAbsent(r.getAs("model_version"), k -> new double[4]);
            s[0]++;
            s[1] += r.<Double>getAs("energy_score");
            s[2] += r.<Double>getAs("brier_up");
            s[3] += r.<Double>getAs("brier_down");
        }
        for (ReportData.PathScores l : lines) {
            double[] s = sums.get(l.model());
            assertEquals((long) s[0], l.forecasts());
            assertEquals(s[1] / s[0], l.energyScore(), 1e-12);
            assertEquals(s[2] / s[0], l.brierUp(), 1e-12);
            assertEquals(s[3] / s[0], l.brierDown(), 1e-12);
            // Both models have every date: skill is 1 - the ratio of the sums.
            assertEquals(1 - s[1] / sums.get("naive")[1], l.energySkill(), 1e-12, l.model());
        }
        List<ReportData.PathScores> late = whole.lines(new Evaluation.Scope(List.of("Coffee"), List.of("random_walk"),
                START.plusDays(10), END, List.of()));
        assertEquals(1, late.size());
        assertEquals(COMPLETE / 2 - 10, late.get(0).forecasts());

        List<ReportData.Reliability> bins = whole.reliability();
        for (String model : sums.keySet()) {
            for (String event : List.of("up", "down")) {
                long n = 0;
                double hits = 0;
                for (ReportData.Reliability b : bins) {
                    if (b.model().equals(model) && b.event().equals(event)) {
                        assertTrue(b.forecast() >= b.bin() / 10.0 && b.forecast() <= (b.bin() + 1) / 10.0, b.toString());
                        n += b.count();
                        hits += b.observed() * b.count();
                    }
                }
                assertEquals((long) sums.get(model)[0], n, model + " " + event);
                assertEquals(f.count("SELECT count_if(hit_" + event + ") FROM " + f.table(Table.PATH_METRICS)
                        + " WHERE model_version = '" + model + "'"), Math.round(hits), model + " " + event);
            }
        }

        Cli json = Cli.run("evaluate", "--config", f.configFile.toString(), "--json", "--horizons", "1,14");
        assertEquals(0, json.code(), json.err());
        ReportData.PathScores walk = lines.get(1);
        assertTrue(json.out().contains("\"energyScore\" : " + walk.energyScore()), json.out());
        assertTrue(json.out().contains("\"brierDown\" : " + walk.brierDown()), json.out());
        Cli table = Cli.run("evaluate", "--config", f.configFile.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("Whole paths"), table.out());
        assertEquals(1, table.out().lines().filter(l -> l.startsWith("Coffee") && l.contains("random_walk")
                && l.contains(String.format(java.util.Locale.ROOT, "%.5f", walk.energyScore()))).count(), table.out());
        assertNotNull(walk.energySkill());
        assertEquals(walk.energySkill(), whole.lines(new Evaluation.Scope(List.of(), List.of("random_walk"), START,
                END, List.of())).get(0).energySkill(), "skill against naive's stored scores, whichever models are shown");
    }

    private static String allButScoredAt(Table table) {
        return String.join(", ", java.util.Arrays.stream(table.schema().fieldNames())
                .filter(c -> !c.equals("scored_at")).toList());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
