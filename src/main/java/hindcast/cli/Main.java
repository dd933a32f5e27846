package hindcast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code scripts/hindcast} and of the jar under spark-submit. */
@Command(name = "hindcast", mixinStandardHelpOptions = true, version = "hindcast 0.1.0",
        description = "Backfills historical probabilistic forecasts into Delta tables with Spark Structured Streaming.",
        subcommands = {DemoCommand.class, IngestCommand.class, TrainCommand.class, EnqueueCommand.class,
                RunCommand.class, BackfillCommand.class, StatusCommand.class, ForecastCommand.class,
                EvaluateCommand.class, ReportCommand.class,
                BenchCommand.class, ChaosCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (0 = success). */
    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + message(e));
                    if (Boolean.getBoolean("hindcast.debug")) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
