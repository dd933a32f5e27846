package hindcast.spark;

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

/** A damaged checkpoint, or one from another installation, is a clear error that names it; no row is lost. */
class BadCheckpointTest {
    private static final LocalDate START = LocalDate.of(2021, 3, 1);

    private static Fixture installation(Path home) {
        Fixture f = new Fixture(home).withSampleMarket().train("Coffee", List.of("naive"), "monthly", START, START);
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", START, START.plusDays(2)));
        return f;
    }

    @Test
    void damagedAndForeignCheckpointsAreClearErrorsAndLoseNothing(@TempDir Path home) throws IOException {
        Fixture a = installation(home.resolve("a"));
        assertEquals(0, Cli.run("run", "--config", a.configFile.toString()).code());
        a.use();
        List<String> rows = a.distributionRows();
        assertEquals(3 * Fixture.PATHS, rows.size());

        // Damaged: the offset log of the last batch is garbage.
        Path checkpoint = Path.of(a.settings.stream().checkpoint());
        Path offset = lastFile(checkpoint.resolve("offsets"));
        String good = Files.readString(offset);
        Files.writeString(offset, "v1\n{not json");
        Files.delete(checkpoint.resolve("commits").resolve(offset.getFileName())); // so it must be read
        Cli damaged = Cli.run("run", "--config", a.configFile.toString());
        assertEquals(78, damaged.code(), damaged.err());
        assertTrue(damaged.err().contains("could not resume from checkpoint " + checkpoint), damaged.err());
        a.use();
        assertEquals(rows, a.distributionRows(), "nothing written is lost");
        Files.writeString(offset, good);

        // Foreign: installation b's checkpoint belongs to another forecast_tasks table.
        Fixture b = installation(home.resolve("b"));
        Path foreign = Path.of(b.settings.stream().checkpoint());
        copy(checkpoint, foreign);
        Cli other = Cli.run("run", "--config", b.configFile.toString());
        assertEquals(78, other.code(), other.err());
        assertTrue(other.err().contains("could not resume from checkpoint " + foreign), other.err());
        b.use();
        assertEquals(0, b.count("SELECT count(*) FROM " + b.table(Table.DISTRIBUTIONS)));
    }

    private static Path lastFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max((x, y) -> Long.compare(Long.parseLong(x.getFileName().toString()),
                            Long.parseLong(y.getFileName().toString()))).orElseThrow();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
