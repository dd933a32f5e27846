package hindcast.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run --trigger continuous` keeps running and picks up requests as they are inserted; `status --json` reports them. */
class ContinuousRunTest {
    private static final LocalDate START = LocalDate.of(2021, 3, 1);

    @Test
    void picksUpRequestsInsertedWhileRunning(@TempDir Path home) throws Exception {
        Fixture f = new Fixture(home, "stream.interval = 1s").withSampleMarket()
                .train("Sugar", List.of("naive", "random_walk"), "monthly", START, START.plusDays(20));
        String d = f.table(Table.DISTRIBUTIONS);
        StreamingQuery query = BackfillStream.start(f.warehouse, BackfillStream.Mode.CONTINUOUS, f.out(), f.listener());
        try {
            f.enqueue(Fixture.request("Sugar", "naive", "monthly", START, START.plusDays(9)));
            awaitRows(f, "SELECT count(*) FROM " + d, 10L * Fixture.PATHS);

            f.spark.sql("INSERT INTO " + f.table(Table.FORECAST_TASKS) + " SELECT uuid(), 'Sugar', 'random_walk', "
                    + "'monthly', DATE'" + START + "', DATE'" + START.plusDays(20) + "', current_timestamp()");
            awaitRows(f, "SELECT count(*) FROM " + d, 31L * Fixture.PATHS);
            // The batch log row is appended after the batch's MERGE: wait for it before stopping the query.
            awaitRows(f, "SELECT least(count(*), 2) FROM " + f.table(Table.BATCH_LOG), 2);
            assertTrue(query.isActive(), "the query keeps running between requests");
        } finally {
            query.stop();
        }

        Cli status = Cli.run("status", "--config", f.configFile.toString(), "--json");
        assertEquals(0, status.code(), status.err());
        JsonNode lines = new ObjectMapper().readTree(status.out()).get("lines");
        assertEquals(2, lines.size());
        assertEquals("naive", lines.get(0).get("modelVersion").asText());
        assertEquals(10, lines.get(0).get("done").asLong());
        assertEquals("random_walk", lines.get(1).get("modelVersion").asText());
        assertEquals(21, lines.get(1).get("requested").asLong());
        assertEquals(21, lines.get(1).get("done").asLong());
        assertEquals(0, lines.get(1).get("pending").asLong());
    }

    @Test
    void requestsInsertedConcurrentlyWhileRunningAreEachProcessedExactlyOnce(@TempDir Path home) throws Exception {
        Fixture f = new Fixture(home, "stream.interval = 1s\nstream.max-files-per-trigger = 2").withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", START, START.plusDays(40));
        String d = f.table(Table.DISTRIBUTIONS);
        StreamingQuery query = BackfillStream.start(f.warehouse, BackfillStream.Mode.CONTINUOUS, f.out(), f.listener());
        try {
            // Eight writers at once, with overlapping ranges and one exact duplicate: 41 distinct dates in all.
            List<Thread> writers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LocalDate from = START.plusDays(5L * Math.min(i, 6));
                writers.add(new Thread(() -> f.enqueue(Fixture.request("Coffee", "naive", "monthly", from,
                        from.plusDays(10)))));
            }
            writers.forEach(Thread::start);
            for (Thread t : writers) {
                t.join();
            }
            assertEquals(8, f.count("SELECT count(*) FROM " + f.table(Table.FORECAST_TASKS)));
            // Every request reaches a batch (the later ones find their dates done).
            awaitRows(f, "SELECT coalesce(sum(requests), 0) FROM " + f.table(Table.BATCH_LOG), 8);
            Thread.sleep(3000); // a few more polls: no request comes round again
            assertEquals(8, f.count("SELECT sum(requests) FROM " + f.table(Table.BATCH_LOG)));
            assertTrue(query.isActive());
        } finally {
            query.stop();
        }
        assertEquals(41L * Fixture.PATHS, f.count("SELECT count(*) FROM " + d));
        assertEquals(0, f.count("SELECT count(*) FROM (SELECT forecast_start_date, path_id FROM " + d
                + " GROUP BY 1, 2 HAVING count(*) > 1)"), "no duplicates");
    }

    private static void awaitRows(Fixture f, String sql, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        long rows = -1;
        while (System.nanoTime() < deadline) {
            rows = f.count(sql);
            if (rows == expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("expected " + expected + " rows, have " + rows + "\n" + f.console());
    }
}
