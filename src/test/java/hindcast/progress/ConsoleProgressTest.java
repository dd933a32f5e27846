package hindcast.progress;

import hindcast.plan.Rejection;
import hindcast.plan.Request;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console text of a backfill, line by line, as the README shows it and users read it. */
class ConsoleProgressTest {
    private static final Request COFFEE = new Request("r-1", "Coffee", "random_walk", "semiannually",
            LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), null);

    private static List<String> print(boolean terminal, BackfillEvent... events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress console = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        for (BackfillEvent e : events) {
            console.on(e);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsTheBatchTheRequestItsPlanProgressAndTotals() {
        List<String> lines = print(false,
                new BackfillEvent.BatchStarted(3, 1),
                new BackfillEvent.RequestStarted(COFFEE),
                new BackfillEvent.RequestPlanned("r-1", 4, 731, 0, 3, 731, 0),
                new BackfillEvent.ForecastsHandled("r-1", 512, 731),
                new BackfillEvent.ForecastsHandled("r-1", 512, 731), // no progress: not redrawn
                new BackfillEvent.ChunkWritten("r-1", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), 731,
                        1_462_000, 0, 8.3),
                new BackfillEvent.ForecastsHandled("other", 5, 10), // a late report of another request
                new BackfillEvent.ForecastsHandled("r-1", 731, 731),
                new BackfillEvent.RequestDone("r-1", new BackfillEvent.Counts(731, 0, 731, 1_462_000, 0), 1_462_000),
                new BackfillEvent.BatchDone(3, 1, new BackfillEvent.Counts(731, 0, 731, 1_462_000, 0), 9.0));

        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals("Batch 3: 1 request(s)", lines.get(0));
        assertEquals("Processing Coffee / random_walk (semiannually)  2023-01-01..2024-12-31  [request r-1]", lines.get(1));
        assertEquals("  Training windows: 4    Forecast dates: 731    Already exist: 0    To generate: 731 (3 stale, replaced)", lines.get(2));
        assertTrue(lines.get(3).matches("  \\[#{21}-{9}]  512/731  \\d+ forecasts/s  ETA \\d+s"), lines.get(3));
        assertTrue(lines.get(4).matches("  \\[#{30}]  731/731  \\d+ forecasts/s  ETA 0s"), lines.get(4));
        assertEquals("Complete: rows written 1,462,000 (expected 1,462,000), forecasts 731, rejected 0", lines.get(5));
    }

    @Test
    void aRejectedRequestPrintsItsReasonAndNoTotals() {
        Rejection no = Rejection.noMarketData("Cocoa");
        assertEquals(List.of("Processing Coffee / random_walk (semiannually)  2023-01-01..2024-12-31  [request r-1]",
                        "  Rejected: NO_MARKET_DATA: no market data for Cocoa; run: scripts/hindcast ingest "
                                + "--commodity Cocoa --prices FILE"),
                print(false, new BackfillEvent.RequestStarted(COFFEE),
                        new BackfillEvent.RequestRejected("r-1", no, new BackfillEvent.Counts(0, 0, 0, 0, 731))));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress console = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        console.on(new BackfillEvent.RequestPlanned("r-1", 1, 10, 0, 0, 10, 0));
        console.on(new BackfillEvent.ForecastsHandled("r-1", 5, 10));
        console.on(new BackfillEvent.ForecastsHandled("r-1", 10, 10));
        String text = bytes.toString(StandardCharsets.UTF_8);
        String bars = text.substring(text.indexOf('\r'));
        assertTrue(bars.matches("\r  \\[#{15}-{15}]  5/10 [^\r\n]*\r  \\[#{30}]  10/10 [^\r\n]*\n"), bars);
    }
}
