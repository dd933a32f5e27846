package hindcast.app;

import hindcast.config.Settings;
import hindcast.data.MarketAssembler;
import hindcast.data.MarketDiff;
import hindcast.data.MarketRecord;
import hindcast.error.Errors;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.progress.BackfillListener;
import hindcast.progress.ConsoleProgress;
import hindcast.progress.JsonLinesEvents;
import hindcast.report.HtmlReport;
import hindcast.report.ReportData;
import hindcast.spark.BackfillStream;
import hindcast.spark.Evaluation;
import hindcast.spark.Evaluator;
import hindcast.spark.ReportQueries;
import hindcast.spark.SingleForecast;
import hindcast.spark.Staleness;
import hindcast.spark.StatusReport;
import hindcast.spark.Trainer;
import hindcast.spark.Warehouse;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hindcast's workflows over one {@link Warehouse}: ingest, train, enqueue, set up an installation, run the
 * stream, refresh the evaluation, write the report, and the read-only status and forecast. The commands, the
 * demo, the benchmark, the chaos campaign and the test fixture all call these; each says what it did on
 * {@code out}.
 */
public final class Hindcast {
    private final Warehouse warehouse;
    private final PrintStream out;

    public Hindcast(Warehouse warehouse, PrintStream out) {
        this.warehouse = warehouse;
        this.out = out;
    }

    /** Opens the warehouse the settings describe. */
    public static Hindcast open(Settings settings, PrintStream out) {
        return new Hindcast(Warehouse.open(settings), out);
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public Settings settings() {
        return warehouse.settings();
    }

    /**
     * What an installation starts from: the market files of each commodity, the models to train over
     * [trainFrom, trainTo] at {@code frequency}, and the requests to enqueue.
     */
    public record Workload(Map<String, Settings.Input> inputs, List<String> models, TrainFrequency frequency,
                           LocalDate trainFrom, LocalDate trainTo, List<Request> requests) {
    }

    /**
     * Ingest, then train, then enqueue: each request in a commit of its own (a task file, so one micro-batch
     * each when the stream takes one file per trigger). Safe to repeat: unchanged files write nothing, stored
     * fits are kept, and a request enqueued before with the same range is not added again.
     */
    public void setUp(Workload w) {
        ingest(w.inputs());
        for (String commodity : w.inputs().keySet()) {
            train(commodity, w.models(), w.frequency(), w.trainFrom(), w.trainTo()).orThrow();
        }
        for (Request r : w.requests()) {
            if (warehouse.tasks().containsSame(r)) {
                out.println("Already enqueued: " + r.describe() + " " + r.startDate() + ".." + r.endDate());
            } else {
                enqueue(List.of(r));
            }
        }
    }

    /**
     * Ingests each commodity's files ({@link #ingest(String, Settings.Input)}); all must be configured. Returns what
     * changed per commodity, in the order of {@code inputs}.
     */
    public Map<String, MarketDiff> ingest(Map<String, Settings.Input> inputs) {
        for (String c : inputs.keySet()) {
            if (!settings().commodities().contains(c)) {
                throw Errors.unknownCommodity(c, settings().commodities());
            }
        }
        Map<String, MarketDiff> diffs = new LinkedHashMap<>();
        inputs.forEach((c, input) -> diffs.put(c, ingest(c, input)));
        return diffs;
    }

    /**
     * Replaces the commodity's market rows with its files' in one commit, unless they are the same. Parses
     * everything first, then writes once: bad input never leaves a partial table. Returns what changed compared
     * with the stored rows (empty: nothing written).
     */
    public MarketDiff ingest(String commodity, Settings.Input input) {
        MarketAssembler.Assembled in = MarketAssembler.read(input.prices(), input.covariates());
        List<MarketRecord> records = in.records();
        Staleness.Counts staleBefore = warehouse.staleness().total(commodity);
        MarketDiff diff = warehouse.market().replace(commodity, records);
        out.printf("%s %s: %,d trading days %s..%s%s%s%s%n", diff.isEmpty() ? "Unchanged" : "Ingested", commodity,
                records.size(), records.get(0).date(), records.get(records.size() - 1).date(),
                in.skippedRows() > 0 ? ", " + in.skippedRows() + " rows without a close skipped" : "",
                in.covariateFiles() == 0 ? "" : ", covariates from " + in.covariateFiles() + " file(s)",
                diff.isEmpty() ? "" : "; " + diff.describe());
        Staleness.Counts staleAfter = diff.isEmpty() ? staleBefore : warehouse.staleness().total(commodity);
        long forecasts = staleAfter.forecasts() - staleBefore.forecasts();
        long fits = staleAfter.fits() - staleBefore.fits();
        if (forecasts > 0 || fits > 0) {
            out.printf("  made stale: %,d forecast(s) and %,d fit(s) that read the changed rows; they are recomputed "
                    + "when their requests are enqueued again, or by run --refresh%s%n", forecasts, fits,
                    fits > 0 ? " (fits need --train-missing or train)" : "");
        }
        return diff;
    }

    /**
     * Fits each model at each train date of [start, end] that has no stored fit. A failed fit stores nothing and
     * is listed in the result; {@link Trainer.Result#orThrow()} turns failures into an error.
     */
    public Trainer.Result train(String commodity, List<String> models, TrainFrequency frequency, LocalDate start,
                                LocalDate end) {
        return train(List.of(commodity), models, frequency, start, end);
    }

    /** {@link #train(String, List, TrainFrequency, LocalDate, LocalDate)} of several commodities, as one job. */
    public Trainer.Result train(List<String> commodities, List<String> models, TrainFrequency frequency,
                                LocalDate start, LocalDate end) {
        return warehouse.trainer(out).train(commodities, models, frequency, start, end);
    }

    /** Appends the requests to forecast_tasks in one commit. */
    public void enqueue(List<Request> requests) {
        warehouse.tasks().enqueue(requests);
        for (Request r : requests) {
            out.println("Enqueued " + r.requestId() + "  " + r.describe() + "  " + r.startDate() + ".." + r.endDate());
        }
    }

    /** {@link #run(BackfillStream.Mode, Path)} with progress on the console only. */
    public void run(BackfillStream.Mode mode) {
        run(mode, (Path) null);
    }

    /**
     * Runs the stream until the backlog is done (AVAILABLE_NOW) or until the JVM is stopped (CONTINUOUS), with
     * progress on the console and, when {@code eventsFile} is given, as JSON lines in that file (for tools).
     */
    public void run(BackfillStream.Mode mode, Path eventsFile) {
        BackfillListener console = console();
        try (JsonLinesEvents events = eventsFile == null ? null : JsonLinesEvents.open(eventsFile)) {
            run(mode, events == null ? console : BackfillListener.all(console, events));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the events file " + eventsFile + ": " + e.getMessage(), e);
        }
    }

    /** The console text of the stream's progress, on this workflow's output: a listener to combine with others. */
    public BackfillListener console() {
        return new ConsoleProgress(out);
    }

    /** Runs the stream with progress going to {@code listener} only. */
    public void run(BackfillStream.Mode mode, BackfillListener listener) {
        try {
            BackfillStream.run(warehouse, mode, out, listener);
        } catch (Exception e) {
            throw new IllegalStateException("the stream stopped: " + e.getMessage()
                    + " (run again to resume from the checkpoint)", e);
        }
    }

    /** Writes new or changed actuals and scores what they make scorable, under the evaluation's write lock. */
    public Evaluator.Refreshed refreshEvaluation() {
        return warehouse.evaluator().refresh(out);
    }

    /** Per commodity, model and horizon, the scores of the forecasts in scope. */
    public List<Evaluation.Line> leaderboard(Evaluation.Scope scope) {
        return warehouse.evaluation().leaderboard(scope);
    }

    /** Per commodity and model, the whole-path scores of the forecasts in scope (its horizons do not apply). */
    public List<ReportData.PathScores> wholePaths(Evaluation.Scope scope) {
        return warehouse.evaluation().wholePaths().lines(scope);
    }

    /**
     * Writes DIR/index.html from the tables as they are (see {@link #refreshEvaluation()}); null dates default
     * to the latest year of stored forecasts. Returns the file.
     */
    public Path writeReport(Path dir, int horizon, LocalDate start, LocalDate end) {
        ReportQueries queries = warehouse.reports();
        LocalDate latest = queries.latestForecastDate();
        LocalDate to = end != null ? end : latest != null ? latest : LocalDate.now();
        LocalDate from = start != null ? start : to.minusYears(1).plusDays(1);
        if (to.isBefore(from)) {
            throw Errors.endBeforeStart(to, from);
        }
        ReportData data = queries.gather(horizon, from, to);
        Path file = dir.resolve("index.html");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, HtmlReport.render(data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "Report: %s  (fan charts %s..%s, horizon %d; open it in a browser, it needs no network)%n",
                file.toAbsolutePath(), from, to, horizon);
        return file;
    }

    /** Backfill state per commodity and model, the last batch and where everything is. */
    public StatusReport.Report status() {
        return StatusReport.build(warehouse);
    }

    /** One forecast's paths, [path][day], computed on the fly exactly as the backfill would; nothing is written. */
    public float[][] forecast(String commodity, String model, TrainFrequency frequency, LocalDate date) {
        return SingleForecast.compute(warehouse, commodity, model, frequency, date);
    }
}
