package hindcast.chaos;

import hindcast.progress.BackfillEvent;
import hindcast.progress.JsonLinesEvents;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code run --config FILE} of an installation, in its own JVM, with stdout, stderr and its progress events
 * in files next to the installation ({@code logs/run-NN.out|err|events}), so they survive a kill and can be read
 * afterwards.
 */
public final class ChildRun {
    final int number;
    final Process process;
    final Path stdout;
    final Path stderr;
    final Path events;
    final long startedNanos = System.nanoTime();

    private ChildRun(int number, Process process, Path stdout, Path stderr, Path events) {
        this.number = number;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.events = events;
    }

    static List<String> command(String heap, List<String> javaOptions, Path home, Path config, List<String> runOptions) {
        List<String> options = new ArrayList<>(javaOptions);
        options.add("-Dhindcast.home=" + home);
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
        args.addAll(runOptions);
        return hindcastCommand(heap, options, args);
    }

    /**
     * {@code hindcast ARGS} in a new JVM started like the current one: {@code java -jar hindcast.jar} when this
     * JVM runs the jar (its manifest carries the classpath and the --add-opens flags), otherwise {@code java -cp
     * CLASSPATH hindcast.cli.Main} with this JVM's --add-opens flags (under Maven). Tests start child runs with it.
     */
    public static List<String> hindcastCommand(String heap, List<String> javaOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(javaOptions);
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            cmd.add("-jar");
            cmd.add(Path.of(classpath).toAbsolutePath().toString());
        } else {
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("-XX:+IgnoreUnrecognized")
                        || a.matches("-D(jdk|io\\.netty)\\..*")) {
                    cmd.add(a);
                }
            }
            cmd.add("-cp");
            cmd.add(classpath);
            cmd.add("hindcast.cli.Main");
        }
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code command}, a {@link #command}, with {@code --events} added. */
    static ChildRun start(List<String> command, Path home, String name, int number) {
        try {
            Path logs = Files.createDirectories(home.resolve("logs"));
            Path out = logs.resolve(String.format("%s-%02d.out", name, number));
            Path err = logs.resolve(String.format("%s-%02d.err", name, number));
            Path events = logs.resolve(String.format("%s-%02d.events", name, number));
            List<String> withEvents = new ArrayList<>(command);
            withEvents.addAll(List.of("--events", events.toString()));
            Process p = new ProcessBuilder(withEvents).directory(home.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ChildRun(number, p, out, err, events);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** SIGKILL (no shutdown hooks, no cleanup), then waits for the process to be gone. Returns its exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("run #" + number + " (pid " + process.pid() + ") did not die of SIGKILL");
        }
        return process.exitValue();
    }

    /** Waits for the run to end by itself, at most {@code timeout}; kills it after that. */
    int waitFor(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("run #" + number + " did not finish within " + timeout + "; killed");
        }
        return process.exitValue();
    }

    /** Ids of the micro-batches this run started, in order (a replayed batch is started again). */
    List<Long> batchesStarted() {
        return events(BackfillEvent.BatchStarted.class).stream().map(BackfillEvent.BatchStarted::batchId).toList();
    }

    /** Stale forecasts its requests planned to replace, summed. */
    long stalePlanned() {
        return events(BackfillEvent.RequestPlanned.class).stream().mapToLong(BackfillEvent.RequestPlanned::stale).sum();
    }

    /** Forecasts its requests found already complete, summed. */
    long existingFound() {
        return events(BackfillEvent.RequestPlanned.class).stream().mapToLong(BackfillEvent.RequestPlanned::existing)
                .sum();
    }

    private <E extends BackfillEvent> List<E> events(Class<E> type) {
        return JsonLinesEvents.read(events).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The last lines of stderr, for a run that failed on its own. */
    String stderrTail(int lines) {
        List<String> all = read(stderr).lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n    ", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
