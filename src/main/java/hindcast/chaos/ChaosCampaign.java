package hindcast.chaos;

import hindcast.chaos.KillMoments.Category;
import hindcast.chaos.KillMoments.Layout;
import hindcast.config.Settings;
import hindcast.data.MarketAssembler;
import hindcast.data.SampleData;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.spark.MarketStore;
import hindcast.spark.SparkSessions;
import hindcast.spark.Table;
import hindcast.spark.Tables;
import hindcast.spark.TaskQueue;
import hindcast.spark.Trainer;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kill campaign. Builds two identical installations (sample market data, trained models, the same
 * requests enqueued as separate task files, one of them a bad row inserted with SQL), then:
 * <ol>
 *   <li>runs {@code hindcast run} on the first one as a child process and kills it with SIGKILL
 *   ({@link Process#destroyForcibly()}) at the moments {@link KillMoments} plans from the seed — during MERGE
 *   commits, during checkpoint writes, between batches — restarting it after each kill, until a run exits 0
 *   with the backlog done. After every kill it checks that no forecast is half-written;</li>
 *   <li>runs the same requests uninterrupted on the second installation;</li>
 *   <li>compares the two ({@link Comparison}) and prints the figures and a one-line verdict.</li>
 * </ol>
 * The children are started like the current JVM ({@code java -jar target/hindcast.jar run --config FILE}
 * from scripts/chaos, the test classpath under Maven); this JVM only sets up, watches files and compares.
 */
public final class ChaosCampaign {
    private static final long POLL_MILLIS = 5;
    private static final Instant ENQUEUED_AT = Instant.parse("2024-01-02T03:04:05Z");
    private static final String BAD_MODEL = "no_such_model";

    /** The workload and the campaign's knobs; the defaults are scripts/chaos's. */
    public static final class Options {
        public Path work;
        public int kills = 12;
        public long seed = 1;
        public int paths = 2000;
        public LocalDate start = LocalDate.of(2023, 1, 1);
        public LocalDate end = LocalDate.of(2023, 12, 31);
        /** Each commodity x model's range is enqueued as one request per this many calendar months, one file each. */
        public int requestMonths = 3;
        public List<String> commodities = List.of("Coffee", "Sugar");
        public List<String> models = List.of("naive", "random_walk");
        public TrainFrequency frequency = TrainFrequency.MONTHLY;
        public int chunkSize = 30;
        public String childHeap = "2g";
        /**
         * More JVM options for each run, e.g. -XX:TieredStopAtLevel=1 (the test's choice: it halves the CPU a
         * short-lived Spark driver spends compiling; kill -9 behaviour does not depend on it).
         */
        public List<String> childJavaOptions = List.of();
        /** HOCON inside the hindcast block of both installations' configuration (e.g. spark.master). */
        public String extraConfig = "";
        /** Longest the killed-and-restarted runs may take altogether. */
        public Duration timeout = Duration.ofMinutes(40);
        public PrintStream out = System.out;

        public Options(Path work) {
            this.work = work;
        }

        /** The forecasts the workload must produce: every date of [start, end] for every commodity and model. */
        public long forecasts() {
            return (long) commodities.size() * models.size() * (ChronoUnit.DAYS.between(start, end) + 1);
        }
    }

    /** One kill: which run, when, what it interrupted, and the table right after it. */
    public record Kill(int number, int run, Category category, String moment, double secondsIntoRun,
                       String outcome, boolean batchInFlight, long rows, long brokenForecasts) {
    }

    /** What the campaign did and found. */
    public record Result(Options options, Settings killed, Settings uninterrupted, List<Kill> kills,
                         List<String> problems, int runs, long batchStarts,
                         long batches, long batchLogRows, long existingFoundOnRestart, long taskFiles,
                         Comparison comparison, double setupSeconds, double chaosSeconds, double uninterruptedSeconds,
                         double compareSeconds, double totalSeconds) {

        public boolean passed() {
            return problems.isEmpty() && comparison != null && comparison.differences().isEmpty();
        }

        /** Batch executions beyond the first of each batch id: the restarts that redid an uncommitted batch. */
        public long batchesReplayed() {
            return batchStarts - batches;
        }

        public long kills(Category c) {
            return kills.stream().filter(k -> k.category() == c).count();
        }

        /** Everything wrong: the campaign's problems, then the comparison's differences. */
        public List<String> failures() {
            List<String> all = new ArrayList<>(problems);
            if (comparison != null) {
                all.addAll(comparison.differences());
            }
            return all;
        }

        public String verdict() {
            long differences = comparison == null ? 0 : comparison.differingRows();
            String kinds = java.util.Arrays.stream(Category.values()).map(c -> kills(c) + " " + c.label)
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "chaos: %s — %d kills (%s), %,d batch%s replayed, %,d rows and %,d task_errors "
                            + "compared, %,d differences%s (%s)", passed() ? "PASS" : "FAIL", kills.size(), kinds,
                    batchesReplayed(), batchesReplayed() == 1 ? "" : "es", comparison == null ? 0 : comparison.matchedRows(),
                    comparison == null ? 0 : comparison.errors(), differences,
                    problems.isEmpty() ? "" : ", " + problems.size() + " other problem(s)", minutes(totalSeconds));
        }
    }

    private final Options o;
    private final PrintStream out;

    private ChaosCampaign(Options o) {
        this.o = o;
        this.out = o.out;
    }

    public static Result run(Options o) throws Exception {
        return new ChaosCampaign(o).run();
    }

    /** An installation of its own: config file, tables, checkpoint, under one directory. */
    private record Installation(Path home, Path config, Settings settings, Layout layout) {
        static Installation create(Path home, Options o) throws IOException {
            Files.createDirectories(home);
            Path config = home.resolve("chaos.conf");
            Files.writeString(config, """
                    hindcast {
                      home = "%s"
                      forecast.paths = %d
                      forecast.chunk-size = %d
                      stream.max-files-per-trigger = 1
                      %s
                    }
                    """.formatted(home.toString().replace("\\", "/"), o.paths, o.chunkSize, o.extraConfig));
            // The installation's own home, whatever -Dhindcast.home this JVM got (the children get theirs).
            Settings s = Settings.load(config, java.util.Map.of("hindcast.home", home.toString()));
            return new Installation(home, config, s, new Layout(Table.DISTRIBUTIONS.location(s),
                    Table.BATCH_LOG.location(s), s.checkpoint()));
        }

        List<String> command(Options o) {
            return ChildRun.command(o.childHeap, o.childJavaOptions, home, config);
        }

        String distributions() {
            return Table.DISTRIBUTIONS.location(settings);
        }
    }

    private Result run() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(o.work);
        Installation killed = Installation.create(o.work.resolve("killed"), o);
        Installation clean = Installation.create(o.work.resolve("uninterrupted"), o);
        SparkSession spark = SparkSessions.open(killed.settings());
        List<SampleData.Files> data = SampleData.write(o.work.resolve("sample-data"), o.start.minusYears(2),
                o.end.plusMonths(2));
        List<Request> requests = requests();
        setup(spark, killed, data, requests);
        // The second installation is a copy of the first one's tables (Delta tables are self-contained
        // directories), so both start from the very same commits: market, fits and task files.
        copyTree(Path.of(killed.settings().warehouse()), Path.of(clean.settings().warehouse()));
        long taskFiles = requests.size() + 1;
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "chaos: %s x %s, %s..%s trained %s, %,d paths, chunks of %d dates; %d requests, one "
                        + "task file each (1 per micro-batch), one of them an unknown model inserted with SQL; %,d forecasts "
                        + "(%,d rows) expected; %d kills planned (seed %d)%n", o.commodities, o.models, o.start, o.end,
                o.frequency.label(), o.paths, o.chunkSize, taskFiles, o.forecasts(),
                o.forecasts() * o.paths, o.kills, o.seed);
        List<KillMoments.Planned> plan = KillMoments.plan(o.seed, o.kills);
        for (int i = 0; i < plan.size(); i++) {
            out.printf(Locale.ROOT, "  plan %2d: %s%n", i + 1, plan.get(i).describe());
        }
        out.println("chaos: killed run in " + killed.home() + ", uninterrupted run in " + clean.home()
                + " (child output in logs/ of each)");

        List<String> problems = new ArrayList<>();
        List<Kill> kills = new ArrayList<>();
        List<ChildRun> runs = new ArrayList<>();
        long c0 = System.nanoTime();
        chaos(spark, killed, plan, kills, runs, problems);
        double chaosSeconds = (System.nanoTime() - c0) / 1e9;

        long u0 = System.nanoTime();
        ChildRun reference = ChildRun.start(clean.command(o), clean.home(), "run", 1);
        int code;
        try {
            code = reference.waitFor(o.timeout);
        } catch (IllegalStateException e) {
            code = -1;
            problems.add(e.getMessage());
        }
        double uninterruptedSeconds = (System.nanoTime() - u0) / 1e9;
        out.printf(Locale.ROOT, "chaos: uninterrupted run exited %d after %.1f s%n", code, uninterruptedSeconds);
        if (code != 0) {
            problems.add("the uninterrupted run exited " + code + ": " + reference.stderrTail(5));
        }

        long batchStarts = 0;
        Set<Long> batchIds = new HashSet<>();
        long existingFound = 0;
        for (ChildRun r : runs) {
            List<Long> started = r.batchesStarted();
            batchStarts += started.size();
            batchIds.addAll(started);
            existingFound += r.existingFound();
        }
        // Forecasts the killed installation's runs found already written, beyond those any run finds (the
        // overlapping request's): the work restarts did not redo.
        existingFound -= reference.existingFound();
        checkBatches(spark, killed, "killed", taskFiles, problems);
        checkBatches(spark, clean, "uninterrupted", taskFiles, problems);
        long batchLogRows = count(spark, "SELECT 1 FROM " + Comparison.table(Table.BATCH_LOG.location(killed.settings())));

        long k0 = System.nanoTime();
        Comparison cmp = Comparison.of(spark, o.paths, clean.distributions(), killed.distributions(),
                Table.TASK_ERRORS.location(clean.settings()), Table.TASK_ERRORS.location(killed.settings()));
        double compareSeconds = (System.nanoTime() - k0) / 1e9;
        if (cmp.forecasts() != o.forecasts() || cmp.rows() != o.forecasts() * o.paths) {
            problems.add(String.format(Locale.ROOT, "the uninterrupted run wrote %,d forecasts (%,d rows), the workload "
                    + "has %,d (%,d rows)", cmp.forecasts(), cmp.rows(), o.forecasts(), o.forecasts() * o.paths));
        }
        if (cmp.errors() == 0) {
            problems.add("the uninterrupted run recorded no task_errors: the bad request was not rejected");
        }
        if (kills.size() < o.kills) {
            problems.add("only " + kills.size() + " of " + o.kills + " planned kills happened before the backlog was done "
                    + "(make the workload larger: --end, --paths, or smaller --chunk-size)");
        }
        Result result = new Result(o, killed.settings(), clean.settings(), List.copyOf(kills), List.copyOf(problems),
                runs.size(), batchStarts, batchIds.size(), batchLogRows, existingFound, taskFiles, cmp, setupSeconds,
                chaosSeconds, uninterruptedSeconds, compareSeconds, (System.nanoTime() - t0) / 1e9);
        print(result);
        return result;
    }

    /** Runs, kills and restarts the job on {@code inst} until a run exits 0 (or fails too often, or times out). */
    private void chaos(SparkSession spark, Installation inst, List<KillMoments.Planned> plan, List<Kill> kills,
                       List<ChildRun> runs, List<String> problems) throws Exception {
        long deadline = System.nanoTime() + o.timeout.toNanos();
        int failuresInARow = 0;
        while (true) {
            KillMoments.Planned next = kills.size() < plan.size() ? plan.get(kills.size()) : null;
            KillMoments.Watch watch = next == null ? null : KillMoments.arm(next, inst.layout());
            ChildRun child = ChildRun.start(inst.command(o), inst.home(), "run", runs.size() + 1);
            runs.add(child);
            boolean due = false;
            boolean late = false;
            while (child.alive()) {
                if (watch != null && watch.due()) {
                    due = true;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    late = true;
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
            double seconds = child.seconds();
            int code = due || late ? child.kill() : child.waitFor(o.timeout);
            if (late) {
                problems.add("the killed installation's runs took longer than " + o.timeout + "; run #" + child.number
                        + " stopped");
                return;
            }
            if (due && code != 0) {
                Kill k = recordKill(spark, inst, kills.size() + 1, child, next, watch, seconds);
                kills.add(k);
                if (k.brokenForecasts() != 0) {
                    problems.add("kill " + k.number() + " left " + k.brokenForecasts()
                            + " forecasts neither complete nor absent");
                }
                failuresInARow = 0;
                continue;
            }
            if (code == 0) {
                out.printf(Locale.ROOT, "  run %2d exited 0 after %.1f s: backlog done%n", child.number, seconds);
                return;
            }
            problems.add("run #" + child.number + " exited " + code + " on its own after " + String.format(Locale.ROOT,
                    "%.1f", seconds) + " s (log " + child.stderr + "):\n    " + child.stderrTail(6));
            out.printf(Locale.ROOT, "  run %2d exited %d on its own after %.1f s; restarting%n", child.number, code, seconds);
            if (++failuresInARow >= 3) {
                problems.add("3 runs in a row failed on their own; stopped");
                return;
            }
        }
    }

    private Kill recordKill(SparkSession spark, Installation inst, int number, ChildRun child,
                            KillMoments.Planned p, KillMoments.Watch watch, double seconds) {
        Layout l = inst.layout();
        boolean inFlight = Layout.batch(l.offsets) > Layout.batch(l.commits);
        long rows = Comparison.rows(spark, inst.distributions());
        long broken = rows == 0 ? 0 : Comparison.brokenForecasts(spark, inst.distributions(), o.paths);
        Kill k = new Kill(number, child.number, p.category(), p.describe(), seconds, watch.outcome(), inFlight, rows, broken);
        out.printf(Locale.ROOT, "  kill %2d/%d  run %2d at %5.1f s  %-24s %s: %s; %,d rows%s, %s%n", number, o.kills,
                child.number, seconds, p.category().label, p.describe(), k.outcome(), rows,
                broken == 0 ? "" : ", " + broken + " INCOMPLETE FORECASTS",
                inFlight ? "batch " + Layout.batch(l.offsets) + " uncommitted" : "no batch in flight");
        return k;
    }

    /** The request rows: each commodity x model's range in pieces of requestMonths (quarters by default). */
    List<Request> requests() {
        List<Request> out = new ArrayList<>();
        for (int i = 0; !o.start.plusMonths((long) i * o.requestMonths).isAfter(o.end); i++) {
            LocalDate from = o.start.plusMonths((long) i * o.requestMonths);
            LocalDate last = o.start.plusMonths((long) (i + 1) * o.requestMonths).minusDays(1);
            LocalDate to = last.isAfter(o.end) ? o.end : last;
            for (String commodity : o.commodities) {
                for (String model : o.models) {
                    out.add(new Request("chaos-" + commodity + "-" + model + "-" + from, commodity, model,
                            o.frequency.label(), from, to, ENQUEUED_AT));
                }
            }
        }
        // One request reaching past the trained models: its first dates overlap a later request (the first one
        // processed wins), its last ones are rejected date by date (NO_TRAINED_MODEL).
        out.add(Math.min(out.size(), o.commodities.size() * o.models.size()),
                new Request("chaos-overlap", o.commodities.get(0), o.models.get(0), o.frequency.label(),
                        o.end.minusDays(11), o.end.plusDays(10), ENQUEUED_AT));
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Market data, trained models and the task files: what both installations start from. */
    private void setup(SparkSession spark, Installation inst, List<SampleData.Files> data, List<Request> requests) {
        Settings s = inst.settings();
        Tables.register(spark, s);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        MarketStore market = new MarketStore(spark, s);
        for (SampleData.Files f : data) {
            if (o.commodities.contains(f.commodity())) {
                market.replace(f.commodity(), MarketAssembler.read(f.prices(), f.covariates()).records());
            }
        }
        Trainer trainer = new Trainer(spark, s, quiet);
        for (String commodity : o.commodities) {
            Trainer.Result r = trainer.train(commodity, o.models, o.frequency, o.start, o.end);
            if (!r.failures().isEmpty()) {
                throw new IllegalStateException("training failed: " + r.failures());
            }
        }
        TaskQueue queue = new TaskQueue(spark, s);
        int badAt = Math.min(requests.size(), o.commodities.size() * o.models.size());
        for (int i = 0; i < requests.size(); i++) {
            if (i == badAt) {
                // A scheduler's row: no request_id (so it is derived from the content), a model nobody configured.
                spark.sql("INSERT INTO " + Comparison.table(Table.FORECAST_TASKS.location(s)) + " SELECT CAST(NULL AS STRING), "
                        + "'" + o.commodities.get(0) + "', '" + BAD_MODEL + "', '" + o.frequency.label() + "', DATE'" + o.start
                        + "', DATE'" + o.end + "', TIMESTAMP'2024-01-02 03:04:05'");
            }
            queue.enqueue(List.of(requests.get(i)));
        }
    }

    /** A finished installation committed exactly one batch per task file, and its checkpoint agrees. */
    private void checkBatches(SparkSession spark, Installation inst, String name, long taskFiles, List<String> problems) {
        Layout l = inst.layout();
        long batches = count(spark, "SELECT DISTINCT batch_id FROM "
                + Comparison.table(Table.BATCH_LOG.location(inst.settings())));
        long lastOffset = Layout.batch(l.offsets);
        long lastCommit = Layout.batch(l.commits);
        if (batches != taskFiles || lastOffset != taskFiles - 1 || lastCommit != taskFiles - 1) {
            problems.add(String.format(Locale.ROOT, "the %s installation logged %d distinct batches, its checkpoint "
                    + "ends at offsets/%d and commits/%d; expected %d batches (one per task file)", name, batches,
                    lastOffset, lastCommit, taskFiles));
        }
    }

    private void print(Result r) {
        out.println();
        out.println("chaos figures:");
        List<String> byKind = new ArrayList<>();
        for (Category c : Category.values()) {
            List<Kill> ks = r.kills().stream().filter(k -> k.category() == c).toList();
            if (!ks.isEmpty()) {
                long landed = ks.stream().filter(k -> k.outcome().contains("had landed") || k.outcome().contains("was complete")).count();
                String before = c == Category.MERGE ? " before its commit landed" : " before the file was complete";
                byKind.add(ks.size() + " " + c.label + (c == Category.BETWEEN ? "" : " (" + (ks.size() - landed)
                        + before + ")"));
            }
        }
        out.printf(Locale.ROOT, "  kills          %d: %s; %d left a batch uncommitted%n", r.kills().size(),
                String.join(", ", byKind), r.kills().stream().filter(Kill::batchInFlight).count());
        out.printf(Locale.ROOT, "  runs           %d of the killed installation (%d killed), 1 uninterrupted%n", r.runs(),
                r.kills().size());
        out.printf(Locale.ROOT, "  batches        %d task files -> %d batches; %d batch starts in the killed installation: "
                        + "%d replayed; batch_log has %d rows there%n", r.taskFiles(), r.batches(), r.batchStarts(),
                r.batchesReplayed(), r.batchLogRows());
        out.printf(Locale.ROOT, "  resumed work   the restarted runs found %,d forecasts already written before a kill (not recomputed)%n",
                r.existingFoundOnRestart());
        Comparison c = r.comparison();
        out.printf(Locale.ROOT, "  compared       %,d rows (%,d forecasts x %,d paths) against %,d; task_errors %d against %d%n",
                c.rows(), c.forecasts(), o.paths, c.killedRows(), c.errors(), c.killedErrors());
        out.printf(Locale.ROOT, "  time           setup %s, killed runs %s, uninterrupted run %s, comparison %s%n",
                minutes(r.setupSeconds()), minutes(r.chaosSeconds()), minutes(r.uninterruptedSeconds()), minutes(r.compareSeconds()));
        if (!r.passed()) {
            out.println("chaos differences and problems:");
            r.failures().forEach(f -> out.println("  " + f));
        }
        out.println(r.verdict());
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }

    private static long count(SparkSession spark, String query) {
        return spark.sql("SELECT count(*) FROM (" + query + ")").first().getLong(0);
    }
}
