package hindcast.spark;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `evaluate`: scores of stored forecasts, checked against values worked out independently from the tables. */
class EvaluationTest {
    private static final LocalDate START = LocalDate.of(2021, 11, 20);
    private static final LocalDate END = LocalDate.of(2021, 12, 31); // the sample market ends here

    @Test
    void scoresEveryForecastHorizonThatHasItsCloseAndNothingElse(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Coffee", List.of("naive", "random_walk"), "quarterly", START, END);
        f.enqueue(Fixture.request("Coffee", "naive", "quarterly", START, END),
                Fixture.request("Coffee", "random_walk", "quarterly", START, END));
        f.runAvailableNow();
        Evaluation evaluation = new Evaluation(f.spark, f.settings);
        List<Integer> horizons = List.of(1, 7, 14);
        var scores = evaluation.scores(new Evaluation.Scope(List.of(), List.of(), START, END, horizons));
        scores.createOrReplaceTempView("scores");

        // Expected rows: each forecast x horizon whose target day D+h-1 has a market close.
        String d = f.table("distributions");
        String m = f.table("market");
        long expected = f.count("SELECT count(*) FROM (SELECT DISTINCT model_version, forecast_start_date FROM " + d
                + ") x CROSS JOIN (SELECT explode(array(1, 7, 14)) AS h) JOIN " + m
                + " mk ON mk.commodity = 'Coffee' AND mk.date = date_add(x.forecast_start_date, h - 1)");
        assertTrue(expected > 50, "expected " + expected);
        assertEquals(expected, scores.count());

        // Each score against the paths themselves: mean, CRPS by its O(n^2) definition, PIT by counting, and
        // the 95% interval from Spark's exact percentile.
        for (Row s : f.spark.sql("SELECT * FROM scores WHERE forecast_start_date IN (DATE'2021-11-22', DATE'2021-12-15')")
                .collectAsList()) {
            String model = s.getAs("model_version");
            LocalDate date = s.getAs("forecast_start_date");
            int h = s.getAs("horizon");
            double actual = s.getAs("actual");
            String where = " WHERE model_version = '" + model + "' AND forecast_start_date = DATE'" + date + "'";
            List<Double> paths = f.spark.sql("SELECT CAST(day_" + h + " AS DOUBLE) FROM " + d + where).collectAsList()
                    .stream().map(r -> r.getDouble(0)).toList();
            assertEquals(Fixture.PATHS, paths.size());
            assertEquals(f.spark.sql("SELECT close FROM " + m + " WHERE commodity = 'Coffee' AND date = DATE'"
                    + date.plusDays(h - 1) + "'").first().getDouble(0), actual);
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
            String key = model + " " + date + " h" + h;
            assertEquals(abs / n - pairs / (2.0 * n * n), s.<Double>getAs("crps"), 1e-9, key);
            assertEquals(below / (double) n, s.<Double>getAs("pit"), 1e-12, key);
            assertEquals(sum / n, s.<Double>getAs("mean"), 1e-9, key);
            Row bounds = f.spark.sql("SELECT percentile(CAST(day_" + h + " AS DOUBLE), array(0.025, 0.975)) FROM " + d
                    + where).first();
            List<Double> q = bounds.getList(0);
            assertEquals(q.get(0) <= actual && actual <= q.get(1), s.<Boolean>getAs("in_95"), key);
            assertEquals(q.get(1) - q.get(0), s.<Double>getAs("width_95"), 1e-9, key);
        }

        List<Evaluation.Line> board = evaluation.leaderboard(scores);
        assertEquals(6, board.size(), board.toString()); // 2 models x 3 horizons
        for (Evaluation.Line l : board) {
            String cond = " WHERE model_version = '" + l.modelVersion() + "' AND horizon = " + l.horizon();
            Row r = f.spark.sql("SELECT count(*), avg(crps), avg(IF(in_95, 1D, 0D)) FROM scores" + cond).first();
            assertEquals(r.getLong(0), l.forecasts());
            assertEquals(r.getDouble(1), l.crps(), 1e-9);
            assertEquals(r.getDouble(2), l.coverage95(), 1e-12);
            if (l.modelVersion().equals("naive")) {
                assertEquals(1.0, l.crpsVsNaive(), 1e-12);
            }
        }

        // Without naive in scope there is nothing to compare with.
        var withoutNaive = evaluation.leaderboard(evaluation.scores(
                new Evaluation.Scope(List.of("Coffee"), List.of("random_walk"), START, END, List.of(1))));
        assertEquals(1, withoutNaive.size());
        assertNull(withoutNaive.get(0).crpsVsNaive());

        Cli cli = Cli.run("evaluate", "--config", f.configFile.toString(), "--horizons", "1,7");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("CRPS/naive") && cli.out().lines().filter(l -> l.startsWith("Coffee")).count() == 4,
                cli.out());
        Cli bad = Cli.run("evaluate", "--config", f.configFile.toString(), "--horizons", "0,15");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--horizons must be numbers 1..14, got '0'"), bad.err());
    }
}
