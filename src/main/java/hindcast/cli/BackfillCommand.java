package hindcast.cli;

import hindcast.plan.Request;
import hindcast.spark.BackfillStream;
import hindcast.spark.TaskQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "enqueue + run --trigger available-now: the one-call backfill. Safe to repeat: finished "
                + "forecasts are skipped.")
final class BackfillCommand extends Common implements Runnable {
    @Mixin
    RequestOptions request;

    @Override
    public void run() {
        List<Request> requests = request.requests(settings());
        new TaskQueue(spark(), settings()).enqueue(requests);
        RunCommand.stream(this, BackfillStream.Mode.AVAILABLE_NOW);
    }
}
