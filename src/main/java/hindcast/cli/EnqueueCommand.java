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
        List<Request> requests = request.requests(settings());
        new TaskQueue(spark(), settings()).enqueue(requests);
        for (Request r : requests) {
            System.out.println("Enqueued " + r.requestId() + "  " + r.describe() + "  " + r.startDate() + ".." + r.endDate());
        }
    }
}
