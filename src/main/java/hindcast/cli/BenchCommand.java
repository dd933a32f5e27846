package hindcast.cli;

import hindcast.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "The headline benchmark (use scripts/bench, which runs it in a fresh directory).")
final class BenchCommand extends Common implements Runnable {
    @Parameters(index = "0", paramLabel = "DATA_DIR", description = "Directory with coffee_kc_yahoo_daily.csv.")
    Path data;

    @Override
    public void run() {
        try {
            Benchmark.run(data, settings());
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        }
    }
}
