package hindcast.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Adding a model to the configuration keeps the existing checkpoint: the stream continues where it was. */
class ConfigChangeTest {
    private static final LocalDate START = LocalDate.of(2021, 3, 1);

    @Test
    void aNewModelVariantRunsOnTheSameCheckpoint(@TempDir Path home) throws IOException {
        Fixture f = new Fixture(home).withSampleMarket().train("Coffee", List.of("naive"), "monthly", START, START);
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", START, START.plusDays(2)));
        assertEquals(0, Cli.run("run", "--config", f.configFile.toString()).code());

        Path extended = Files.writeString(home.resolve("extended.conf"), Files.readString(f.configFile)
                + "\nhindcast.models.naive_short { type = naive, vol-window = 20 }\n");
        Cli backfill = Cli.run("backfill", "--config", extended.toString(), "--commodity", "Coffee", "--models",
                "naive_short", "--train-frequency", "monthly", "--start", START.toString(), "--end",
                START.plusDays(2).toString(), "--train-missing");
        assertEquals(0, backfill.code(), backfill.err());
        f.use();
        assertEquals(List.of("0", "1"), f.rows("SELECT DISTINCT batch_id FROM " + f.table(Table.BATCH_LOG) + " ORDER BY 1"),
                "the second run continued the same checkpoint");
        assertEquals(3L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)
                + " WHERE model_version = 'naive_short'"));
        assertEquals(6L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));
    }
}
