package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.error.HindcastException;
import io.delta.exceptions.ConcurrentAppendException;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Delta write conflict, made deterministic: a MERGE whose source waits (inside the MERGE, after its
 * transaction has read the table) until another writer has appended to the same table. Delta rejects the
 * MERGE's commit with ConcurrentAppendException; {@link ConflictRetry} runs it again on the new version and
 * both writes end up in the table, once.
 */
class ConflictRetryTest {
    /** Released when the concurrent append has committed; the MERGE's source waits for it. */
    private static final CountDownLatch APPENDED = new CountDownLatch(1);
    private static final CountDownLatch MERGE_READING = new CountDownLatch(1);

    @Test
    void aMergeThatLostTheRaceIsRetriedOnTheNewVersion(@TempDir Path dir) throws Exception {
        SparkSession spark = new Fixture(dir.resolve("home")).spark;
        String path = dir.resolve("t").toString();
        spark.range(0, 10).selectExpr("id AS k", "0 AS v").write().format("delta").save(path);
        spark.udf().register("wait_for_append", (UDF1<Long, Long>) k -> {
            MERGE_READING.countDown();
            if (!APPENDED.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the concurrent append did not happen");
            }
            return k;
        }, DataTypes.LongType);

        AtomicInteger attempts = new AtomicInteger();
        ExecutorService merger = Executors.newSingleThreadExecutor();
        try {
            // Inserts keys 5..14 that are absent: 10..14 (5..9 exist). One partition, so one of local[2]'s two task
            // slots waits and the append can run in the other.
            // Built once and executed again on retry, as the product's writes do.
            DeltaMergeBuilder builder = DeltaTable.forPath(spark, path).as("t")
                    .merge(spark.range(5, 15, 1, 1).selectExpr("wait_for_append(id) AS k", "1 AS v").as("s"), "t.k = s.k")
                    .whenNotMatched().insertAll();
            Future<?> merge = merger.submit(() -> ConflictRetry.run("test MERGE", () -> {
                attempts.incrementAndGet();
                builder.execute();
            }, 50));
            assertTrue(MERGE_READING.await(60, TimeUnit.SECONDS), "the MERGE never evaluated its source");
            spark.range(100, 103, 1, 1).selectExpr("id AS k", "2 AS v").write().format("delta").mode("append").save(path);
            APPENDED.countDown();
            merge.get(120, TimeUnit.SECONDS);
        } finally {
            merger.shutdownNow();
        }

        assertEquals(2, attempts.get(), "the first MERGE should have lost to the append, the second succeeded");
        assertEquals(18, spark.read().format("delta").load(path).count(), "10 + 3 appended + 5 inserted");
        assertEquals(5, spark.read().format("delta").load(path).where("v = 1").count());
        assertEquals(3, DeltaTable.forPath(spark, path).history().count(),
                "versions: create, append, one MERGE; the rejected attempt left no commit");
    }

    @Test
    void givesUpAfterRepeatedConflictsNamingTheWrite() {
        AtomicInteger attempts = new AtomicInteger();
        HindcastException e = assertThrows(HindcastException.class, () -> ConflictRetry.run("forecast_metrics MERGE",
                () -> {
                    attempts.incrementAndGet();
                    throw new ConcurrentAppendException("Files were added by a concurrent update");
                }, 1));
        assertEquals(ConflictRetry.ATTEMPTS, attempts.get());
        assertTrue(e.getMessage().startsWith("forecast_metrics MERGE conflicted with concurrent commits 8 times in a row"),
                e.getMessage());
        assertTrue(e.getCause() instanceof ConcurrentAppendException);
        assertEquals(HindcastException.Kind.TEMPORARY, e.kind(), "worth retrying later");
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> ConflictRetry.run("w", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad");
        }, 1));
        assertEquals(1, attempts.get());
    }
}
