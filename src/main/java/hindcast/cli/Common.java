package hindcast.cli;

import hindcast.app.Hindcast;
import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.model.TrainFrequency;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Options every command takes, and the application it opens. */
class Common {
    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file overriding conf/application.conf.")
    Path config;

    private Settings settings;
    private Hindcast hindcast;

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

    /** The workflows over this configuration's tables (opening Spark on first use). */
    Hindcast hindcast() {
        if (hindcast == null) {
            hindcast = Hindcast.open(settings(), narration());
        }
        return hindcast;
    }

    /** Where the workflows say what they do: the console, unless the command prints a summary of its own. */
    PrintStream narration() {
        return System.out;
    }

    static Map<String, Object> trainMissing(boolean on) {
        return on ? Map.of("hindcast.stream.train-missing", true) : Map.of();
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
