package hindcast.cli;

import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.model.TrainFrequency;
import hindcast.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Options every command takes, and the session it opens. */
class Common {
    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file overriding conf/application.conf.")
    Path config;

    private Settings settings;
    private SparkSession spark;

    Settings settings() {
        if (settings == null) {
            settings = Settings.load(config, overrides());
        }
        return settings;
    }

    /** Settings a command's own options override (e.g. run --interval). */
    Map<String, Object> overrides() {
        return Map.of();
    }

    SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.open(settings());
        }
        return spark;
    }

    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Errors.badOption(option, "a date YYYY-MM-DD", text);
        }
    }

    static TrainFrequency frequency(String text) {
        try {
            return TrainFrequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw Errors.badOption(e);
        }
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
