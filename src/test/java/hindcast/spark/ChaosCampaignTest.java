package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.chaos.ChaosCampaign;
import hindcast.chaos.Comparison;
import hindcast.chaos.KillMoments.Category;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short kill campaign (scripts/chaos is the long one): kill -9 of separate {@code run} processes at three
 * planned moments — while two partitions' MERGEs have files written and not committed (a batch's units of the two
 * models write at once), during a checkpoint write, between batches — with a restart after each, then, after a
 * corrected close, two kills during the MERGEs replacing the stale forecasts (one while two partitions write),
 * ends with the same tables as an uninterrupted run of the same requests: the same keys, every forecast complete,
 * no duplicates, bit-identical values and fingerprints, the same forecast_index and task_errors; no kill left a
 * forecast with mixed paths. Then the comparison is shown to catch a changed value, a changed fingerprint, a
 * missing row, a missing index row and a missing rejection, and the damage check a half-written and a mixed
 * forecast.
 */
class ChaosCampaignTest {

    @Test
    void killedAndRestartedRunsEndWithTheTablesOfAnUninterruptedRun(@TempDir Path work) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ChaosCampaign.Options o = new ChaosCampaign.Options(work);
        o.kills = 3;
        o.replacementKills = 2;
        // plan: after 1 MERGE commit, while two partitions have MERGE files not committed; the next checkpoint commits
        // file; the next batch_log commit. Replacing: two partitions first, then a MERGE's files or commit.
        o.seed = 1;
        o.paths = 100;
        o.commodities = List.of("Coffee");
        o.start = LocalDate.of(2023, 1, 1);
        o.end = LocalDate.of(2023, 2, 28);
        o.requestMonths = 1; // the overlapping request, January's 2 (naive, random_walk), the bad one, February's 2:
                             // 4 task files, 4 batches
        o.chunkSize = 15;    // 3 MERGE commits per January request
        o.childHeap = "1g";
        // Short-lived JVMs: C1 only, half the startup CPU. C1-only mode shrinks the default code cache to 48 MB,
        // which Spark's generated code can fill (CI: "Out of space in CodeCache"), so give it the tiered default.
        o.childJavaOptions = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");
        o.extraConfig = "spark.master = \"local[2]\"\nspark.shuffle-partitions = 2\nforecast.num-partitions = 2";
        o.timeout = Duration.ofMinutes(10);
        o.out = new PrintStream(new Tee(console, System.out), true, StandardCharsets.UTF_8);
        ChaosCampaign.Result r = ChaosCampaign.run(o);
        String log = console.toString(StandardCharsets.UTF_8);

        assertTrue(r.passed(), () -> String.join("\n", r.failures()) + "\n" + log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("chaos: PASS — 3 kills (1 during MERGE commits, 1 during "
                + "checkpoint writes, 1 between batches) and 2 during replacements (0 mixed forecasts), 2 of them while "
                + "two partitions committed at once")), log);

        // Three kills, one of each kind, each of a running job that had work left.
        assertEquals(3, r.kills().size(), log);
        for (Category c : Category.values()) {
            assertEquals(1, r.kills(c), () -> c + "\n" + log);
        }
        assertEquals(4, r.runs(), "3 killed runs and the one that finished");
        long expectedRows = o.forecasts() * o.paths;
        assertEquals(118 * 100, expectedRows);
        // Mid-batch, while both models' units had files not committed: the MERGE kill found some forecasts written,
        // not all, and its batch uncommitted.
        ChaosCampaign.Kill merge = r.kills().get(0);
        assertEquals(Category.MERGE, merge.category());
        assertTrue(merge.twoPartitions(), merge::toString);
        assertTrue(merge.outcome().startsWith("uncommitted files in 2 partitions (model_version=naive/commodity=Coffee: "),
                merge::toString);
        assertTrue(merge.batchInFlight() && merge.rows() > 0 && merge.rows() < expectedRows, merge::toString);
        for (ChaosCampaign.Kill k : r.kills()) {
            assertEquals(0, k.rows() % o.paths, k::toString);
            assertEquals(0, k.brokenForecasts(), () -> "a kill left a forecast half-written: " + k);
            assertEquals(0, k.mixedForecasts(), () -> "a kill left a forecast with paths of two writes: " + k);
            assertTrue(k.rows() < expectedRows, () -> "killed after the work was done: " + k);
        }
        // The restarts replayed uncommitted batches and skipped what was committed before the kill.
        assertTrue(r.batchesReplayed() >= 1, log);
        assertTrue(r.existingFoundOnRestart() >= merge.rows() / o.paths, log);

        // Replacement: the close of Monday 2023-01-30 (the middle of the range) makes stale the forecasts of
        // 01-31 (their last close) and every February forecast (the fits of 02-01 read it), for both models.
        ChaosCampaign.Replacement p = r.replacement();
        assertEquals("Coffee", p.commodity());
        assertEquals(LocalDate.of(2023, 1, 30), p.corrected());
        assertEquals(2 * (1 + 28), p.madeStale(), log);
        assertEquals(p.madeStale(), p.replacedUninterrupted(), log);
        assertEquals(2, p.kills().size(), log);
        assertEquals(3, p.runs(), "2 killed runs and the one that finished");
        assertTrue(p.kills().get(0).twoPartitions(), () -> p.kills().get(0).toString());
        for (ChaosCampaign.Kill k : p.kills()) {
            assertEquals(Category.MERGE, k.category());
            assertEquals(expectedRows, k.rows(), () -> "a replacement removes no row: " + k);
            assertEquals(0, k.brokenForecasts(), () -> "a kill left a forecast half-written: " + k);
            assertEquals(0, k.mixedForecasts(), () -> "a kill left a forecast with old and new paths: " + k);
        }
        // The kills interrupted replacements: the restarted runs had to plan some again.
        assertTrue(p.plannedKilled() > p.madeStale(), log);
        assertTrue(log.contains("mixed forecasts after each kill: 0, 0"), log);
        assertEquals(4 + 2, r.taskFiles(), "the 2 months enqueued again, one task file each");
        assertEquals(6, r.batches(), log);

        // The comparison was not trivial...
        Comparison c = r.comparison();
        assertEquals(expectedRows, c.rows());
        assertEquals(expectedRows, c.killedRows());
        assertEquals(expectedRows, c.matchedRows());
        assertEquals(118, c.forecasts());
        assertEquals(118, c.indexRows());
        assertEquals(118, c.killedIndexRows());
        assertEquals(11, c.errors(), "UNKNOWN_MODEL for the bad request + NO_TRAINED_MODEL for 2023-03-01..10");
        assertEquals(c.errors(), c.killedErrors());
        assertEquals(0, c.differingRows());

        // ...and it catches differences: one value changed by 0.01, one fingerprint changed, one row, one index row
        // and one rejection removed.
        SparkSession spark = SparkSession.active();
        String dist = "delta.`" + Table.DISTRIBUTIONS.location(r.killed()) + "`";
        String errors = "delta.`" + Table.TASK_ERRORS.location(r.killed()) + "`";
        String index = "delta.`" + Table.FORECAST_INDEX.location(r.killed()) + "`";
        String forecast = "commodity = 'Coffee' AND model_version = 'naive' AND forecast_start_date = DATE'2023-01-05'";
        assertEquals(new Comparison.Damage(0, 0), Comparison.Damage.of(spark, Table.DISTRIBUTIONS.location(r.killed()),
                o.paths));
        spark.sql("UPDATE " + dist + " SET day_7 = day_7 + CAST(0.01 AS FLOAT) WHERE " + forecast + " AND path_id = 7");
        spark.sql("DELETE FROM " + dist + " WHERE " + forecast + " AND path_id = 8");
        spark.sql("UPDATE " + dist + " SET fingerprint = concat(fingerprint, 'x') WHERE " + forecast + " AND path_id = 9");
        spark.sql("DELETE FROM " + index + " WHERE " + forecast);
        spark.sql("DELETE FROM " + errors + " WHERE error_kind = 'UNKNOWN_MODEL'");
        assertEquals(new Comparison.Damage(1, 1), Comparison.Damage.of(spark, Table.DISTRIBUTIONS.location(r.killed()),
                o.paths), "path 8 missing, path 9 of another write");
        Comparison t = Comparison.of(spark, o.paths, r.uninterrupted(), r.killed());
        assertEquals(2, t.valueDifferences(), t::toString);
        assertEquals(1, t.onlyUninterrupted(), t::toString);
        assertEquals(0, t.onlyKilled(), t::toString);
        assertEquals(1, t.killedBadForecasts(), t::toString);
        assertEquals(3, t.exceptAll(), t::toString);
        assertEquals(2, t.killedExceptAll(), t::toString);
        assertEquals(1, t.indexOnlyUninterrupted(), t::toString);
        assertEquals(0, t.indexOnlyKilled(), t::toString);
        assertEquals(1, t.errorsOnlyUninterrupted(), t::toString);
        assertEquals(0, t.errorsOnlyKilled(), t::toString);
        assertTrue(t.differences().stream().anyMatch(d -> d.contains("values differ at Coffee/naive/2023-01-05/path 7")),
                () -> String.join("\n", t.differences()));
    }

    /** Writes to two streams: the campaign's report goes to the test log and into a buffer to assert on. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
