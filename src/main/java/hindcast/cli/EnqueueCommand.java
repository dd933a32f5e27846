package hindcast.cli;

import hindcast.plan.Request;
import hindcast.spark.TaskQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "enqueue", mixinStandardHelpOptions = true,
        description = "Appends one backfill request per model to forecast_tasks (the same as a SQL INSERT).")
final class EnqueueCommand extends Common implements Runnable {
    @Mixin
    RequestOptions request;

    @Override
    public void run() {
        enqueue(this, request);
    }

    /** Checks the requests, appends them in one commit and says so. */
    static void enqueue(Common command, RequestOptions options) {
        List<Request> requests = options.requests(command.settings());
        new TaskQueue(command.spark(), command.settings()).enqueue(requests);
        for (Request r : requests) {
            System.out.println("Enqueued " + r.requestId() + "  " + r.describe() + "  " + r.startDate() + ".." + r.endDate());
        }
    }
}
