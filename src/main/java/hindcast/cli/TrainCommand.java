package hindcast.cli;

import hindcast.error.Errors;
import hindcast.spark.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fits each model at each train date T (start, start+F, ... <= end) on data dated <= T-1 "
                + "and stores it in trained_models. Idempotent: stored fits are kept.")
final class TrainCommand extends Common implements Runnable {
    @Mixin
    RequestOptions request;

    @Override
    public void run() {
        var spark = spark();
        Trainer.Result result = new Trainer(spark, settings(), System.out).train(request.commodity,
                request.modelList(), request.frequency(), request.startDate(), request.endDate());
        if (!result.failures().isEmpty()) {
            throw Errors.failedFits(result.failures());
        }
    }
}
