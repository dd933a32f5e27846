package hindcast.cli;

import hindcast.error.Errors;
import hindcast.spark.BackfillStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Starts the streaming query over forecast_tasks. available-now stops when the backlog is "
                + "done; continuous keeps running and picks up new requests.")
final class RunCommand extends Common implements Runnable {
    @Option(names = "--trigger", defaultValue = "available-now", paramLabel = "MODE",
            description = "available-now (default) or continuous.")
    String trigger;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Polling interval of continuous mode, e.g. 30s (default: hindcast.stream.interval).")
    String interval;

    @Option(names = "--train-missing", description = "Train the models each request needs before working it "
            + "(default: hindcast.stream.train-missing).")
    boolean trainMissing;

    @Option(names = "--evaluate", description = "Keep actuals and forecast_metrics current while running: after "
            + "each batch and whenever the market table changes (default: hindcast.stream.evaluate).")
    boolean evaluate;

    @Option(names = "--refresh", description = "Keep finished requests fresh while running: whenever market data "
            + "or fits change, recompute the forecasts that read what changed (default: hindcast.stream.refresh).")
    boolean refresh;

    @Option(names = "--events", hidden = true, paramLabel = "FILE",
            description = "Also append the progress events to FILE, one JSON object per line (for tools).")
    Path events;

    @Override
    public void run() {
        BackfillStream.Mode mode = switch (trigger.toLowerCase(Locale.ROOT)) {
            case "available-now" -> BackfillStream.Mode.AVAILABLE_NOW;
            case "continuous" -> BackfillStream.Mode.CONTINUOUS;
            default -> throw Errors.badOption("--trigger", "available-now or continuous", trigger);
        };
        hindcast().run(mode, events);
    }

    @Override
    Map<String, Object> overrides() {
        Map<String, Object> o = new HashMap<>(trainMissing(trainMissing));
        if (evaluate) {
            o.put("hindcast.stream.evaluate", true);
        }
        if (refresh) {
            o.put("hindcast.stream.refresh", true);
        }
        if (interval != null) {
            o.put("hindcast.stream.interval", parseInterval(interval).toMillis() + "ms");
        }
        return o;
    }

    private static Duration parseInterval(String text) {
        try {
            return com.typesafe.config.ConfigFactory.parseString("d = " + text).getDuration("d");
        } catch (RuntimeException e) {
            throw Errors.badOption("--interval", "a duration such as 30s or 2m", text);
        }
    }
}
