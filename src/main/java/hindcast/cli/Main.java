package hindcast.cli;

import hindcast.error.HindcastException;
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

    /**
     * Runs a command line and returns its exit code: 0 on success, else by BSD sysexits (see
     * {@link HindcastException.Kind}): 64 for a usage error, the kind's code for a {@link HindcastException}, 70
     * for anything else. A command may also return its own code (chaos: 1 when the comparison fails).
     */
    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setExitCodeExceptionMapper(Main::exitCode) // also used for picocli's own parameter errors
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + message(e));
                    if (Boolean.getBoolean("hindcast.debug")) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return exitCode(e);
                })
                .execute(args);
    }

    /** The kind of the first HindcastException in the cause chain: commands wrap, e.g. "the stream stopped: …". */
    static int exitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return HindcastException.Kind.USAGE.exitCode();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HindcastException h) {
                return h.kind().exitCode();
            }
        }
        return HindcastException.Kind.INTERNAL.exitCode();
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
