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
                new BackfillEvent.UnitStarted("Coffee / random_walk", 731, 1, 731, 1, 4),
                new BackfillEvent.ForecastsHandled("Coffee / random_walk", 512, 731),
                new BackfillEvent.ForecastsHandled("Coffee / random_walk", 512, 731), // no progress: not redrawn
                new BackfillEvent.ChunkWritten("Coffee / random_walk", LocalDate.of(2023, 1, 1),
                        LocalDate.of(2024, 12, 31), 731, 1_462_000, 0, 8.3),
                new BackfillEvent.ForecastsHandled("Sugar / naive", 5, 10), // a late report of another unit
                new BackfillEvent.ForecastsHandled("Coffee / random_walk", 731, 731),
                new BackfillEvent.UnitDone("Coffee / random_walk", 731, 1_462_000, 0, 8.4),
                new BackfillEvent.RequestDone("r-1", new BackfillEvent.Counts(731, 0, 731, 1_462_000, 0), 1_462_000),
                new BackfillEvent.BatchDone(3, 1, new BackfillEvent.Counts(731, 0, 731, 1_462_000, 0), 9.0));

        assertEquals(8, lines.size(), String.join("\n", lines));
        assertEquals("Batch 3: 1 request(s)", lines.get(0));
        assertEquals("Processing Coffee / random_walk (semiannually)  2023-01-01..2024-12-31  [request r-1]", lines.get(1));
        assertEquals("  Training windows: 4    Forecast dates: 731    Already exist: 0    To generate: 731 (3 stale, replaced)", lines.get(2));
        assertEquals("Computing Coffee / random_walk: 731 forecast(s) in 1 commit(s)", lines.get(3));
        assertTrue(lines.get(4).matches("  Coffee / random_walk  \\[#{21}-{9}]  512/731  \\d+ forecasts/s  ETA \\d+s"), lines.get(4));
        assertTrue(lines.get(5).matches("  Coffee / random_walk  \\[#{30}]  731/731  \\d+ forecasts/s  ETA 0s"), lines.get(5));
        assertEquals("Done Coffee / random_walk: 731 forecast(s), 1,462,000 rows, 0 rejected in 8.4 s", lines.get(6));
        assertEquals("Complete [request r-1]: rows written 1,462,000 (expected 1,462,000), forecasts 731, rejected 0",
                lines.get(7));
    }

    @Test
    void unitsInFlightTogetherPrintALineEachWithTheBatchsProgress() {
        List<String> lines = print(true,
                new BackfillEvent.UnitStarted("Coffee / naive", 100, 1, 300, 2, 2),
                new BackfillEvent.UnitStarted("Sugar / naive", 200, 1, 300, 2, 2),
                new BackfillEvent.ForecastsHandled("Coffee / naive", 50, 100),
                new BackfillEvent.ForecastsHandled("Sugar / naive", 100, 200),
                new BackfillEvent.ForecastsHandled("Coffee / naive", 100, 100),
                new BackfillEvent.UnitDone("Coffee / naive", 100, 1000, 0, 1.0),
                new BackfillEvent.ForecastsHandled("Sugar / naive", 200, 200));

        assertEquals("Computing Coffee / naive: 100 forecast(s) in 1 commit(s)  [unit 1 of 2, up to 2 at once]", lines.get(0));
        assertEquals("Computing Sugar / naive: 200 forecast(s) in 1 commit(s)  [unit 2 of 2, up to 2 at once]", lines.get(1));
        assertTrue(lines.get(2).matches("  Coffee / naive  \\[#{15}-{15}]  50/100 .*  \\|  batch 50/300  ETA \\d+s"), lines.get(2));
        assertTrue(lines.get(3).matches("  Sugar / naive  .*  100/200 .*  \\|  batch 150/300  ETA \\d+s"), lines.get(3));
        assertTrue(lines.get(4).matches("  Coffee / naive  .*  \\|  batch 200/300  ETA \\d+s"), lines.get(4));
        assertEquals("Done Coffee / naive: 100 forecast(s), 1,000 rows, 0 rejected in 1.0 s", lines.get(5));
        // One unit left in flight: on a terminal its line is redrawn in place.
        assertTrue(lines.get(6).matches("  Sugar / naive  .*  \\|  batch 300/300  ETA 0s"), lines.get(6));
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
        console.on(new BackfillEvent.UnitStarted("Coffee / naive", 10, 1, 10, 1, 4));
        console.on(new BackfillEvent.ForecastsHandled("Coffee / naive", 5, 10));
        console.on(new BackfillEvent.ForecastsHandled("Coffee / naive", 10, 10));
        console.on(new BackfillEvent.UnitDone("Coffee / naive", 10, 100, 0, 1.0));
        String text = bytes.toString(StandardCharsets.UTF_8);
        String bars = text.substring(text.indexOf("  Coffee / naive  ["));
        assertTrue(bars.matches("  Coffee / naive  \\[#{15}-{15}]  5/10 [^\r\n]*\r  Coffee / naive  \\[#{30}]  10/10 [^\r\n]*\nDone .*\n"),
                bars);
    }
}
