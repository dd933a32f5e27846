package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pieces of driver work run at once, each submitting Spark jobs; one failing lets the others finish. */
class DriverThreadsTest {
    @Test
    void piecesRunAtOnceAndAFailureWaitsForTheOthers(@TempDir Path dir) {
        SparkSession spark = new Fixture(dir.resolve("home")).spark;
        CountDownLatch bothStarted = new CountDownLatch(2);
        Callable<Long> count = () -> {
            bothStarted.countDown();
            assertTrue(bothStarted.await(60, TimeUnit.SECONDS), "the pieces did not run at once");
            return spark.range(0, 1000).selectExpr("id * 2 AS v").where("v % 3 = 0").count();
        };
        assertEquals(List.of(334L, 334L), DriverThreads.all(spark.sparkContext(), "test", 2, List.of(count, count)));

        AtomicBoolean slowFinished = new AtomicBoolean();
        Callable<Long> fails = () -> {
            throw new IllegalStateException("piece failed");
        };
        Callable<Long> slow = () -> {
            Thread.sleep(500);
            long n = spark.range(0, 10).count();
            slowFinished.set(true);
            return n;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DriverThreads.all(spark.sparkContext(), "test", 2, List.of(fails, slow)));
        assertEquals("piece failed", e.getMessage());
        assertTrue(slowFinished.get(), "the other piece was cut off");
    }
}
