package hindcast.bench;

import hindcast.config.Settings;
import hindcast.spark.Warehouse;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskClockTest {

    @Test
    void aRealJobsTasksAndTheDriversPauseAreMeasured(@TempDir Path home) throws Exception {
        // the test JVM's shared local[2] session, opened the way the application opens it
        Path conf = Files.writeString(home.resolve("test.conf"), "hindcast { home = \"%s\"\n spark.master = \"local[2]\" }"
                .formatted(home.toString().replace("\\", "/")));
        SparkSession spark = Warehouse.open(Settings.load(conf)).spark();

        TaskClock.Measured<Long> m = TaskClock.measure(spark.sparkContext(), () -> {
            Thread.sleep(300); // driver alone
            spark.range(0, 4, 1, 4).foreach((ForeachFunction<Long>) i -> Thread.sleep(200));
            // A unit of work's jobs run in a scheduler pool of its own: their busy time is counted apart.
            spark.sparkContext().setLocalProperty("spark.scheduler.pool", "unit A");
            try {
                spark.range(0, 2, 1, 2).foreach((ForeachFunction<Long>) i -> Thread.sleep(300));
            } finally {
                spark.sparkContext().setLocalProperty("spark.scheduler.pool", null);
            }
            return 4L;
        });
        long inA = m.busyMillisByPool().get("unit A");
        long inDefault = m.busyMillisByPool().get("default");
        assertTrue(inA >= 2 * 300 && inA < 2 * 300 + 400, "two tasks of 300 ms in unit A: " + m.busyMillisByPool());
        assertTrue(inDefault >= 4 * 200 && inDefault < 4 * 200 + 800, "four tasks of 200 ms: " + m.busyMillisByPool());

        Utilisation u = m.utilisation();
        assertEquals(4L, m.value());
        assertEquals(spark.sparkContext().defaultParallelism(), u.cores());
        assertTrue(u.busyMillis() >= 4 * 200 + 2 * 300, "six tasks, 1.4 s at least: " + u);
        assertTrue(u.busyMillis() <= u.spanMillis() * u.cores(), u.toString());
        assertTrue(u.utilisation() > 0 && u.utilisation() <= 1, u.toString());
        assertTrue(u.driverOnlyMillis() >= 300, "the driver's pause: " + u);
        assertTrue(u.driverOnlyMillis() < u.spanMillis() - 400, "two rounds of 200 ms tasks on 2 cores: " + u);
        assertTrue(m.cpuMillis() < u.busyMillis() / 2, "sleeping tasks are busy, not computing: " + m.cpuMillis()
                + " ms of CPU in " + u.busyMillis() + " busy ms");

        TaskClock.Measured<Void> spinning = TaskClock.measure(spark.sparkContext(), () -> {
            spark.range(0, 2, 1, 2).foreach((ForeachFunction<Long>) i -> {
                long end = System.nanoTime() + 400_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            return null;
        });
        long busy = spinning.busyMillisByPool().get("default");
        // Each task computes for 400 ms of wall time; a loaded machine may give it less than a core meanwhile.
        assertTrue(spinning.cpuMillis() >= 200 && spinning.cpuMillis() <= busy, "two tasks spinning 400 ms: "
                + spinning.cpuMillis() + " ms of CPU in " + busy + " busy ms");
        assertTrue(spinning.cpuShare() > m.cpuShare(), spinning.cpuShare() + " vs " + m.cpuShare());
    }
}
