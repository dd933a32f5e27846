package hindcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "enqueue", mixinStandardHelpOptions = true,
        description = "Appends one backfill request per model to forecast_tasks (the same as a SQL INSERT).")
final class EnqueueCommand extends Common implements Runnable {
    @Mixin
    RequestOptions request;

    @Override
    public void run() {
        hindcast().enqueue(request.requests(settings()));
    }
}
