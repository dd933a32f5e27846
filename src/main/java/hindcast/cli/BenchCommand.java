package hindcast.cli;

import hindcast.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "The backfill benchmark (use scripts/bench, which runs it in a fresh directory).")
final class BenchCommand extends Common implements Runnable {
    @Parameters(index = "0", defaultValue = "full", paramLabel = "WORKLOAD", description = "full, quick, scale or xgboost.")
    String workload;

    @Override
    public void run() {
        try {
            Benchmark.run(settings(), workload);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        }
    }
}
