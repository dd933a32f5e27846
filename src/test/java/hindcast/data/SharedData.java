package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data; tests that need it fail (not skip) when it is missing. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("hindcast.shared.data", "../shared/data")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(dir), () -> "shared data directory not found: " + dir
                + " (these tests need it; set -Dhindcast.shared.data=<dir>)");
        return dir;
    }

    static Path file(String name) {
        Path file = dir().resolve(name);
        assertTrue(Files.isRegularFile(file), () -> "shared data file not found: " + file);
        return file;
    }
}
