package hindcast.spark;

import hindcast.chaos.ChildRun;
import hindcast.error.CheckpointInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second `run` on a checkpoint in use is refused with who holds it; a killed holder leaves no stale lock. */
class CheckpointLockTest {

    @Test
    void theSameJvmCannotTakeItTwice(@TempDir Path dir) {
        String checkpoint = dir.resolve("checkpoints/forecast_tasks").toString();
        try (CheckpointLock held = CheckpointLock.acquire(checkpoint)) {
            CheckpointInUseException e = assertThrows(CheckpointInUseException.class,
                    () -> CheckpointLock.acquire(checkpoint));
            assertTrue(e.getMessage().startsWith("checkpoint " + checkpoint + " is in use by another run (pid "
                    + ProcessHandle.current().pid() + " on "), e.getMessage());
        }
        CheckpointLock.acquire(checkpoint).close(); // released: free again
    }

    @Test
    void aSecondRunIsRefusedWhileAnotherProcessRunsAndAllowedAfterItIsKilled(@TempDir Path home) throws Exception {
        LocalDate start = LocalDate.of(2021, 3, 1);
        Fixture f = new Fixture(home, "stream.interval = 1s").withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", start, start);
        Path log = home.resolve("child.log");
        Process child = new ProcessBuilder(ChildRun.hindcastCommand("1g", List.of(),
                List.of("run", "--trigger", "continuous", "--config", f.configFile.toString())))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path commits = Path.of(f.settings.stream().checkpoint()).resolve("metadata");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(commits) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100); // the query has started once its checkpoint metadata exists
            }
            assertTrue(child.isAlive() && Files.exists(commits), Files.readString(log));
            Cli second = Cli.run("run", "--config", f.configFile.toString());
            assertEquals(75, second.code(), second.err()); // temporary: retry once the other run ends
            assertTrue(second.err().contains("checkpoint " + f.settings.stream().checkpoint() + " is in use by another run (pid "
                    + child.pid() + " on "), second.err());
        } finally {
            child.destroyForcibly(); // SIGKILL: the OS drops its lock
            child.waitFor(60, TimeUnit.SECONDS);
        }
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", start, start.plusDays(2)));
        Cli after = Cli.run("run", "--config", f.configFile.toString());
        assertEquals(0, after.code(), after.err());
        f.use();
        assertEquals(3L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));
    }
}
