package hindcast.cli;

import hindcast.spark.BackfillStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "enqueue + run --trigger available-now: the one-call backfill. Safe to repeat: finished "
                + "forecasts are skipped.")
final class BackfillCommand extends Common implements Runnable {
    @Mixin
    RequestOptions request;

    @Option(names = "--train-missing", description = "Train the models the request needs first.")
    boolean trainMissing;

    @Option(names = "--events", hidden = true, paramLabel = "FILE",
            description = "Also append the progress events to FILE, one JSON object per line (for tools).")
    Path events;

    @Override
    Map<String, Object> overrides() {
        return trainMissing(trainMissing);
    }

    @Override
    public void run() {
        hindcast().enqueue(request.requests(settings()));
        hindcast().run(BackfillStream.Mode.AVAILABLE_NOW, events);
    }
}
