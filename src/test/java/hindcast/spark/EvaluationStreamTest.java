package hindcast.spark;

import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `run --evaluate`: actuals and scores follow new forecasts and new market data, inside the running job. */
class EvaluationStreamTest {
    private static final LocalDate START = LocalDate.of(2021, 11, 1);

    @Test
    void scoresNewForecastsAfterTheBatchAndRescoresWhenTheMarketChanges(@TempDir Path home) throws Exception {
        Fixture f = new Fixture(home, "stream.evaluate = true").withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", START, START.plusDays(29));
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", START, START.plusDays(29)));
        f.runAvailableNow();
        String d = f.table(Table.DISTRIBUTIONS);
        String metrics = f.table(Table.FORECAST_METRICS);
        assertEquals(30L * Fixture.PATHS, f.count("SELECT count(*) FROM " + d + " WHERE path_id > 0"));
        assertEquals(30, f.count("SELECT count(*) FROM " + d + " WHERE path_id = 0 AND is_actuals"));
        assertEquals(30, f.count("SELECT count(DISTINCT forecast_start_date) FROM " + metrics));

        // A corrected close arrives while the job runs: the forecasts that see it are rescored.
        StreamingQuery query = Evaluator.start(f.warehouse, Trigger.ProcessingTime(500), f.out());
        try {
            double corrected = f.spark.sql("SELECT close * 1.2 FROM " + f.table(Table.MARKET)
                    + " WHERE commodity = 'Coffee' AND date = DATE'2021-11-10'").first().getDouble(0);
            f.spark.sql("UPDATE " + f.table(Table.MARKET) + " SET close = " + corrected
                    + " WHERE commodity = 'Coffee' AND date = DATE'2021-11-10'");
            String check = "SELECT count(*) FROM " + metrics + " WHERE target_date = DATE'2021-11-10' AND actual = "
                    + "CAST(CAST(" + corrected + " AS FLOAT) AS DOUBLE)";
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (f.count(check) < 10 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(10, f.count(check), "forecasts from 2021-11-01 to 2021-11-10 score that day\n" + f.console());
        } finally {
            query.stop();
        }
        assertEquals(30L * Fixture.PATHS, f.count("SELECT count(*) FROM " + d + " WHERE path_id > 0"),
                "the forecasts themselves are untouched");
    }
}
