package hindcast.bench;

import hindcast.app.Hindcast;
import hindcast.config.Settings;
import hindcast.data.CloseCorrection;
import hindcast.model.Horizon;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.progress.BackfillEvent;
import hindcast.progress.BackfillEvent.Counts;
import hindcast.progress.BackfillListener;
import hindcast.spark.BackfillStream;
import hindcast.spark.StatusReport;
import hindcast.spark.Table;
import hindcast.spark.Warehouse;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Backfill workloads on the real data of hindcast.inputs (scripts/bench passes conf/shared-data.conf),
 * semiannual training, 2018-01-01..2025-11-16, against a plain Delta append of as many rows of the same
 * schema, in one JVM and one run, so the ratio holds on a noisy shared machine. Works in a fresh directory.
 * <ul>
 *   <li>{@code full}: every configured commodity x {naive, random_walk, sarimax_auto_weather, xgboost},
 *   training included, all requests in one catch-up run (their units share the executors);</li>
 *   <li>{@code quick}: Coffee x random_walk after a JIT warm-up on both code paths;</li>
 *   <li>{@code scale}: how well a backfill uses the executors. Quick's backfill measured by {@link TaskClock}
 *   (executor utilisation, driver-only share, Amdahl's projection to more cores), then the small-requests
 *   comparison: one 100-day request against 100 one-day requests enqueued in one commit and worked by one run,
 *   over two ranges of the warm-up model that nothing computed before.</li>
 *   <li>{@code xgboost}: every configured commodity's xgboost backfill alone, by wall time ({@link #xgboost}).</li>
 * </ul>
 * {@code full} and {@code quick} end with the freshness phase ({@link #freshness}); {@code full} prints
 * {@link TaskClock}'s figures of its backfill too.
 */
public final class Benchmark {
    static final LocalDate START = LocalDate.of(2018, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 11, 16);
    static final List<String> FULL_MODELS = List.of("naive", "random_walk", "sarimax_auto_weather", "xgboost");
    static final TrainFrequency FREQUENCY = TrainFrequency.SEMIANNUALLY;
    /** quick and scale: one commodity and model, after a warm-up with a model the measurement does not use. */
    static final String QUICK_COMMODITY = "Coffee";
    static final String QUICK_MODEL = "random_walk";
    static final String WARMUP_MODEL = "naive";
    static final int WARMUP_DAYS = 120;
    static final int WARMUP_RUNS = 3;
    static final int WARMUP_DAYS_XGBOOST = 120;
    static final long QUICK_FORECASTS = ChronoUnit.DAYS.between(START, END) + 1;
    /** scale's small requests: two ranges of {@link #WARMUP_MODEL}, trained over them, after its warm-up's days. */
    static final int SMALL_DAYS = 100;
    static final LocalDate ONE_REQUEST_FROM = LocalDate.of(2019, 1, 1);
    static final LocalDate DAILY_REQUESTS_FROM = LocalDate.of(2020, 1, 1);
    /** Core counts of Amdahl's projection. */
    static final List<Integer> PROJECTED_CORES = List.of(8, 32, 128);
    /** The freshness phase corrects the first Coffee close on or after this day: mid-2022, inside both workloads. */
    static final String CORRECTED = "Coffee";
    static final LocalDate CORRECTED_FROM = LocalDate.of(2022, 7, 1);
    private static final double GIB = 1 << 30;

    private final SparkSession spark;
    private final Settings settings;
    /** The same workflows, one saying what it does and one silent (for set-up and warm-ups). */
    private final Hindcast loud;
    private final Hindcast quiet;
    /** The same tables with train-missing on, saying what it does: requests worked as after a correction. */
    private final Hindcast retraining;

    private Benchmark(Settings settings) {
        Warehouse warehouse = Warehouse.open(settings);
        this.settings = settings;
        this.spark = warehouse.spark();
        this.loud = new Hindcast(warehouse, System.out);
        this.quiet = new Hindcast(warehouse, new PrintStream(PrintStream.nullOutputStream()));
        this.retraining = new Hindcast(Warehouse.open(settings.withTrainMissing()), System.out);
    }

    public static void run(Settings settings, String workload) throws Exception {
        if (settings.inputs().isEmpty()) {
            throw new IllegalArgumentException("no hindcast.inputs configured; run it through scripts/bench");
        }
        Benchmark b = new Benchmark(settings);
        System.out.printf("Spark master %s, %d cores, max heap %.1f GiB, %d paths%n", b.spark.sparkContext().master(),
                b.spark.sparkContext().defaultParallelism(), Runtime.getRuntime().maxMemory() / GIB, settings.forecast().paths());
        try {
            switch (workload) {
                case "full" -> b.full();
                case "quick" -> b.quick();
                case "scale" -> b.scale();
                case "xgboost" -> b.xgboost();
                default -> throw new IllegalArgumentException("workload must be full, quick, scale or xgboost, got "
                        + workload);
            }
        } finally {
            b.spark.stop();
        }
    }

    private void full() throws Exception {
        List<String> commodities = List.copyOf(settings.inputs().keySet());
        System.out.printf("workload: %s x %s, %s %s..%s%n", commodities, FULL_MODELS, FREQUENCY.label(), START, END);
        double ingest = time(() -> ingest(commodities));
        double train = time(() -> loud.train(commodities, FULL_MODELS, FREQUENCY, START, END));
        // One run of every request, as a desk would enqueue them: the units of all models share the executors.
        List<BackfillEvent.UnitDone> units = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        double jit0 = Jit.seconds();
        TaskClock.Measured<Counts> measured = TaskClock.measure(spark.sparkContext(), () -> backfill(loud,
                commodities.stream().flatMap(c -> FULL_MODELS.stream().map(m -> request(c, m, START, END, now))).toList(),
                e -> {
                    if (e instanceof BackfillEvent.UnitDone done) {
                        units.add(done);
                    }
                }));
        double jit1 = Jit.seconds();
        Utilisation used = measured.utilisation();
        double backfill = measured.seconds();
        long rows = measured.value().rows();
        long forecasts = measured.value().written();
        double jit2 = Jit.seconds();
        TaskClock.Measured<Void> appended = measure(() -> plainAppend(rows, "bench_append"));
        double append = appended.seconds();
        double jit3 = Jit.seconds();
        double sorted = sortingAppend(rows);
        List<String> freshness = freshness(commodities, FULL_MODELS,
                BackfillCost.byUnit(backfill, units, measured.busyMillisByPool()));

        System.out.println();
        System.out.printf(Locale.ROOT, "ingest                    %8.1f s%n", ingest);
        System.out.printf(Locale.ROOT, "train (%d fits)           %8.1f s%n",
                commodities.size() * FULL_MODELS.size() * FREQUENCY.schedule(START, END).size(), train);
        int cores = used.cores();
        units.forEach(u -> {
            double busy = measured.busyMillisByPool().getOrDefault(u.unit(), 0L) / 1e3;
            System.out.printf(Locale.ROOT, "  unit %-30s %6.1f s   %,d forecasts, %.1f busy core-s: %.0f forecasts/s "
                    + "on %d cores alone%n", u.unit(), u.seconds(), u.written(), busy, cores * u.written() / busy, cores);
        });
        System.out.println("  (units overlap: a unit's wall time is shared; its rate alone is its forecasts per busy "
                + "core-second of its own tasks, computing and writing, times the cores)");
        System.out.printf(Locale.ROOT, "backfill, all models      %8.1f s   %,d forecasts, %,d rows, %.0f forecasts/s%n",
                backfill, forecasts, rows, forecasts / backfill);
        utilisationLines(used).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "total incl. training      %8.1f s   (target <= 150 s)%n", ingest + train + backfill);
        appendLines(backfill, append, sorted, rows, 1.8).forEach(System.out::println);
        System.out.println(cpuLine(measured, appended));
        System.out.println(jitLine(jit1 - jit0, jit3 - jit2));
        freshness.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "old generation peak       %8.2f GiB of a %.1f GiB heap (-Xmx)%n", oldGenPeak() / GIB,
                Runtime.getRuntime().maxMemory() / GIB);
    }

    private void quick() throws Exception {
        double setup = setUpQuick();
        double jit0 = Jit.seconds();
        TaskClock.Measured<Void> backfilled = measure(this::quickBackfill);
        double backfill = backfilled.seconds();
        double jit1 = Jit.seconds();
        long rows = quickRows();
        double jit2 = Jit.seconds();
        TaskClock.Measured<Void> appended = measure(() -> plainAppend(rows, "bench_append"));
        double append = appended.seconds();
        double jit3 = Jit.seconds();
        double sorted = sortingAppend(rows);
        List<String> freshness = freshness(List.of(QUICK_COMMODITY), List.of(QUICK_MODEL),
                BackfillCost.uniform(backfill / QUICK_FORECASTS));
        System.out.println();
        System.out.printf(Locale.ROOT, "ingest + train            %8.1f s%n", setup);
        System.out.println(quickBackfillLine(backfill, rows));
        appendLines(backfill, append, sorted, rows, 1.5).forEach(System.out::println);
        System.out.println(cpuLine(backfilled, appended));
        System.out.println(jitLine(jit1 - jit0, jit3 - jit2));
        freshness.forEach(System.out::println);
    }

    /**
     * The append baselines and the ratio to them: the target is against the append with the session's writer
     * settings; the sorting append is Spark's default writer, which the figures before 2026-12-03 were against.
     */
    private static List<String> appendLines(double backfill, double append, double sorted, long rows, double target) {
        return List.of(
                String.format(Locale.ROOT, "plain Delta append        %8.1f s   %,d rows, same schema, all columns filled, same writer settings",
                        append, rows),
                String.format(Locale.ROOT, "ratio backfill / append   %8.2f    (target <= %.1f)", backfill / append, target),
                String.format(Locale.ROOT, "append sorting first      %8.1f s   Spark's default writer: ratio %.2f",
                        sorted, backfill / sorted));
    }

    /**
     * The tasks' own CPU time in the two compared steps, and the share of their busy time they had a core: the
     * ratio of the work itself, which the wall-clock ratio shows through whatever else took the cores meanwhile.
     */
    private static String cpuLine(TaskClock.Measured<?> backfill, TaskClock.Measured<?> append) {
        return String.format(Locale.ROOT, "tasks' CPU, ratio         %8.2f    backfill %.1f / append %.1f CPU core-s; the "
                        + "tasks had a core %.0f %% / %.0f %% of their busy time", backfill.cpuMillis()
                        / (double) append.cpuMillis(), backfill.cpuMillis() / 1e3, append.cpuMillis() / 1e3,
                100 * backfill.cpuShare(), 100 * append.cpuShare());
    }

    /** The JIT compilers' seconds during the two compared steps: a step that compiles more pays a cold JVM. */
    private static String jitLine(double backfill, double append) {
        return String.format(Locale.ROOT, "JIT compiling             %8.1f s   of compiler threads' time during the backfill, "
                + "%.1f s during the append", backfill, append);
    }

    /**
     * {@link #plainAppend} as Spark writes by default, every row sorted by the partition columns first (the session
     * writes without that sort: conf/application.conf).
     */
    private double sortingAppend(long rows) throws Exception {
        String key = "spark.sql.maxConcurrentOutputFileWriters";
        String setting = spark.conf().get(key);
        spark.conf().set(key, "0");
        try {
            return time(() -> plainAppend(rows, "bench_append_sorted"));
        } finally {
            spark.conf().set(key, setting);
        }
    }

    /**
     * Quick's backfill measured by {@link TaskClock}, then the small-requests comparison on the same tables:
     * {@link #SMALL_DAYS} forecasts of the warm-up model as one request, then as many one-day requests of another
     * range enqueued in one commit and worked by one catch-up run. Both ranges are trained and computed by nothing
     * before, so both sides compute the same forecasts of the same model.
     */
    private void scale() throws Exception {
        double setup = setUpQuick();
        TaskClock.Measured<Void> backfill = measure(this::quickBackfill);
        long rows = quickRows();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate oneTo = ONE_REQUEST_FROM.plusDays(SMALL_DAYS - 1);
        TaskClock.Measured<Counts> one = TaskClock.measure(spark.sparkContext(), () -> backfill(quiet,
                List.of(request(QUICK_COMMODITY, WARMUP_MODEL, ONE_REQUEST_FROM, oneTo, now))));
        LocalDate dailyTo = DAILY_REQUESTS_FROM.plusDays(SMALL_DAYS - 1);
        TaskClock.Measured<Counts> daily = TaskClock.measure(spark.sparkContext(), () -> backfill(quiet,
                DAILY_REQUESTS_FROM.datesUntil(dailyTo.plusDays(1))
                        .map(d -> request(QUICK_COMMODITY, WARMUP_MODEL, d, d, now)).toList()));
        double ratio = daily.seconds() / one.seconds();
        boolean fair = one.value().written() == SMALL_DAYS && daily.value().written() == SMALL_DAYS;

        System.out.println();
        System.out.printf(Locale.ROOT, "ingest + train            %8.1f s%n", setup);
        System.out.println(quickBackfillLine(backfill.seconds(), rows));
        utilisationLines(backfill.utilisation()).forEach(System.out::println);
        System.out.println(smallRequestsLine("one " + SMALL_DAYS + "-day request", one, ONE_REQUEST_FROM, oneTo));
        System.out.println(smallRequestsLine(SMALL_DAYS + " one-day requests", daily, DAILY_REQUESTS_FROM, dailyTo));
        System.out.printf(Locale.ROOT, "%-26s%8.2f    (target <= 1.5, %d forecasts on both sides) %s%n",
                "ratio one-day / " + SMALL_DAYS + "-day", ratio, SMALL_DAYS, verdict(fair && ratio <= 1.5));
    }

    /**
     * Issue 12's model target measured directly: every commodity's xgboost backfill, alone on the executors, by wall
     * time (computing, writing and the driver's work), after a warm-up on the first {@link #WARMUP_DAYS_XGBOOST}
     * days of the range; in {@code full} the xgboost units share the executors with the other models' and the JIT
     * compiler, so their rates there are figured from busy core-seconds.
     */
    private void xgboost() throws Exception {
        List<String> commodities = List.copyOf(settings.inputs().keySet());
        List<String> models = List.of("xgboost");
        System.out.printf("workload: %s x %s, %s %s..%s%n", commodities, models, FREQUENCY.label(), START, END);
        ingest(commodities);
        double train = time(() -> quiet.train(commodities, models, FREQUENCY, START, END));
        LocalDate warmedTo = START.plusDays(WARMUP_DAYS_XGBOOST - 1);
        backfill(quiet, commodities, models, warmedTo);
        Jit.settle(30);
        double jit0 = Jit.seconds();
        TaskClock.Measured<Counts> run = TaskClock.measure(spark.sparkContext(), () -> backfill(loud, commodities, models, END));
        double jit = Jit.seconds() - jit0;
        long written = run.value().written();
        double rate = written / run.seconds();

        System.out.println();
        System.out.printf(Locale.ROOT, "train (%d fits)            %8.1f s%n",
                commodities.size() * FREQUENCY.schedule(START, END).size(), train);
        System.out.printf(Locale.ROOT, "xgboost backfill          %8.1f s   %,d forecasts (%s..%s, after a warm-up to %s), "
                + "%,d rows: %.0f forecasts/s (target >= 150) %s%n", run.seconds(), written, START, END, warmedTo,
                run.value().rows(), rate, verdict(written > 0 && rate >= 150));
        System.out.printf(Locale.ROOT, "  busy core-s by unit       %s%n", busyByUnit(run.busyMillisByPool()));
        utilisationLines(run.utilisation()).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "JIT compiling             %8.1f s   of compiler threads' time during the backfill%n", jit);
    }

    /**
     * Quick's set-up, untimed but for ingest and training: the data, fits of {@link #QUICK_MODEL} and
     * {@link #WARMUP_MODEL}, and a JIT warm-up on both code paths: {@link #WARMUP_DAYS} days of the warm-up model in
     * {@link #WARMUP_RUNS} runs, so that the driver's path runs more than once, each followed by a plain append as
     * large; then the compilers' queue is left to empty. Returns the ingest and training's seconds.
     */
    private double setUpQuick() throws Exception {
        System.out.printf("workload: %s / %s %s %s..%s%n", QUICK_COMMODITY, QUICK_MODEL, FREQUENCY.label(), START, END);
        double setup = time(() -> {
            ingest(List.of(QUICK_COMMODITY));
            quiet.train(QUICK_COMMODITY, List.of(QUICK_MODEL, WARMUP_MODEL), FREQUENCY, START, END);
        });
        int days = WARMUP_DAYS / WARMUP_RUNS;
        for (int r = 0; r < WARMUP_RUNS; r++) {
            LocalDate from = START.plusDays((long) r * days);
            backfill(quiet, List.of(request(QUICK_COMMODITY, WARMUP_MODEL, from, from.plusDays(days - 1),
                    Instant.now().truncatedTo(ChronoUnit.MICROS))));
            plainAppend((long) days * settings.forecast().paths(), "bench_warmup_" + r);
        }
        Jit.settle(30);
        return setup;
    }

    private void quickBackfill() {
        backfill(loud, List.of(QUICK_COMMODITY), List.of(QUICK_MODEL), END);
    }

    private long quickRows() {
        return count("SELECT count(*) FROM distributions WHERE model_version = '" + QUICK_MODEL + "'");
    }

    private String quickBackfillLine(double seconds, long rows) {
        int cores = spark.sparkContext().defaultParallelism();
        return String.format(Locale.ROOT, "backfill                  %8.1f s   %,d forecasts, %,d rows, %.0f forecasts/s, "
                + "%.3f core-s per forecast", seconds, QUICK_FORECASTS, rows, QUICK_FORECASTS / seconds,
                seconds * cores / QUICK_FORECASTS);
    }

    private static String smallRequestsLine(String what, TaskClock.Measured<Counts> run, LocalDate from, LocalDate to) {
        return String.format(Locale.ROOT, "%-26s%8.1f s   %s %s..%s, %,d forecasts written, utilisation %.1f %%, "
                + "driver-only %.1f %%", what, run.seconds(), WARMUP_MODEL, from, to, run.value().written(),
                100 * run.utilisation().utilisation(), 100 * run.utilisation().driverOnlyShare());
    }

    /** {@link TaskClock}'s figures of a backfill, and Amdahl's projection with the driver-only share as serial. */
    private static List<String> utilisationLines(Utilisation u) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "executor utilisation      %8.1f %%   %.1f busy core-s of %.1f s x %d cores",
                100 * u.utilisation(), u.busyMillis() / 1e3, u.spanMillis() / 1e3, u.cores()));
        lines.add(String.format(Locale.ROOT, "driver-only share         %8.1f %%   of the span no task was running",
                100 * u.driverOnlyShare()));
        for (int n : PROJECTED_CORES) {
            lines.add(String.format(Locale.ROOT, "Amdahl on %3d cores       %8.2f x  speed-up vs %d cores now", n,
                    u.speedUp(u.cores(), n), u.cores()));
        }
        lines.add(String.format(Locale.ROOT, "Amdahl 2 -> 64 cores      %8.2f x  speed-up", u.speedUp(2, 64)));
        return lines;
    }

    /**
     * Issue 11's freshness phase, after the backfill: the workload's requests again with train-missing (nothing to
     * compute or train), one {@link #CORRECTED} close corrected in a copy of its prices (in hindcast.home, which
     * scripts/bench points at bench-work/) and re-ingested, status, and the requests again, which recompute the
     * stale forecasts only and retrain the stale fits. Returns its summary lines, checked against the issue's
     * targets. The refresh's budget is the "computing that many forecasts fresh, plus 10 s": each
     * (commodity, model)'s stale forecasts at what one of its forecasts cost in this run's backfill ({@code cost}).
     */
    private List<String> freshness(List<String> commodities, List<String> models, BackfillCost cost)
            throws Exception {
        String allRows = "SELECT count(*) FROM distributions";
        long rows = count(allRows);
        Instant rerunStart = Instant.now();
        Timed<Counts> rerun = timed(() -> backfill(retraining, commodities, models, END));
        long rerunFits = fitsStoredSince(rerunStart);
        long rowsAfterRerun = count(allRows);

        Settings.Input input = settings.inputs().get(CORRECTED);
        Path copy = settings.home().resolve(input.prices().getFileName().toString().replace(".csv", "_corrected.csv"));
        CloseCorrection fix = CloseCorrection.write(input.prices(), CORRECTED_FROM, copy);
        double ingest = time(() -> loud.ingest(CORRECTED, new Settings.Input(copy, input.covariates())));

        Timed<StatusReport.Report> status = timed(loud::status);
        long stale = sum(status.value(), commodities, models, StatusReport.Line::stale);
        long staleFits = sum(status.value(), commodities, models, l -> l.staleFits() + l.changedFits());

        Instant refreshStart = Instant.now();
        TaskClock.Measured<Counts> refresh = TaskClock.measure(spark.sparkContext(),
                () -> backfill(retraining, commodities, models, END));
        long refreshFits = fitsStoredSince(refreshStart);
        long rowsAfterRefresh = count(allRows);
        long staleLeft = sum(loud.status(), commodities, models, StatusReport.Line::stale);
        double budget = 10 + workload(status.value(), commodities, models)
                .mapToDouble(l -> l.stale() * cost.secondsPerForecast(l.commodity(), l.modelVersion())).sum();

        boolean rerunOk = rerun.seconds() < 15 && rerun.value().written() == 0 && rerunFits == 0 && rowsAfterRerun == rows;
        boolean refreshOk = refresh.seconds() <= budget && stale > 0 && refresh.value().written() == stale
                && staleLeft == 0 && rowsAfterRefresh == rows;
        return List.of(
                String.format(Locale.ROOT, "rerun of all requests     %8.1f s   %,d forecasts written, %,d fits trained, "
                        + "rows %,d -> %,d (target < 15 s, no model work) %s", rerun.seconds(), rerun.value().written(),
                        rerunFits, rows, rowsAfterRerun, verdict(rerunOk)),
                String.format(Locale.ROOT, "ingest of a corrected close %6.1f s   %s %s close %s -> %s", ingest, CORRECTED,
                        fix.date(), fix.before().toPlainString(), fix.after().toPlainString()),
                String.format(Locale.ROOT, "status                    %8.1f s   %,d stale forecasts, %,d fits to redo "
                        + "(target < 10 s) %s", status.seconds(), stale, staleFits, verdict(status.seconds() < 10)),
                String.format(Locale.ROOT, "refresh of all requests   %8.1f s   %,d forecasts recomputed, %,d fits retrained, "
                        + "rows %,d -> %,d, %,d stale left (target <= budget, only the stale) %s", refresh.seconds(),
                        refresh.value().written(), refreshFits, rows, rowsAfterRefresh, staleLeft, verdict(refreshOk)),
                String.format(Locale.ROOT, "refresh budget            %8.1f s   %,d stale forecasts at the backfill's "
                        + "cost per forecast of their model (%s) + 10 s", budget, stale, cost.describe()),
                String.format(Locale.ROOT, "refresh's tasks           %8.1f core-s  utilisation %.1f %%, driver-only %.1f %%; "
                        + "by unit: %s", refresh.utilisation().busyMillis() / 1e3,
                        100 * refresh.utilisation().utilisation(), 100 * refresh.utilisation().driverOnlyShare(),
                        busyByUnit(refresh.busyMillisByPool())));
    }

    /** Busy core-seconds by unit (scheduler pool), largest first; the default pool's are the batch's other jobs. */
    private static String busyByUnit(Map<String, Long> busyMillisByPool) {
        return busyMillisByPool.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e3))
                .collect(Collectors.joining(", "));
    }

    /** A status figure added up over the workload's lines. */
    private static long sum(StatusReport.Report report, List<String> commodities, List<String> models,
                            ToLongFunction<StatusReport.Line> figure) {
        return workload(report, commodities, models).mapToLong(figure).sum();
    }

    /** The status lines of the workload's commodities and models (the quick warm-up's are not part). */
    private static Stream<StatusReport.Line> workload(StatusReport.Report report, List<String> commodities,
                                                     List<String> models) {
        return report.lines().stream()
                .filter(l -> commodities.contains(l.commodity()) && models.contains(l.modelVersion()));
    }

    /** Fits written to trained_models since {@code t} (a fit replaced in place gets a new created_at too). */
    private long fitsStoredSince(Instant t) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, t);
        return count("SELECT count(*) FROM " + Table.TRAINED_MODELS.sqlName(settings)
                + " WHERE created_at >= timestamp_micros(" + micros + ")");
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private void ingest(List<String> commodities) {
        Map<String, Settings.Input> inputs = new LinkedHashMap<>();
        commodities.forEach(c -> inputs.put(c, settings.inputs().get(c)));
        quiet.ingest(inputs);
    }

    /** One request per commodity and model, {@link #START}..{@code end}, worked as {@link #backfill(Hindcast, List)}. */
    private static Counts backfill(Hindcast hindcast, List<String> commodities, List<String> models, LocalDate end) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return backfill(hindcast, commodities.stream()
                .flatMap(c -> models.stream().map(m -> request(c, m, START, end, now))).toList());
    }

    private static Request request(String commodity, String model, LocalDate from, LocalDate to, Instant now) {
        return new Request(UUID.randomUUID().toString(), commodity, model, FREQUENCY.label(), from, to, now);
    }

    /**
     * The requests enqueued in one commit and worked by one catch-up run, with progress on the workflows' output;
     * returns what its batches did, added up from their {@link BackfillEvent.BatchDone}s.
     */
    private static Counts backfill(Hindcast hindcast, List<Request> requests) {
        return backfill(hindcast, requests, e -> {
        });
    }

    /** {@link #backfill(Hindcast, List)}, the run's events also heard by {@code also}. */
    private static Counts backfill(Hindcast hindcast, List<Request> requests, BackfillListener also) {
        hindcast.enqueue(requests);
        AtomicReference<Counts> total = new AtomicReference<>(Counts.ZERO);
        hindcast.run(BackfillStream.Mode.AVAILABLE_NOW, BackfillListener.all(hindcast.console(), also, e -> {
            if (e instanceof BackfillEvent.BatchDone done) {
                total.accumulateAndGet(done.counts(), Counts::plus);
            }
        }));
        return total.get();
    }

    /**
     * The baseline: random rows appended to a fresh Delta table of the same schema, partitioning and properties,
     * every column filled as a backfill fills it.
     */
    private void plainAppend(long rows, String table) {
        List<Column> cols = new ArrayList<>();
        cols.add(col("id").mod(settings.forecast().paths()).plus(1).cast("int").as("path_id"));
        Column start = date_add(lit(START), col("id").divide(settings.forecast().paths()).cast("int"));
        cols.add(start.as("forecast_start_date"));
        cols.add(date_sub(start, 1).as("data_cutoff_date"));
        cols.add(current_timestamp().as("generation_timestamp"));
        cols.add(lit("random_walk").as("model_version"));
        cols.add(lit("Coffee").as("commodity"));
        for (int k = 1; k <= Horizon.DAYS; k++) {
            cols.add(lit(150.0).plus(randn(k)).cast("float").as("day_" + k));
        }
        cols.add(lit(false).as("is_actuals"));
        cols.add(lit(false).as("has_data_leakage"));
        // Filled as a backfill fills them, one value per forecast: a fit's date and 16 hex digits.
        cols.add(trunc(start, "quarter").as("train_date"));
        cols.add(lpad(lower(hex(xxhash64(start))), 16, "0").as("fingerprint"));
        String location = settings.tables().warehouse() + "/" + table;
        spark.sql("CREATE TABLE delta.`" + location + "` " + Table.DISTRIBUTIONS.ddl());
        spark.range(0, rows, 1, spark.sparkContext().defaultParallelism())
                .select(cols.toArray(new Column[0]))
                .write().format("delta").mode("append").save(location);
    }

    private long count(String sql) {
        return spark.sql(sql).first().getLong(0);
    }

    /**
     * Peak usage of the old-generation pool, where long-lived data ends up: a better sign of the memory the
     * run needs than young-generation churn (summing the pools' peaks would add peaks of different moments).
     */
    private static long oldGenPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                return pool.getPeakUsage().getUsed();
            }
        }
        return -1;
    }

    private interface Step {
        void run() throws Exception;
    }

    private record Timed<T>(T value, double seconds) {
    }

    private static <T> Timed<T> timed(Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        T value = work.call();
        return new Timed<>(value, (System.nanoTime() - t0) / 1e9);
    }

    private TaskClock.Measured<Void> measure(Step step) throws Exception {
        return TaskClock.measure(spark.sparkContext(), () -> {
            step.run();
            return null;
        });
    }

    private static double time(Step step) throws Exception {
        return timed(() -> {
            step.run();
            return null;
        }).seconds();
    }
}
