package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.data.SampleData;
import hindcast.progress.BackfillEvent;
import hindcast.progress.JsonLinesEvents;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: a Spark standalone master and two workers, each its own JVM on loopback; every executor is a
 * separate JVM launched by a worker. The daemons and executors have only Spark on their classpath, as a Spark
 * installation does. A driver JVM submits {@code hindcast.cli.Main} as {@code scripts/cluster submit} and a real
 * spark-submit do: an application jar of the project's classes, its dependencies in {@code --jars} (the executors
 * fetch them from the driver) and Delta Kernel on the driver's own classpath; the same split of jars as
 * {@code scripts/cluster}, read from it, so that a class-loading mistake of the deployment fails here. The driver
 * runs a whole backfill there ({@code backfill --train-missing}: two requests, training and forecasts on the
 * executors), and its table must equal, bit for bit, the same commands run on this JVM's {@code local[2]} session.
 * Then one executor JVM is SIGKILLed while it runs a task in the middle of the batch (after its first commit):
 * Spark loses the task, the master starts a replacement executor, the tasks are rerun, the batch completes in the
 * same run, and the table again equals the local one.
 */
class ClusterTest {
    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2021, 3, 1);
    private static final List<String> MODELS = List.of("naive", "random_walk");
    private static final int PATHS = 1000;
    private static final long DATES = ChronoUnit.DAYS.between(START, END) + 1;
    /**
     * Per driver run (87–93 s, driver start included, in the suite on a 2-core machine); generous because shared
     * machines get overloaded.
     */
    private static final long TIMEOUT_SECONDS = 480;

    @TempDir
    static Path dir;

    private static final List<Process> daemons = new ArrayList<>();
    private static final List<Process> workers = new ArrayList<>();
    private static String masterUrl;
    /** Spark and its dependencies, without the application's jars: the classpath of a Spark installation. */
    private static Path sparkClasspath;
    private static Submission submission;
    private static SampleData.Files coffee;
    private static List<String> localForecasts;

    @BeforeAll
    static void startClusterAndRunLocally() throws Exception {
        List<SampleData.Files> files = SampleData.write(dir.resolve("sample"), Fixture.DATA_FROM, Fixture.DATA_TO);
        coffee = files.stream().filter(f -> f.commodity().equals("Coffee")).findFirst().orElseThrow();
        Files.writeString(dir.resolve("log4j2-info.properties"), """
                rootLogger.level = info
                rootLogger.appenderRef.stderr.ref = console
                appender.console.type = Console
                appender.console.name = console
                appender.console.target = SYSTEM_ERR
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex
                logger.jetty.name = org.sparkproject.jetty
                logger.jetty.level = warn
                """);
        submission = Submission.likeScriptsCluster();
        sparkClasspath = classpathJar("spark-classpath.jar", submission.spark());
        startCluster();

        // The reference, while the cluster starts: the same commands on the suite's local[2] session, in this JVM.
        Path local = install("local");
        long t0 = System.nanoTime();
        Cli ingest = Cli.run("ingest", "--config", local.resolve("test.conf").toString());
        assertEquals(0, ingest.code(), ingest.err());
        Cli backfill = Cli.run(backfillArgs(local));
        assertEquals(0, backfill.code(), backfill.err());
        localForecasts = forecastHashes(local);
        assertEquals(MODELS.size() * DATES, localForecasts.size());
        System.out.printf("ClusterTest: local[2] ingest + backfill in this JVM: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        awaitLog(daemons.get(0), dir.resolve("master.log"), "I have been elected leader");
        for (int i = 1; i <= workers.size(); i++) {
            awaitLog(workers.get(i - 1), dir.resolve("worker-" + i + ".log"), "Successfully registered with master");
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        // Executors are the workers' children: collect them before the workers go.
        List<ProcessHandle> executors = workers.stream().flatMap(w -> w.toHandle().descendants()).toList();
        for (Process p : daemons) {
            p.destroy(); // SIGTERM: a worker's shutdown hook stops its executors
        }
        for (Process p : daemons) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(15, TimeUnit.SECONDS);
            }
        }
        for (ProcessHandle e : executors) {
            e.destroyForcibly();
        }
    }

    @Test
    void aFullBackfillOnTheClusterEqualsTheLocalRun() throws Exception {
        Path home = install("cluster");
        Cli ingest = Cli.run("ingest", "--config", home.resolve("test.conf").toString()); // the market only
        assertEquals(0, ingest.code(), ingest.err());
        Set<Path> appsBefore = appDirs();
        long t0 = System.nanoTime();
        Driver backfill = Driver.start(home, "backfill", backfillArgs(home));
        backfill.awaitSuccess();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String out = backfill.stdout();
        assertEquals(MODELS.size(), requestsDone(home), out);
        assertTrue(out.contains("Trained Coffee / naive"), out);
        System.out.printf("ClusterTest: backfill of %d forecasts x %d paths on the cluster, incl. driver start: %.1f s%n",
                MODELS.size() * DATES, PATHS, seconds);

        // The work really ran in executor JVMs, on both workers.
        Set<Path> apps = appDirs();
        apps.removeAll(appsBefore);
        assertEquals(Set.of("worker-1", "worker-2"), apps.stream().map(p -> p.getParent().getFileName().toString())
                .collect(Collectors.toSet()), "each worker ran an executor for the application: " + apps);
        for (Path app : apps) {
            assertTrue(executorLogs(app).stream().anyMatch(l -> l.contains("Running task")), "no task ran in " + app);
        }

        Fixture.assertSameRows(localForecasts, forecastHashes(home), "cluster run vs local run");
    }

    @Test
    void anExecutorKilledMidBatchIsReplacedAndTheTableStillEqualsTheLocalRun() throws Exception {
        Path home = install("killed");
        Cli ingest = Cli.run("ingest", "--config", home.resolve("test.conf").toString()); // the market only
        assertEquals(0, ingest.code(), ingest.err());
        Path distributions = home.resolve("warehouse/distributions");
        Path firstMerge = distributions.resolve("_delta_log/00000000000000000001.json");
        Path batchCommitted = home.resolve("checkpoints/forecast_tasks/commits/0");

        long t0 = System.nanoTime();
        Driver driver = Driver.start(home, "killed", backfillArgs(home));
        try {
            // Wait for the first commit (one chunk of the three of one model), then for an executor that is running
            // a task; SIGKILL it. The two models' units run at once: with one chunk each, the second commit can come
            // right after the first, and the kill then finds the requests done (seen on CI).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            Executor victim = null;
            while (victim == null && driver.process.isAlive() && System.nanoTime() < deadline) {
                if (Files.exists(firstMerge)) {
                    victim = executors().stream().filter(e -> !e.runningTasks().isEmpty()).findFirst().orElse(null);
                }
                if (victim == null) {
                    Thread.sleep(10);
                }
            }
            assertNotNull(victim, () -> "no executor was running a task after the first commit; driver:\n"
                    + driver.stdout() + "\n" + driver.stderr());
            victim.process.destroyForcibly();
            assertTrue(victim.process.onExit().get(30, TimeUnit.SECONDS) != null && !victim.process.isAlive());
            // Read after the kill, from the executor's whole log: its task can finish between the choice of victim
            // and the kill, and then no task is lost (the executor and its cached blocks still are).
            Set<String> runningAtKill = victim.runningTasks();
            boolean batchWasOpen = !Files.exists(batchCommitted);
            long doneAtKill = requestsDone(home);
            assertTrue(batchWasOpen, "killed too late: batch 0 was already committed");
            assertTrue(doneAtKill < MODELS.size(), () -> "killed too late:\n" + driver.stdout());

            driver.awaitSuccess(); // no restart: the same run finishes the batch
            System.out.printf("ClusterTest: backfill with executor %s killed, incl. driver start: %.1f s%n", victim.id,
                    (System.nanoTime() - t0) / 1e9);
            String out = driver.stdout();
            String err = driver.stderr();
            assertEquals(MODELS.size(), requestsDone(home), out);
            assertTrue(Files.exists(batchCommitted));
            // Spark saw the loss: the task running on the executor failed with ExecutorLostFailure (and was rerun).
            String id = victim.id;
            Matcher lost = Pattern.compile("Lost task .*executor " + id + "\\): ExecutorLostFailure.*").matcher(err);
            boolean taskLost = lost.find();
            assertTrue(taskLost || runningAtKill.isEmpty(), () -> "no ExecutorLostFailure on executor " + id
                    + " (running TID " + runningAtKill + " at the kill):\n" + err);
            System.out.println("ClusterTest: killed executor " + id + " (pid " + victim.process.pid() + ") running TID "
                    + runningAtKill + "; driver: " + (taskLost ? lost.group() : "no task lost (the executor was idle)"));
            // The worker whose executor died started a replacement for the application.
            Path app = victim.stderr.getParent().getParent();
            try (Stream<Path> executorDirs = Files.list(app)) {
                assertTrue(executorDirs.count() >= 2, "no replacement executor in " + app);
            }
        } finally {
            driver.process.destroyForcibly();
            driver.process.waitFor(30, TimeUnit.SECONDS);
        }

        Fixture.assertSameRows(localForecasts, forecastHashes(home), "run with a killed executor vs local run");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Launches the master and the two workers; {@link #startClusterAndRunLocally} waits for them. */
    private static void startCluster() throws Exception {
        Path sparkHome = dir.resolve("spark-home");
        // What a worker needs to build an executor's command line (WorkerCommandBuilder): $SPARK_HOME/jars must
        // exist; the classes come from spark.executor.extraClassPath (Spark's part of this test classpath).
        Files.createDirectories(sparkHome.resolve("jars"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        masterUrl = "spark://127.0.0.1:" + port;
        daemon("master", Map.of(), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0");
        for (int i = 1; i <= 2; i++) {
            // A worker retries until the master is up.
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            workers.add(daemon("worker-" + i, Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12"),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", "0", "--work-dir", work.toString(), masterUrl));
        }
    }

    /**
     * A jar whose manifest Class-Path is {@code entries}: short command lines for the child JVMs, so that
     * the executors' arguments (--executor-id, --app-id) stay readable through ProcessHandle (Linux cuts a
     * command line read that way at 4 KiB).
     */
    private static Path classpathJar(String name, List<Path> entries) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries.stream()
                .map(e -> e.toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        return jar;
    }

    /**
     * How {@code scripts/cluster submit} splits this classpath: the project's classes (the application jar), the
     * jars it ships with {@code --jars}, those it puts on the driver's classpath, and Spark's. The split is read
     * from the script's own patterns, so the test checks the deployment the script (and README) prescribe.
     */
    private record Submission(Path classes, List<Path> jars, List<Path> driverJars, List<Path> spark) {
        static Submission likeScriptsCluster() throws IOException {
            String script = Files.readString(Path.of("scripts/cluster"));
            Pattern app = pattern(script, "app_deps");
            Pattern driverOnly = pattern(script, "driver_only");
            Pattern driverDeps = pattern(script, "driver_deps");
            Path classes = null;
            List<Path> jars = new ArrayList<>();
            List<Path> driverJars = new ArrayList<>();
            List<Path> spark = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(e).toAbsolutePath();
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    if (p.endsWith(Path.of("target", "classes"))) {
                        classes = p;
                    } // test classes: not part of a deployment
                } else if (app.matcher(name).find()) {
                    if (driverDeps.matcher(name).find()) {
                        driverJars.add(p);
                    }
                    if (!driverOnly.matcher(name).find()) {
                        jars.add(p);
                    }
                } else {
                    spark.add(p);
                }
            }
            assertNotNull(classes, "no target/classes on the test classpath");
            assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("delta-spark")),
                    "delta-spark is not among the jars shipped: " + jars);
            return new Submission(classes, jars, driverJars, spark);
        }

        private static Pattern pattern(String script, String variable) {
            Matcher m = Pattern.compile("(?m)^" + variable + "='([^']+)'").matcher(script);
            assertTrue(m.find(), "no " + variable + "= in scripts/cluster");
            return Pattern.compile(m.group(1));
        }

        /** The application jar: the project's classes and resources, as {@code mvn package} builds it. */
        Path applicationJar() throws IOException {
            Path jar = dir.resolve("hindcast-app.jar");
            if (Files.exists(jar)) {
                return jar;
            }
            Manifest m = new Manifest();
            m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar;
        }
    }

    private static Process daemon(String name, Map<String, String> env, String mainClass, String... args)
            throws IOException {
        List<String> cmd = java(sparkClasspath.toString(), "-Xmx256m",
                "-Dlog4j2.configurationFile=file:" + dir.resolve("log4j2-info.properties"));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        daemons.add(p);
        return p;
    }

    /** java, the Java 17 opens this JVM got (Surefire's argLine), {@code jvmArgs}, -cp {@code classpath}. */
    private static List<String> java(String classpath, String... jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX") || a.matches("-D(jdk|io\\.netty).*")) {
                cmd.add(a);
            }
        }
        cmd.addAll(Arrays.asList(jvmArgs));
        cmd.add("-cp");
        cmd.add(classpath);
        return cmd;
    }

    private static void awaitLog(Process p, Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + line + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** An installation: its config, tables and checkpoint in dir/name; `ingest` reads the sample Coffee files. */
    private static Path install(String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("test.conf"), """
                hindcast {
                  home = "%s"
                  spark.master = "local[2]"
                  spark.shuffle-partitions = 2
                  forecast.paths = %d
                  forecast.chunk-size = 20
                  forecast.num-partitions = 4
                  inputs.Coffee { prices = "%s", covariates = ["%s"] }
                }
                """.formatted(home, PATHS, coffee.prices(), coffee.covariates().get(0)));
        return home;
    }

    private static String[] backfillArgs(Path home) {
        return new String[] {"backfill", "--config", home.resolve("test.conf").toString(), "--commodity", "Coffee",
            "--models", String.join(",", MODELS), "--train-frequency", "quarterly", "--start", START.toString(),
            "--end", END.toString(), "--train-missing", "--events", events(home).toString()};
    }

    private static Path events(Path home) {
        return home.resolve("backfill.events");
    }

    /** Requests the backfill of {@code home} has finished so far, from its progress events. */
    private static long requestsDone(Path home) {
        return JsonLinesEvents.read(events(home)).stream().filter(e -> e instanceof BackfillEvent.RequestDone).count();
    }

    /**
     * Per forecast: its row count and an order-independent hash of every column of its rows except
     * generation_timestamp (so bit-identical day values, keys, flags and cutoff dates), sorted by key.
     */
    private static List<String> forecastHashes(Path home) {
        SparkSession spark = SparkSession.active();
        Dataset<Row> d = spark.read().format("delta").load(home.resolve("warehouse/distributions").toString())
                .drop("generation_timestamp");
        Column hash = functions.xxhash64(Arrays.stream(d.columns()).map(functions::col).toArray(Column[]::new));
        List<String> out = new ArrayList<>();
        for (Row r : d.groupBy("commodity", "model_version", "forecast_start_date")
                .agg(functions.count(functions.lit(1)), functions.countDistinct(functions.col("path_id")),
                        functions.sum(hash))
                .orderBy("commodity", "model_version", "forecast_start_date").collectAsList()) {
            assertEquals(PATHS, r.getLong(3), "paths of " + r);
            assertEquals(PATHS, r.getLong(4), "distinct paths of " + r);
            out.add(r.mkString("|"));
        }
        return out;
    }

    private static Set<Path> appDirs() throws IOException {
        Set<Path> out = new HashSet<>();
        for (int i = 1; i <= 2; i++) {
            try (Stream<Path> s = Files.list(dir.resolve("worker-" + i))) {
                s.forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> executorLogs(Path app) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(app)) {
            for (Path e : s.toList()) {
                lines.addAll(Files.readAllLines(e.resolve("stderr")));
            }
        }
        return lines;
    }

    /** A live executor JVM of this cluster: a child of one of its workers. */
    private record Executor(ProcessHandle process, String id, Path stderr) {
        private static final Pattern START = Pattern.compile("Running task .*\\(TID (\\d+)\\)");
        private static final Pattern END = Pattern.compile("(Finished task|Exception in task|killed task|"
                + "interrupted task).*\\(TID (\\d+)\\)");

        /** TIDs the executor's log shows started and not (yet) ended. */
        Set<String> runningTasks() {
            Set<String> running = new HashSet<>();
            try {
                for (String line : Files.readAllLines(stderr)) {
                    Matcher m = START.matcher(line);
                    if (m.find()) {
                        running.add(m.group(1));
                    } else if ((m = END.matcher(line)).find()) {
                        running.remove(m.group(2));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return running;
        }
    }

    private static List<Executor> executors() {
        List<Executor> out = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Path work = dir.resolve("worker-" + (i + 1));
            workers.get(i).toHandle().children().forEach(p -> {
                Map<String, String> args = new HashMap<>();
                String[] a = p.info().arguments().orElse(new String[0]);
                for (int k = 0; k + 1 < a.length; k++) {
                    args.put(a[k], a[k + 1]);
                }
                Optional<String> main = p.info().commandLine().filter(c -> c.contains("CoarseGrainedExecutorBackend"));
                if (main.isPresent() && args.containsKey("--executor-id") && p.isAlive()) {
                    Path stderr = work.resolve(args.get("--app-id")).resolve(args.get("--executor-id")).resolve("stderr");
                    if (Files.exists(stderr)) {
                        out.add(new Executor(p, args.get("--executor-id"), stderr));
                    }
                }
            });
        }
        return out;
    }

    /**
     * {@code hindcast.cli.Main ARGS} submitted to the master in client mode, as {@code scripts/cluster submit}
     * does; stdout and stderr in files.
     */
    private record Driver(Process process, Path out, Path err) {
        static Driver start(Path home, String name, String... args) throws IOException {
            List<String> classpath = new ArrayList<>(List.of(sparkClasspath.toString()));
            submission.driverJars().forEach(j -> classpath.add(j.toString()));
            // The application's quiet console, which scripts/cluster extracts from the jar for the same reason.
            List<String> cmd = java(String.join(File.pathSeparator, classpath), "-Xmx1g",
                    "-Dlog4j2.configurationFile=file:" + submission.classes().resolve("log4j2.properties"));
            cmd.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl, "--deploy-mode", "client",
                    "--class", "hindcast.cli.Main",
                    // An installation's executors have Spark in $SPARK_HOME/jars; this one's are in a manifest jar.
                    "--conf", "spark.executor.extraClassPath=" + sparkClasspath,
                    "--conf", "spark.executor.memory=640m",
                    // Executors log their tasks ("Running task ... (TID n)"), which the kill test watches.
                    "--conf", "spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=file:"
                            + dir.resolve("log4j2-info.properties"),
                    "--jars", submission.jars().stream().map(Path::toString).collect(Collectors.joining(",")),
                    submission.applicationJar().toString()));
            cmd.addAll(Arrays.asList(args));
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            return new Driver(pb.start(), out, err);
        }

        void awaitSuccess() throws InterruptedException {
            try {
                boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertTrue(done, () -> "the driver did not finish in " + TIMEOUT_SECONDS + " s:\n" + stdout() + "\n" + stderr());
                assertEquals(0, process.exitValue(), () -> stdout() + "\n" + stderr());
            } finally {
                process.destroyForcibly();
            }
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        private static String read(Path p) {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
