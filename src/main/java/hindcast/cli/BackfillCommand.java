package hindcast.cli;

import hindcast.spark.BackfillStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "enqueue + run --trigger available-now: the one-call backfill. Safe to repeat: finished "
                + "forecasts are skipped.")
final class BackfillCommand extends Common implements Runnable {
    @Mixin
    RequestOptions request;

    @Override
    public void run() {
        EnqueueCommand.enqueue(this, request);
        RunCommand.stream(this, BackfillStream.Mode.AVAILABLE_NOW);
    }
}
