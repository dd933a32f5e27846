package hindcast.chaos;

import hindcast.chaos.KillMoments.Category;
import hindcast.config.Settings;
import hindcast.model.TrainFrequency;
import hindcast.spark.Table;
import hindcast.spark.Warehouse;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kill campaign. Builds two identical installations ({@link Workload}: sample market data, trained models,
 * the same requests enqueued as task files of several partitions each, one of them a bad row inserted with SQL), then:
 * <ol>
 *   <li>runs {@code hindcast run} on the first one as a child process and kills it with SIGKILL
 *   ({@link Process#destroyForcibly()}) at the moments {@link KillMoments} plans from the seed ({@link KillLoop}) — during MERGE
 *   commits, during checkpoint writes, between batches — restarting it after each kill, until a run exits 0
 *   with the backlog done. After every kill it checks that no forecast is half-written;</li>
 *   <li>runs the same requests uninterrupted on the second installation;</li>
 *   <li>replacement: corrects one close in the middle of the range, ingests it again and enqueues the requests
 *   again in both ({@link Workload#correctAndEnqueueAgain}), so the forecasts that read it are stale; runs
 *   {@code run --train-missing} on the first one, killing it during the MERGEs that replace them
 *   ({@link KillMoments#replacementPlan}) and checking after each kill that no forecast mixes old and new paths,
 *   then uninterrupted on the second;</li>
 *   <li>compares the two ({@link Comparison}) and prints the figures and a one-line verdict
 *   ({@link CampaignReport}).</li>
 * </ol>
 * The children are started like the current JVM ({@code java -jar target/hindcast.jar run --config FILE}
 * from scripts/chaos, the test classpath under Maven); this JVM only sets up, watches files and compares.
 */
public final class ChaosCampaign {
    /** The workload and the campaign's knobs; the defaults are scripts/chaos's. */
    public static final class Options {
        public Path work;
        public int kills = 12;
        /** Kills during the replacement phase's MERGEs. */
        public int replacementKills = 3;
        public long seed = 1;
        public int paths = 2000;
        public LocalDate start = LocalDate.of(2023, 1, 1);
        public LocalDate end = LocalDate.of(2023, 12, 31);
        /**
         * Each commodity x model's range is enqueued as one request per this many calendar months; a commodity's
         * requests of every model for the same months share a task file.
         */
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

    /**
     * One kill: which run, when, what it interrupted (twoPartitions: while two partitions had files written and
     * not committed), and the table right after it.
     */
    public record Kill(int number, int run, Category category, boolean twoPartitions, String moment, double secondsIntoRun,
                       String outcome, boolean batchInFlight, long rows, long brokenForecasts, long mixedForecasts) {
    }

    /**
     * The replacement phase: the close corrected, the forecasts that made stale (by the killed installation's
     * index right after the ingest), the replacements the uninterrupted run and the killed installation's runs
     * planned, and the kills.
     */
    public record Replacement(String commodity, LocalDate corrected, long madeStale, long replacedUninterrupted,
                              long plannedKilled, List<Kill> kills, int runs, double setupSeconds,
                              double killedSeconds, double uninterruptedSeconds) {
    }

    /** What the campaign did and found. */
    public record Result(Options options, Settings killed, Settings uninterrupted, List<Kill> kills,
                         Replacement replacement, List<String> problems, int runs, long batchStarts,
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

        /** Kills, of both phases, while two partitions had files written and not committed. */
        public long twoPartitionKills() {
            return Stream.concat(kills.stream(), replacement.kills().stream()).filter(Kill::twoPartitions).count();
        }

        /** Everything wrong: the campaign's problems, then the comparison's differences. */
        public List<String> failures() {
            List<String> all = new ArrayList<>(problems);
            if (comparison != null) {
                all.addAll(comparison.differences());
            }
            return all;
        }
    }

    private ChaosCampaign() {
    }

    public static Result run(Options o) throws Exception {
        PrintStream out = o.out;
        long t0 = System.nanoTime();
        Files.createDirectories(o.work);
        Installation killed = Installation.create(o.work.resolve("killed"), o);
        Installation clean = Installation.create(o.work.resolve("uninterrupted"), o);
        Warehouse warehouse = Warehouse.open(killed.settings());
        SparkSession spark = warehouse.spark();
        Workload workload = new Workload(o);
        workload.setUp(warehouse, killed, clean);
        long taskFiles = workload.taskFiles();
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        List<KillMoments.Planned> plan = KillMoments.plan(o.seed, o.kills);
        List<KillMoments.Planned> replacementPlan = KillMoments.replacementPlan(o.seed, o.replacementKills);
        CampaignReport.plan(out, o, taskFiles, plan, replacementPlan, killed, clean);

        long c0 = System.nanoTime();
        KillLoop loop = new KillLoop(o, spark, killed, plan, "run");
        loop.run();
        double chaosSeconds = (System.nanoTime() - c0) / 1e9;
        List<String> problems = new ArrayList<>(loop.problems);

        long u0 = System.nanoTime();
        ChildRun reference = uninterrupted(o, clean, "run", problems);
        double uninterruptedSeconds = (System.nanoTime() - u0) / 1e9;

        long r0 = System.nanoTime();
        Workload.Correction correction = workload.correctAndEnqueueAgain(warehouse, clean, out);
        long madeStale = warehouse.staleness().total(correction.commodity()).forecasts();
        double replacementSetupSeconds = (System.nanoTime() - r0) / 1e9;
        long rk0 = System.nanoTime();
        KillLoop replacing = new KillLoop(o, spark, killed, replacementPlan, "replace", "--train-missing");
        replacing.run();
        double replacementSeconds = (System.nanoTime() - rk0) / 1e9;
        problems.addAll(replacing.problems);
        long ru0 = System.nanoTime();
        ChildRun replacementReference = uninterrupted(o, clean, "replace", problems, "--train-missing");
        Replacement replacement = new Replacement(correction.commodity(), correction.day(), madeStale,
                replacementReference.stalePlanned(), replacing.runs.stream().mapToLong(ChildRun::stalePlanned).sum(),
                List.copyOf(replacing.kills), replacing.runs.size(), replacementSetupSeconds, replacementSeconds,
                (System.nanoTime() - ru0) / 1e9);
        if (madeStale == 0 || replacement.replacedUninterrupted() != madeStale) {
            problems.add(String.format(Locale.ROOT, "the corrected close made %,d forecasts stale; the uninterrupted "
                    + "run replaced %,d", madeStale, replacement.replacedUninterrupted()));
        }

        long batchStarts = 0;
        Set<Long> batchIds = new HashSet<>();
        for (KillLoop l : List.of(loop, replacing)) {
            for (ChildRun r : l.runs) {
                List<Long> started = r.batchesStarted();
                batchStarts += started.size();
                batchIds.addAll(started);
            }
        }
        // Forecasts the killed installation's first-phase runs found already written, beyond those any run finds
        // (the overlapping request's): the work restarts did not redo.
        long existingFound = loop.runs.stream().mapToLong(ChildRun::existingFound).sum() - reference.existingFound();
        long allTaskFiles = taskFiles + workload.taskFilesAgain();
        killed.batchProblem(spark, "killed", allTaskFiles).ifPresent(problems::add);
        clean.batchProblem(spark, "uninterrupted", allTaskFiles).ifPresent(problems::add);
        long batchLogRows = Comparison.count(spark, "SELECT 1 FROM " + killed.sql(Table.BATCH_LOG));

        long k0 = System.nanoTime();
        Comparison cmp = Comparison.of(spark, o.paths, clean.settings(), killed.settings());
        double compareSeconds = (System.nanoTime() - k0) / 1e9;
        if (cmp.forecasts() != o.forecasts() || cmp.rows() != o.forecasts() * o.paths
                || cmp.indexRows() != o.forecasts()) {
            problems.add(String.format(Locale.ROOT, "the uninterrupted run wrote %,d forecasts (%,d rows, %,d in "
                    + "forecast_index), the workload has %,d (%,d rows)", cmp.forecasts(), cmp.rows(), cmp.indexRows(),
                    o.forecasts(), o.forecasts() * o.paths));
        }
        if (cmp.errors() == 0) {
            problems.add("the uninterrupted run recorded no task_errors: the bad request was not rejected");
        }
        for (KillLoop l : List.of(loop, replacing)) {
            if (l.kills.size() < l.planned()) {
                problems.add("only " + l.kills.size() + " of " + l.planned() + " planned " + l.name() + " kills "
                        + "happened before the backlog was done (make the workload larger: --end, --paths, or smaller "
                        + "--chunk-size)");
            }
        }
        Result result = new Result(o, killed.settings(), clean.settings(), List.copyOf(loop.kills), replacement,
                List.copyOf(problems), loop.runs.size(), batchStarts, batchIds.size(), batchLogRows, existingFound,
                allTaskFiles, cmp, setupSeconds, chaosSeconds, uninterruptedSeconds, compareSeconds,
                (System.nanoTime() - t0) / 1e9);
        CampaignReport.figures(out, result);
        return result;
    }

    /** One run of the uninterrupted installation, named like the phase's killed runs; what went wrong to {@code problems}. */
    private static ChildRun uninterrupted(Options o, Installation clean, String name, List<String> problems,
                                          String... runOptions) throws InterruptedException {
        long u0 = System.nanoTime();
        ChildRun run = ChildRun.start(clean.command(o, runOptions), clean.home(), name, 1);
        int code;
        try {
            code = run.waitFor(o.timeout);
        } catch (IllegalStateException e) {
            code = -1;
            problems.add(e.getMessage());
        }
        o.out.printf(Locale.ROOT, "chaos: uninterrupted %s exited %d after %.1f s%n", name, code,
                (System.nanoTime() - u0) / 1e9);
        if (code != 0) {
            problems.add("the uninterrupted " + name + " exited " + code + ": " + run.stderrTail(5));
        }
        return run;
    }
}
