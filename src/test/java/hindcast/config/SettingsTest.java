package hindcast.config;

import hindcast.spark.Table;
import hindcast.error.BadConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import hindcast.model.TrainFrequency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence: system property > --config file > conf/application.conf; bad files fail clearly. */
class SettingsTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("user.conf"), content);
    }

    @Test
    void defaultsComeFromApplicationConf() {
        Settings s = Settings.load(null);
        assertEquals(2000, s.forecast().paths());
        assertEquals(0, s.forecast().chunkSize(), "auto");
        assertEquals(4, s.stream().maxConcurrentWrites());
        assertEquals(7, s.forecast().maxDataStalenessDays());
        assertEquals(60, s.forecast().minTrainingRows());
        assertEquals(36600, s.forecast().maxRequestDays());
        assertEquals(TrainFrequency.SEMIANNUALLY, s.forecast().defaultTrainFrequency());
        assertEquals(List.of("Coffee", "Sugar"), s.commodities());
        assertEquals(java.util.Set.of("naive", "random_walk", "sarimax_auto", "sarimax_auto_weather", "arima_111", "xgboost", "garch_t", "ensemble"), s.models().names());
        assertEquals("distributions", Table.DISTRIBUTIONS.name(s));
        assertEquals("task_errors", Table.TASK_ERRORS.name(s));
    }

    @Test
    void withTrainMissingIsTheCommandLineOverride() {
        Settings s = Settings.load(null);
        Settings overridden = Settings.load(null, java.util.Map.of("hindcast.stream.train-missing", true));
        assertEquals(false, s.stream().trainMissing());
        assertEquals(overridden.stream(), s.withTrainMissing().stream());
        assertEquals(s.tables(), s.withTrainMissing().tables());
        assertEquals(s.forecast(), s.withTrainMissing().forecast());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItsFileAndLineButUserSectionsAreFree() throws IOException {
        Path typo = write("hindcast {\n  forecast.pathz = 10\n}\n");
        BadConfigException e = assertThrows(BadConfigException.class, () -> Settings.load(typo));
        assertTrue(e.getMessage().startsWith("invalid configuration: unknown key hindcast.forecast.pathz (")
                && e.getMessage().contains("user.conf: 2") && e.getMessage().contains("known keys under "
                + "hindcast.forecast: chunk-size, default-train-frequency,"), e.getMessage());
        Path top = write("hindcast.warehouse = x\n");
        assertTrue(assertThrows(BadConfigException.class, () -> Settings.load(top)).getMessage()
                .contains("unknown key hindcast.warehouse"));
        Path free = write("""
                base = "/data"
                hindcast {
                  models.my_arima { type = sarimax, order = [2, 1, 2] }
                  inputs.Coffee { prices = ${base}"/kc.csv" }
                  spark.conf { "spark.executor.memory" = "4g" }
                }
                """);
        Settings s = Settings.load(free);
        assertEquals(Path.of("/data/kc.csv"), s.inputs().get("Coffee").prices());
        assertTrue(s.models().names().contains("my_arima"));
    }

    @Test
    void aWrongTypeIsAnErrorNamingTheKey() throws IOException {
        Path file = write("hindcast.forecast.paths = lots\n");
        BadConfigException e = assertThrows(BadConfigException.class, () -> Settings.load(file));
        assertTrue(e.getMessage().contains("user.conf: 1: forecast.paths has type STRING rather than NUMBER"),
                e.getMessage());
    }

    @Test
    void aConfigFileOverridesAndPathsResolveAgainstHome() throws IOException {
        Path file = write("""
                hindcast {
                  home = "%s"
                  tables.warehouse = "wh"
                  tables.distributions = "dist_v2"
                  forecast.paths = 123
                  commodities = [Coffee, Sugar, Cocoa]
                }
                """.formatted(dir.toString().replace("\\", "/")));
        Settings s = Settings.load(file);
        assertEquals(123, s.forecast().paths());
        assertEquals(0, s.forecast().chunkSize(), "keys the file does not set keep their defaults");
        assertEquals(dir.toAbsolutePath().normalize(), s.home());
        assertEquals(dir.resolve("wh").toAbsolutePath().normalize().toString(), s.tables().warehouse());
        assertEquals(dir.resolve("wh/dist_v2").toAbsolutePath().normalize().toString(), Table.DISTRIBUTIONS.location(s));
        assertEquals(dir.resolve("checkpoints/forecast_tasks").toAbsolutePath().normalize().toString(), s.stream().checkpoint());
        assertEquals(List.of("Coffee", "Sugar", "Cocoa"), s.commodities());
    }

    @Test
    void aSystemPropertyOverridesTheFile() throws IOException {
        Path file = write("hindcast.forecast.paths = 123\nhindcast.forecast.chunk-size = 32\n");
        System.setProperty("hindcast.forecast.paths", "77");
        ConfigFactory.invalidateCaches(); // as if given with -D at JVM start
        try {
            Settings s = Settings.load(file);
            assertEquals(77, s.forecast().paths());
            assertEquals(32, s.forecast().chunkSize());
        } finally {
            System.clearProperty("hindcast.forecast.paths");
            ConfigFactory.invalidateCaches();
        }
        assertEquals(123, Settings.load(file).forecast().paths());
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Path missing = dir.resolve("nope.conf");
        BadConfigException e = assertThrows(BadConfigException.class, () -> Settings.load(missing));
        assertEquals("config file not found: " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void invalidValuesAreErrors() throws IOException {
        BadConfigException zero = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.forecast.paths = 0\n")));
        assertTrue(zero.getMessage().contains("hindcast.forecast.paths must be positive, got 0"), zero.getMessage());
        BadConfigException type = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.models.x { type = garch }\n")));
        assertTrue(type.getMessage().contains("model 'x' has unknown type 'garch'"), type.getMessage());
        BadConfigException freq = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.forecast.default-train-frequency = hourly\n")));
        assertTrue(freq.getMessage().contains("unknown train frequency 'hourly'"), freq.getMessage());
        BadConfigException notInt = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.forecast.paths = lots\n")));
        assertTrue(notInt.getMessage().startsWith("invalid configuration:"), notInt.getMessage());
        BadConfigException chunk = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.forecast.chunk-size = big\n")));
        assertTrue(chunk.getMessage().contains("chunk-size"), chunk.getMessage());
        BadConfigException writes = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.stream.max-concurrent-writes = 0\n")));
        assertTrue(writes.getMessage().contains("hindcast.stream.max-concurrent-writes must be positive, got 0"),
                writes.getMessage());
    }

    @Test
    void aConfigFileAddsAModelVariantNextToTheRegistry() throws IOException {
        Settings s = Settings.load(write("hindcast.models.arima_212 { type = sarimax, order = [2, 1, 2] }"));
        assertTrue(s.models().names().containsAll(java.util.Set.of("arima_212", "arima_111", "naive", "xgboost")),
                s.models().names().toString());
        BadConfigException e = assertThrows(BadConfigException.class,
                () -> Settings.load(write("hindcast.models.bad { type = sarimax, order = [2, 1] }")));
        assertTrue(e.getMessage().contains("model 'bad': order must be auto or [p, d, q]"), e.getMessage());
    }
}
