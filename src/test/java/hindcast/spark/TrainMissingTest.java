package hindcast.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `backfill --train-missing` trains what a request needs first instead of rejecting its dates. */
class TrainMissingTest {

    @Test
    void trainsWhatIsMissingThenBackfills(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket();
        Cli backfill = Cli.run("backfill", "--config", f.configFile.toString(), "--commodity", "Sugar",
                "--models", "naive,xgboost", "--train-frequency", "monthly", "--start", "2021-03-01",
                "--end", "2021-04-10", "--train-missing");
        assertEquals(0, backfill.code(), backfill.err());
        assertTrue(backfill.out().contains("Trained Sugar / xgboost (monthly): 2 train dates, 2 fitted"), backfill.out());
        f.use();
        assertEquals(4, f.count("SELECT count(*) FROM " + f.table("trained-models")));
        assertEquals(0, f.count("SELECT count(*) FROM " + f.table("task-errors")));
        assertEquals(2 * 41L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table("distributions")));

        // Without the flag, nothing is trained: the new dates are rejected with the command that fixes them.
        Cli plain = Cli.run("backfill", "--config", f.configFile.toString(), "--commodity", "Sugar",
                "--models", "random_walk", "--train-frequency", "monthly", "--start", "2021-03-01",
                "--end", "2021-03-02");
        assertEquals(0, plain.code(), plain.err());
        f.use();
        assertEquals(2, f.count("SELECT count(*) FROM " + f.table("task-errors") + " WHERE error_kind = 'NO_TRAINED_MODEL'"));
    }
}
