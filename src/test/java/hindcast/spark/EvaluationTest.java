package hindcast.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hindcast.score.BlockBootstrap;
import hindcast.score.DieboldMariano;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actuals rows and `evaluate`: values checked against the market and the paths, worked out independently. */
class EvaluationTest {
    private static final LocalDate START = LocalDate.of(2021, 11, 20);
    private static final LocalDate END = LocalDate.of(2021, 12, 31); // the sample market ends here
    private static final LocalDate LAST_COMPLETE = END.minusDays(13);

    @Test
    void actualsAndScoresAreRightIncrementalAndIdempotent(@TempDir Path home) throws java.io.IOException {
        Fixture f = new Fixture(home).withSampleMarket()
                .backfill("Coffee", List.of("naive", "random_walk"), "quarterly", START, END);
        String d = f.table(Table.DISTRIBUTIONS);
        String m = f.table(Table.MARKET);
        String metrics = f.table(Table.FORECAST_METRICS);
        Actuals actuals = f.warehouse.actuals();
        Evaluation evaluation = f.warehouse.evaluation();
        List<Row> forecasts = actuals.forecasts();
        assertEquals(2 * (END.toEpochDay() - START.toEpochDay() + 1), forecasts.size());

        // Actuals: one row per forecast whose 14 days are in the market, each day the latest close on or before it.
        long complete = 2 * (LAST_COMPLETE.toEpochDay() - START.toEpochDay() + 1);
        assertEquals(complete, actuals.update(forecasts));
        assertEquals(complete, f.count("SELECT count(*) FROM " + d + " WHERE path_id = 0 AND is_actuals"));
        assertEquals(0, f.count("SELECT count(*) FROM " + d + " WHERE path_id = 0 AND forecast_start_date > DATE'"
                + LAST_COMPLETE + "'"));
        assertEquals(0, f.count("SELECT count(*) FROM " + d + " a, (SELECT explode(sequence(1, 14)) AS k) WHERE a.path_id = 0"
                + " AND CAST(element_at(array(" + days() + "), k) AS DOUBLE) <> CAST((SELECT max_by(close, date) FROM " + m
                + " WHERE commodity = 'Coffee' AND date <= date_add(a.forecast_start_date, k - 1)) AS FLOAT)"),
                "every actual is the close as of its day");
        long version = f.version(Table.DISTRIBUTIONS);
        assertEquals(0, actuals.update(forecasts), "nothing new");
        assertEquals(version, f.version(Table.DISTRIBUTIONS), "no commit");

        // Scores: every forecast with actuals x every horizon whose day has a close.
        long scored = evaluation.update(forecasts);
        assertEquals(complete, scored);
        long expectedRows = f.count("SELECT count(*) FROM " + d + " a CROSS JOIN (SELECT explode(sequence(1, 14)) AS h)"
                + " JOIN " + m + " mk ON mk.commodity = 'Coffee' AND mk.date = date_add(a.forecast_start_date, h - 1)"
                + " WHERE a.path_id = 0");
        assertEquals(expectedRows, f.count("SELECT count(*) FROM " + metrics));
        for (Row s : f.spark.sql("SELECT * FROM " + metrics + " WHERE forecast_start_date IN (DATE'2021-11-22', "
                + "DATE'2021-12-15') AND horizon IN (1, 4, 14)").collectAsList()) {
            checkAgainstPaths(f, s);
        }
        long metricsVersion = f.version(Table.FORECAST_METRICS);
        assertEquals(0, evaluation.update(forecasts));
        assertEquals(metricsVersion, f.version(Table.FORECAST_METRICS), "no commit when nothing is new");

        // A corrected close rewrites the actuals of the forecasts whose scores read it, and only their scores.
        f.spark.sql("UPDATE " + m + " SET close = close * 1.1 WHERE commodity = 'Coffee' AND date = DATE'2021-12-10'");
        // A Friday: forecasts from 2021-11-27 to 2021-12-10 see it, those of the weekend after carry it, and
        // Monday's has it as its last close.
        long touched = 2 * 17;
        assertEquals(touched, actuals.update(forecasts));
        assertEquals(touched, evaluation.update(forecasts));
        for (Row s : f.spark.sql("SELECT * FROM " + metrics + " WHERE target_date = DATE'2021-12-10'"
                + " AND forecast_start_date IN (DATE'2021-11-27', DATE'2021-12-06')"
                + " OR forecast_start_date = DATE'2021-12-13' AND horizon = 1").collectAsList()) {
            checkAgainstPaths(f, s);
        }

        List<Evaluation.Line> board = evaluation.leaderboard(new Evaluation.Scope(List.of(), List.of(), START, END,
                List.of(1, 7, 14)));
        assertEquals(6, board.size(), board.toString()); // 2 models x 3 horizons
        for (Evaluation.Line l : board) {
            Row r = f.spark.sql("SELECT count(*), avg(crps), avg(IF(in_95, 1D, 0D)), avg(abs(error_median)) FROM "
                    + metrics + " WHERE model_version = '" + l.modelVersion() + "' AND horizon = " + l.horizon()).first();
            assertEquals(r.getLong(0), l.forecasts());
            assertEquals(r.getDouble(1), l.crps(), 1e-9);
            assertEquals(r.getDouble(2), l.coverage95(), 1e-12);
            assertEquals(r.getDouble(3), l.mae(), 1e-9);
            if (l.modelVersion().equals("naive")) {
                assertEquals(0.0, l.crpsSkill(), 1e-12);
                assertTrue(l.dmStat() == null && l.dmPValue() == null && l.crpsSkillLow() == null
                        && l.crpsSkillHigh() == null, "nothing to test naive against: " + l);
            } else {
                checkSignificance(f, l);
            }
        }
        // Skill is always against naive's stored scores, whichever models the board shows.
        Evaluation.Line alone = evaluation.leaderboard(new Evaluation.Scope(List.of("Coffee"), List.of("random_walk"),
                START, END, List.of(1))).get(0);
        assertEquals(board.stream().filter(l -> l.modelVersion().equals("random_walk") && l.horizon() == 1)
                .findFirst().orElseThrow().crpsSkill(), alone.crpsSkill());

        Cli cli = Cli.run("evaluate", "--config", f.configFile.toString(), "--horizons", "1,7");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("Actuals written or updated: 0    Forecasts scored: 0"), cli.out());
        // 2 models x 2 horizons, then a whole-path line per model.
        assertEquals(4 + 2, cli.out().lines().filter(l -> l.startsWith("Coffee")).count(), cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.contains(" DM ") && l.endsWith("skill 90%")), cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("Coffee") && l.contains("random_walk")
                && l.matches(".* [+-]\\d+\\.\\d\\d +(0\\.\\d{3}|<\\.001)\\*? +\\[[+-]\\d+\\.\\d,[+-]\\d+\\.\\d]%$")),
                "DM, p and interval columns: " + cli.out());
        Cli json = Cli.run("evaluate", "--config", f.configFile.toString(), "--horizons", "7", "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(2, doc.size(), json.out());
        for (JsonNode l : doc) {
            Evaluation.Line line = board.stream().filter(b -> b.modelVersion().equals(l.get("modelVersion").asText())
                    && b.horizon() == 7).findFirst().orElseThrow();
            for (String field : List.of("dmStat", "dmPValue", "crpsSkillLow", "crpsSkillHigh")) {
                assertTrue(l.has(field), field + " in " + l);
            }
            if (line.dmStat() == null) {
                assertTrue(l.get("dmStat").isNull() && l.get("crpsSkillHigh").isNull(), "JSON null for naive: " + l);
            } else {
                assertEquals(line.dmStat(), l.get("dmStat").asDouble(), 0, l.toString());
                assertEquals(line.dmPValue(), l.get("dmPValue").asDouble(), 0, l.toString());
                assertEquals(line.crpsSkillLow(), l.get("crpsSkillLow").asDouble(), 0, l.toString());
                assertEquals(line.crpsSkillHigh(), l.get("crpsSkillHigh").asDouble(), 0, l.toString());
            }
        }
        Cli bad = Cli.run("evaluate", "--config", f.configFile.toString(), "--horizons", "0,15");
        assertEquals(64, bad.code(), bad.err());
        assertTrue(bad.err().contains("--horizons must be numbers 1..14, got '0'"), bad.err());

        // The report from these tables: a fan chart per commodity x model, the backfill grid, nothing online.
        Path dir = home.resolve("my-report");
        Cli report = Cli.run("report", "--config", f.configFile.toString(), "--out", dir.toString(), "--horizon", "3");
        assertEquals(0, report.code(), report.err());
        String html = java.nio.file.Files.readString(dir.resolve("index.html"));
        assertEquals(2, html.split(" class=\"fan\" ", -1).length - 1, "two fan charts");
        assertTrue(html.contains("horizon 3") && html.contains("random_walk"), "header and models");
        assertEquals(1, html.split("<table class=\"data skill\">", -1).length - 1, "one skill table, Coffee's");
        assertTrue(html.contains("<th class=\"num\">h 14</th></tr>"), "skill at every horizon");
        assertTrue(html.replace("http://www.w3.org/2000/svg", "").matches("(?s)^((?!https?://).)*$"), "no URL");
    }

    /**
     * A model's DM test and skill interval are those of its CRPS paired with naive's by forecast date, in date
     * order; with the few forecasts of the sample market nothing can be significant, but the test is defined.
     */
    private static void checkSignificance(Fixture f, Evaluation.Line l) {
        String metrics = f.table(Table.FORECAST_METRICS);
        List<Row> pairs = f.spark.sql("SELECT n.crps, s.crps FROM " + metrics + " s JOIN " + metrics + " n"
                + " ON n.model_version = 'naive' AND n.commodity = s.commodity"
                + " AND n.forecast_start_date = s.forecast_start_date AND n.horizon = s.horizon"
                + " WHERE s.model_version = '" + l.modelVersion() + "' AND s.horizon = " + l.horizon()
                + " ORDER BY s.forecast_start_date").collectAsList();
        double[] naive = pairs.stream().mapToDouble(r -> r.getDouble(0)).toArray();
        double[] model = pairs.stream().mapToDouble(r -> r.getDouble(1)).toArray();
        assertTrue(naive.length > l.horizon(), l.toString());
        DieboldMariano.Result dm = DieboldMariano.test(naive, model, l.horizon());
        assertEquals(dm.statistic(), l.dmStat(), 0, l.toString());
        assertEquals(dm.pValue(), l.dmPValue(), 0, l.toString());
        assertTrue(l.dmPValue() >= 0 && l.dmPValue() <= 1, l.toString());
        assertEquals(BlockBootstrap.crpsSkill(naive, model), new BlockBootstrap.Interval(l.crpsSkillLow(),
                l.crpsSkillHigh()), l.toString());
        assertTrue(l.crpsSkillLow() < l.crpsSkill() && l.crpsSkill() < l.crpsSkillHigh(), "interval holds the skill: " + l);
    }

    /** Mean, CRPS by its O(n^2) definition, PIT by counting, the 95% interval from Spark's exact percentile. */
    private static void checkAgainstPaths(Fixture f, Row row) {
        MetricsRow m = MetricsRow.fromRow(row);
        hindcast.score.HorizonScore s = m.metrics().score();
        String model = m.modelVersion();
        LocalDate date = m.forecastStartDate();
        int h = m.metrics().horizon();
        double actual = s.actual();
        String key = model + " " + date + " h" + h;
        String d = f.table(Table.DISTRIBUTIONS);
        String where = " WHERE model_version = '" + model + "' AND forecast_start_date = DATE'" + date + "'";
        assertEquals(f.spark.sql("SELECT CAST(close AS FLOAT) FROM " + f.table(Table.MARKET)
                + " WHERE commodity = 'Coffee' AND date = DATE'" + date.plusDays(h - 1) + "'").first().getFloat(0),
                (float) actual, key);
        List<Double> paths = f.spark.sql("SELECT CAST(day_" + h + " AS DOUBLE) FROM " + d + where + " AND path_id > 0")
                .collectAsList().stream().map(r -> r.getDouble(0)).toList();
        assertEquals(Fixture.PATHS, paths.size());
        double abs = 0;
        double pairs = 0;
        int below = 0;
        double sum = 0;
        for (double x : paths) {
            abs += Math.abs(x - actual);
            below += x < actual ? 1 : 0;
            sum += x;
            for (double y : paths) {
                pairs += Math.abs(x - y);
            }
        }
        int n = paths.size();
        assertEquals(abs / n - pairs / (2.0 * n * n), s.crps(), 1e-9, key);
        assertEquals(below / (double) n, s.pit(), 1e-12, key);
        assertEquals(actual - sum / n, row.<Double>getAs("error_mean"), 1e-9, key);
        assertEquals(Math.abs(row.<Double>getAs("error_median")) / 2, s.pinball()[2], 1e-9, key);
        List<Double> q = f.spark.sql("SELECT percentile(CAST(day_" + h + " AS DOUBLE), array(0.025, 0.975)) FROM " + d
                + where + " AND path_id > 0").first().getList(0);
        assertEquals(q.get(0) <= actual && actual <= q.get(1), s.covered()[2], key);
        assertEquals(q.get(1) - q.get(0), s.width()[2], 1e-9, key);
        double lastClose = f.spark.sql("SELECT max_by(close, date) FROM " + f.table(Table.MARKET)
                + " WHERE commodity = 'Coffee' AND date < DATE'" + date + "'").first().getDouble(0);
        assertEquals(lastClose, m.metrics().lastClose(), 0, key);
    }

    private static String days() {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= 14; k++) {
            b.append(k > 1 ? ", " : "").append("day_").append(k);
        }
        return b.toString();
    }
}
