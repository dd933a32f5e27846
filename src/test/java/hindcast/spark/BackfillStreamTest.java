package hindcast.spark;

import hindcast.plan.Request;
import hindcast.progress.BackfillEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    @Test
    void differentPartitionCountsAndChunkSizesWriteBitIdenticalRows(@TempDir Path home) {
        Fixture one = new Fixture(home.resolve("a"), "forecast.num-partitions = 1\nforecast.chunk-size = 100")
                .withSampleMarket().train("Coffee", List.of("random_walk"), "weekly", START, START.plusDays(20));
        one.enqueue(Fixture.request("Coffee", "random_walk", "weekly", START, START.plusDays(20)));
        one.runAvailableNow();
        List<String> oneRows = one.distributionRows(); // before `many` re-points the table names
        Fixture many = new Fixture(home.resolve("b"), "forecast.num-partitions = 7\nforecast.chunk-size = 3")
                .withSampleMarket().train("Coffee", List.of("random_walk"), "weekly", START, START.plusDays(20));
        many.enqueue(Fixture.request("Coffee", "random_walk", "weekly", START.plusDays(5), START.plusDays(20)),
                Fixture.request("Coffee", "random_walk", "weekly", START, START.plusDays(4)));
        many.runAvailableNow();
        assertEquals(Fixture.PATHS * 21, oneRows.size());
        assertEquals(oneRows, many.distributionRows());
    }
}
