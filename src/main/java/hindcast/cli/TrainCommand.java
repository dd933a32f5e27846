package hindcast.cli;

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
        hindcast().train(request.commodity, request.modelList(), request.frequency(), request.startDate(),
                request.endDate()).orThrow();
    }
}
