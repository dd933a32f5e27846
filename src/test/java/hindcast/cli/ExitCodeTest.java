package hindcast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit code tells a script what kind of failure it was (BSD sysexits); stderr says which. */
class ExitCodeTest {

    @Test
    void eachKindOfFailureHasItsCode(@TempDir Path home) throws IOException {
        Path config = Files.writeString(home.resolve("test.conf"), """
                hindcast {
                  home = "%s"
                  spark.master = "local[2]"
                  spark.shuffle-partitions = 2
                }
                """.formatted(home.toString().replace("\\", "/")));
        Path good = Files.writeString(home.resolve("good.csv"), "date,close\n2021-02-01,101.5\n2021-02-02,102\n");
        Path bad = Files.writeString(home.resolve("bad.csv"), "date,close\n2021-02-01,101.5\n2021-02-02,12x\n");
        Path badValue = Files.writeString(home.resolve("bad-value.conf"), "hindcast.forecast.paths = 0\n");

        Run unknownOption = run("status", "--no-such-option");
        assertEquals(64, unknownOption.code, unknownOption.err);

        Run badCsv = run("ingest", "--config", config.toString(), "--commodity", "Coffee", "--prices", bad.toString());
        assertEquals(65, badCsv.code, badCsv.err);
        assertTrue(badCsv.err.startsWith("error: " + bad + ":3: column 'close': not a number: '12x'"), badCsv.err);

        Run badConfig = run("status", "--config", badValue.toString());
        assertEquals(78, badConfig.code, badConfig.err);
        assertEquals("error: invalid configuration: hindcast.forecast.paths must be positive, got 0",
                badConfig.err.strip());

        Run ok = run("ingest", "--config", config.toString(), "--commodity", "Coffee", "--prices", good.toString());
        assertEquals(0, ok.code, ok.err);
        assertTrue(ok.out.contains("Ingested Coffee: 2 trading days"), ok.out);
    }

    @Test
    void anUnexpectedFailureIsInternal() {
        assertEquals(70, Main.exitCode(new NullPointerException()));
        assertEquals(75, Main.exitCode(new IllegalStateException("the stream stopped",
                hindcast.error.Errors.checkpointInUse("/tmp/c", "pid 1 on h since t"))), "the wrapped kind counts");
    }

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
