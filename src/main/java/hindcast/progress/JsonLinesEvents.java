package hindcast.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends each event to a file as one JSON object per line (dates as ISO text), flushed at once so that a run
 * killed mid-way leaves every event it reported. Tools read the file with {@link #read}.
 */
public final class JsonLinesEvents implements BackfillListener, Closeable {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;
    private final BufferedWriter writer;

    private JsonLinesEvents(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens {@code file} for appending, creating it and its directory if needed. */
    public static JsonLinesEvents open(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return new JsonLinesEvents(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + file, e);
        }
    }

    @Override
    public synchronized void on(BackfillEvent event) {
        try {
            writer.write(JSON.writeValueAsString(event));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    /**
     * The events of a file, in order; none if it does not exist. A last line cut short (the writer was killed
     * while writing it) is left out; any other line that is not an event is an error.
     */
    public static List<BackfillEvent> read(Path file) {
        List<BackfillEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    events.add(JSON.readValue(lines.get(i), BackfillEvent.class));
                } catch (JsonProcessingException e) {
                    if (i < lines.size() - 1) {
                        throw new IllegalStateException(file + " line " + (i + 1) + " is not an event: "
                                + e.getOriginalMessage(), e);
                    }
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read events from " + file, e);
        }
    }
}
