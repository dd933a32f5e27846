package hindcast.progress;

import hindcast.plan.Rejection;
import hindcast.plan.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of event survives the file: written as one JSON line each, read back equal. */
class JsonLinesEventsTest {
    private static final BackfillEvent.Counts COUNTS = new BackfillEvent.Counts(41, 5, 36, 1_800, 0);
    private static final List<BackfillEvent> ALL = List.of(
            new BackfillEvent.BatchStarted(7, 2),
            new BackfillEvent.RequestStarted(new Request("r-1", "Coffee", "naive", "monthly", LocalDate.of(2021, 1, 1),
                    LocalDate.of(2021, 2, 10), Instant.parse("2024-05-01T10:15:30.123456Z"))),
            new BackfillEvent.RequestRejected("r-2", Rejection.noMarketData("Cocoa"), new BackfillEvent.Counts(0, 0, 0, 0, 3)),
            new BackfillEvent.RequestPlanned("r-1", 2, 41, 5, 0, 36, 0),
            new BackfillEvent.ForecastsHandled("r-1", 16, 36),
            new BackfillEvent.ChunkWritten("r-1", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 16), 11, 550, 0, 1.25),
            new BackfillEvent.RequestDone("r-1", COUNTS, 1_800),
            new BackfillEvent.BatchDone(7, 2, COUNTS, 12.5));

    @Test
    void eventsRoundTripOneJsonObjectPerLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logs/run.events");
        try (JsonLinesEvents events = JsonLinesEvents.open(file)) {
            ALL.forEach(events::on);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(ALL.size(), lines.size());
        assertEquals("{\"event\":\"batch_started\",\"batchId\":7,\"requests\":2}", lines.get(0));
        assertTrue(lines.get(1).contains("\"startDate\":\"2021-01-01\""), lines.get(1));
        assertEquals(ALL, JsonLinesEvents.read(file));

        // A second run appends.
        try (JsonLinesEvents events = JsonLinesEvents.open(file)) {
            events.on(new BackfillEvent.BatchStarted(8, 1));
        }
        assertEquals(ALL.size() + 1, JsonLinesEvents.read(file).size());
    }

    @Test
    void aLastLineCutShortByAKillIsLeftOutAndAnyOtherBadLineIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.events");
        try (JsonLinesEvents events = JsonLinesEvents.open(file)) {
            events.on(ALL.get(0));
        }
        Files.writeString(file, "{\"event\":\"request_pla", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of(ALL.get(0)), JsonLinesEvents.read(file));

        Files.writeString(file, "\n" + Files.readAllLines(file).get(0) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThrows(IllegalStateException.class, () -> JsonLinesEvents.read(file));
        assertEquals(List.of(), JsonLinesEvents.read(dir.resolve("missing.events")));
    }
}
