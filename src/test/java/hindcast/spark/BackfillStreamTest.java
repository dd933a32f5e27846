package hindcast.spark;

import hindcast.plan.Request;
import hindcast.progress.BackfillEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming backfill end to end on real Spark and Delta: counts, incremental work, replays, overlaps. */
class BackfillStreamTest {
    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    @Test
    void writesExactlyAllPathsOfEveryRequestedDate(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Coffee", List.of("naive", "random_walk"), "monthly", START, START.plusDays(40));
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", START, START.plusDays(40)),
                Fixture.request("Coffee", "random_walk", "monthly", START, START.plusDays(9)));
        f.runAvailableNow();

        String d = f.table(Table.DISTRIBUTIONS);
        assertEquals((41 + 10) * Fixture.PATHS, f.count("SELECT count(*) FROM " + d));
        assertEquals(0, f.count("SELECT count(*) FROM (SELECT commodity, model_version, forecast_start_date, path_id "
                + "FROM " + d + " GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)"), "duplicate keys");
        assertEquals(51, f.count("SELECT count(*) FROM (SELECT forecast_start_date, model_version FROM " + d
                + " GROUP BY 1, 2 HAVING min(path_id) = 1 AND max(path_id) = " + Fixture.PATHS
                + " AND count(DISTINCT path_id) = " + Fixture.PATHS + ")"));
        assertEquals(0, f.count("SELECT count(*) FROM " + d + " WHERE has_data_leakage OR is_actuals"
                + " OR data_cutoff_date <> date_sub(forecast_start_date, 1)"));
        assertEquals(0, f.count("SELECT count(*) FROM " + f.table(Table.TASK_ERRORS)));
        List<BackfillEvent.RequestDone> done = f.events(BackfillEvent.RequestDone.class);
        assertEquals(2, done.size(), done::toString);
        BackfillEvent.RequestDone naive = done.stream().filter(e -> e.counts().requested() == 41).findFirst()
                .orElseThrow();
        assertEquals(new BackfillEvent.Counts(41, 0, 41, 2_050, 0), naive.counts());
        assertEquals(2_050, naive.expectedRows());
    }

    @Test
    void moreRequestsDoOnlyTheNewWorkAndRerunsChangeNothing(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Sugar", List.of("naive"), "weekly", START, START.plusDays(60));
        f.enqueue(Fixture.request("Sugar", "naive", "weekly", START, START.plusDays(20)));
        f.runAvailableNow();
        List<String> first = f.distributionRows();

        // An overlapping request: 21 dates exist, 10 are new.
        f.enqueue(Fixture.request("Sugar", "naive", "weekly", START.plusDays(11), START.plusDays(30)));
        f.runAvailableNow();
        List<String> second = f.distributionRows();
        assertEquals(31 * Fixture.PATHS, second.size());
        assertTrue(second.containsAll(first), "existing rows must be untouched");
        BackfillEvent.RequestPlanned overlap = f.events(BackfillEvent.RequestPlanned.class).get(1);
        assertEquals(List.of(20L, 10L, 10L, 0L), List.of(overlap.requested(), overlap.existing(), overlap.toGenerate(),
                overlap.rejected()));

        // The same request again, and a run with nothing new: no commit, no change.
        long version = f.version(Table.DISTRIBUTIONS);
        f.enqueue(Fixture.request("Sugar", "naive", "weekly", START, START.plusDays(30)));
        f.runAvailableNow();
        f.runAvailableNow();
        assertEquals(version, f.version(Table.DISTRIBUTIONS));
        assertEquals(second, f.distributionRows());
    }

    @Test
    void aReplayedBatchAfterACrashChangesNothing(@TempDir Path home) throws IOException {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Coffee", List.of("random_walk"), "biweekly", START, START.plusDays(30));
        f.enqueue(Fixture.request("Coffee", "random_walk", "biweekly", START, START.plusDays(30)));
        f.runAvailableNow();
        List<String> before = f.distributionRows();
        long version = f.version(Table.DISTRIBUTIONS);

        // Crash after the MERGEs but before Spark recorded the batch as committed.
        Path commits = Path.of(f.settings.stream().checkpoint()).resolve("commits");
        try (Stream<Path> files = Files.list(commits)) {
            files.filter(p -> p.getFileName().toString().matches("\\.?0(\\.crc)?")).forEach(p -> p.toFile().delete());
        }
        f.runAvailableNow();

        assertTrue(Files.exists(commits.resolve("0")), "the batch was replayed and committed");
        assertEquals(List.of(new BackfillEvent.BatchStarted(0, 1), new BackfillEvent.BatchStarted(0, 1)),
                f.events(BackfillEvent.BatchStarted.class), "batch 0 ran, then was replayed");
        assertEquals(before, f.distributionRows());
        assertEquals(version, f.version(Table.DISTRIBUTIONS), "the replay made no commit");
    }

    @Test
    void overlappingRequestsInOneBatchWriteEachForecastOnce(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", START, START.plusDays(40));
        Request a = Fixture.request("Coffee", "naive", "monthly", START, START.plusDays(25));
        Request b = Fixture.request("Coffee", "naive", "monthly", START.plusDays(10), START.plusDays(40));
        f.enqueue(a, b, a);
        f.runAvailableNow();
        assertEquals(41 * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));
        assertEquals(41 * Fixture.PATHS, f.count("SELECT count(DISTINCT forecast_start_date, path_id) FROM "
                + f.table(Table.DISTRIBUTIONS)));
    }

    /**
     * Four units (2 commodities x 2 models) written one at a time in chunks of 100 by one task each, and again four at
     * once in chunks of 3 by 7 tasks each, from requests cut differently (one-day requests, overlapping ranges):
     * the same rows, fits and fingerprints, bit for bit.
     */
    @Test
    void concurrencyPartitionsChunkSizesAndRequestSplitsWriteBitIdenticalRows(@TempDir Path home) {
        LocalDate end = START.plusDays(20);
        List<String> models = List.of("naive", "random_walk");
        Fixture one = trained(new Fixture(home.resolve("a"),
                "forecast.num-partitions = 1\nforecast.chunk-size = 100\nstream.max-concurrent-writes = 1"), models, end);
        for (String c : List.of("Coffee", "Sugar")) {
            for (String m : models) {
                one.enqueue(Fixture.request(c, m, "weekly", START, end));
            }
        }
        one.runAvailableNow();
        List<String> oneRows = one.distributionRows(); // before `many` re-points the table names
        List<String> oneIndex = one.rows(INDEX_ROWS + one.table(Table.FORECAST_INDEX) + " ORDER BY 1, 2, 3");

        Fixture many = trained(new Fixture(home.resolve("b"),
                "forecast.num-partitions = 7\nforecast.chunk-size = 3\nstream.max-concurrent-writes = 4"), models, end);
        List<Request> requests = new ArrayList<>();
        for (LocalDate d = START; !d.isAfter(end); d = d.plusDays(1)) {
            requests.add(Fixture.request("Coffee", "naive", "weekly", d, d));
        }
        requests.add(Fixture.request("Coffee", "random_walk", "weekly", START.plusDays(5), end));
        requests.add(Fixture.request("Coffee", "random_walk", "weekly", START, START.plusDays(9)));
        requests.add(Fixture.request("Sugar", "naive", "weekly", START, end));
        requests.add(Fixture.request("Sugar", "random_walk", "weekly", START, end));
        requests.add(Fixture.request("Sugar", "random_walk", "weekly", START.plusDays(3), START.plusDays(4)));
        many.enqueue(requests.toArray(Request[]::new));
        many.runAvailableNow();

        List<BackfillEvent> events = many.events(BackfillEvent.class);
        assertEquals(4, many.events(BackfillEvent.UnitStarted.class).size(), "one unit per partition");
        int secondStart = indexOf(events, BackfillEvent.UnitStarted.class, 1);
        int firstDone = indexOf(events, BackfillEvent.UnitDone.class, 0);
        assertTrue(secondStart < firstDone, "two units in flight at once");
        assertEquals(Fixture.PATHS * 21 * 4, oneRows.size());
        Fixture.assertSameRows(oneRows, many.distributionRows(), "distributions");
        assertEquals(oneIndex, many.rows(INDEX_ROWS + many.table(Table.FORECAST_INDEX) + " ORDER BY 1, 2, 3"));
        assertEquals(0, many.count("SELECT count(*) FROM " + many.table(Table.TASK_ERRORS)));
    }

    @Test
    void oneDayRequestsInOneInsertAreWrittenInOneCommit(@TempDir Path home) {
        Fixture f = new Fixture(home, "forecast.chunk-size = auto").withSampleMarket()
                .train("Coffee", List.of("naive"), "weekly", START, START.plusDays(29));
        long before = f.version(Table.DISTRIBUTIONS);
        List<Request> requests = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            requests.add(Fixture.request("Coffee", "naive", "weekly", START.plusDays(k), START.plusDays(k)));
        }
        f.enqueue(requests.toArray(Request[]::new));
        f.runAvailableNow();

        assertEquals(before + 1, f.version(Table.DISTRIBUTIONS), "thirty requests, one commit");
        assertEquals(30 * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));
        List<BackfillEvent.RequestDone> done = f.events(BackfillEvent.RequestDone.class);
        assertEquals(30, done.size());
        assertTrue(done.stream().allMatch(e -> e.counts().equals(new BackfillEvent.Counts(1, 0, 1, Fixture.PATHS, 0))),
                done.toString());
    }

    private static final String INDEX_ROWS = "SELECT commodity, model_version, forecast_start_date, train_date, "
            + "fingerprint, paths FROM ";

    private static Fixture trained(Fixture f, List<String> models, LocalDate end) {
        f.withSampleMarket();
        for (String c : List.of("Coffee", "Sugar")) {
            f.train(c, models, "weekly", START, end);
        }
        return f;
    }

    /** Position in {@code events} of the {@code nth} (from 0) event of the type. */
    private static int indexOf(List<BackfillEvent> events, Class<? extends BackfillEvent> type, int nth) {
        for (int i = 0, seen = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i)) && seen++ == nth) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + (nth + 1) + " " + type.getSimpleName() + " events");
    }
}
