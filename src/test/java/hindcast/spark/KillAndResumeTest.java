package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a separate {@code run} process in the middle of a batch, then a restart: the table ends up
 * identical to an uninterrupted run of the same requests, with every forecast complete and no duplicates.
 */
class KillAndResumeTest {
    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2021, 1, 28);
    private static final int PATHS = 400;
    private static final String CONFIG = "forecast.paths = " + PATHS + "\nforecast.chunk-size = 7";
    private static final List<String> MODELS = List.of("naive", "random_walk");

    private static Fixture installation(Path home) {
        Fixture f = new Fixture(home, CONFIG).withSampleMarket().train("Coffee", MODELS, "monthly", START, END);
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", START, END),
                Fixture.request("Coffee", "random_walk", "monthly", START, END));
        return f;
    }

    @Test
    void aKilledRunResumesToTheSameTableAsAnUninterruptedOne(@TempDir Path home) throws Exception {
        long dates = ChronoUnit.DAYS.between(START, END) + 1;
        long expectedRows = MODELS.size() * dates * PATHS;

        Fixture killed = installation(home.resolve("killed"));
        Path checkpoint = Path.of(killed.settings.checkpoint());
        Child child = Child.start(killed, home.resolve("child.err"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        // Kill once the first chunk's MERGE is committed (Delta version 1 of distributions; version 0 is
        // its creation): mid-batch, since the batch has eight chunks.
        Path firstMerge = Path.of(killed.settings.tableLocation("distributions"))
                .resolve("_delta_log/00000000000000000001.json");
        boolean midBatch = false;
        while (!midBatch && child.process.isAlive() && System.nanoTime() < deadline) {
            midBatch = Files.exists(firstMerge);
            Thread.sleep(20);
        }
        child.process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertTrue(child.process.waitFor(60, TimeUnit.SECONDS));
        String seen = child.output();
        boolean progressed = midBatch;
        assertTrue(progressed, () -> "the child never committed a chunk; stdout:\n" + seen + "\nstderr:\n" + child.stderr());
        assertNotEquals(0, child.process.exitValue());
        assertTrue(seen.contains("Batch 0: 2 request(s)"), seen);
        assertFalse(seen.contains("Complete:"), () -> "killed too late, a request had completed:\n" + seen);

        // Mid-batch: some whole chunks committed, the batch itself not.
        long partial = killed.spark.read().format("delta")
                .load(killed.settings.tableLocation("distributions")).count();
        assertTrue(partial > 0 && partial < expectedRows, "rows at the kill: " + partial);
        assertEquals(0, partial % PATHS, "only whole forecasts are committed");
        assertTrue(Files.exists(checkpoint.resolve("offsets/0")), "batch 0 was planned");
        assertFalse(Files.exists(checkpoint.resolve("commits/0")), "batch 0 was not committed");

        killed.runAvailableNow(); // the restart replays batch 0
        assertTrue(killed.console().contains("Batch 0: 2 request(s)"), killed.console());
        String resumedWork = "Already exist: " + partial / PATHS + "    To generate: " + (dates - partial / PATHS);
        assertTrue(killed.console().contains(resumedWork), () -> resumedWork + "\n" + killed.console());
        assertTrue(Files.exists(checkpoint.resolve("commits/0")));

        Fixture clean = installation(home.resolve("clean"));
        clean.runAvailableNow();
        List<String> expected = clean.distributionRows();
        assertEquals(expectedRows, expected.size());

        killed.use();
        List<String> resumed = killed.distributionRows();
        assertEquals(expectedRows, resumed.size());
        Fixture.assertSameRows(expected, resumed, "the resumed table differs from an uninterrupted run");
        String d = killed.table("distributions");
        assertEquals(0, killed.count("SELECT count(*) FROM (SELECT commodity, model_version, forecast_start_date, "
                + "path_id FROM " + d + " GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)"), "duplicate keys");
        assertEquals(MODELS.size() * dates, killed.count("SELECT count(*) FROM (SELECT model_version, "
                + "forecast_start_date FROM " + d + " GROUP BY 1, 2 HAVING count(*) = " + PATHS
                + " AND count(DISTINCT path_id) = " + PATHS + " AND min(path_id) = 1 AND max(path_id) = " + PATHS + ")"),
                "every forecast has exactly its paths");
        assertEquals(0, killed.count("SELECT count(*) FROM " + killed.table("task-errors")));
    }

    /** {@code hindcast.cli.Main run --config FILE} in its own JVM, its stdout collected. */
    private record Child(Process process, List<String> lines, Path stderrFile) {
        static Child start(Fixture f, Path stderr) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("--add-opens") || a.startsWith("-XX") || a.matches("-D(jdk|io\\.netty).*")) {
                    cmd.add(a);
                }
            }
            cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "hindcast.cli.Main", "run", "--config", f.configFile.toString()));
            Process p = new ProcessBuilder(cmd).directory(f.home.toFile())
                    .redirectError(stderr.toFile()).start();
            Child c = new Child(p, new ArrayList<>(), stderr);
            Thread reader = new Thread(() -> {
                // Lines end with \n, or with \r when the progress bar is redrawn in place on a console.
                try (InputStreamReader r = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
                    StringBuilder line = new StringBuilder();
                    for (int ch = r.read(); ch != -1; ch = r.read()) {
                        if (ch != '\n' && ch != '\r') {
                            line.append((char) ch);
                            continue;
                        }
                        if (line.length() > 0) {
                            synchronized (c.lines) {
                                c.lines.add(line.toString());
                            }
                            line.setLength(0);
                        }
                    }
                } catch (IOException e) {
                    // the child was killed
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        String stderr() {
            try {
                return Files.readString(stderrFile);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
