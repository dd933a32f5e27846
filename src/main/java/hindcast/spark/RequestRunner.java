package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.model.TrainFrequency;
import hindcast.plan.ForecastPlanner;
import hindcast.plan.Rejection;
import hindcast.plan.Request;
import hindcast.plan.RequestCheck;
import hindcast.plan.TrainedModel;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Works one request: expands it into forecast dates, skips those already complete, rejects those that
 * cannot be served, and computes the rest in chunks of {@code chunk-size} dates, one MERGE per chunk.
 * Memory is bounded by a chunk, whatever the length of the request or the size of the table.
 */
final class RequestRunner {
    private final SparkSession spark;
    private final Settings settings;
    private final PrintStream out;
    private final RequestCheck check;
    private final ModelStore models;
    private final DistributionStore distributions;
    private final ErrorLog errors;
    private final Trainer trainer;
    private final MarketCache markets;

    RequestRunner(Warehouse warehouse, PrintStream out) {
        this.spark = warehouse.spark();
        this.settings = warehouse.settings();
        this.out = out;
        this.check = new RequestCheck(settings.commodities(), settings.models(), settings.maxRequestDays());
        this.models = warehouse.models();
        this.distributions = warehouse.distributions();
        this.errors = warehouse.errors();
        this.trainer = warehouse.trainer(out);
        this.markets = warehouse.marketCache();
    }

    /** Counts of one request's work. */
    static final class Tally {
        long requested;
        long existing;
        long written;
        long rows;
        long rejected;

        void add(Tally t) {
            requested += t.requested;
            existing += t.existing;
            written += t.written;
            rows += t.rows;
            rejected += t.rejected;
        }
    }

    Tally run(Request request, long batchId) {
        Tally tally = new Tally();
        out.println("Processing " + request.describe() + "  " + request.startDate() + ".." + request.endDate()
                + "  [request " + request.requestId() + "]");
        Optional<Rejection> invalid = check.check(request);
        if (invalid.isEmpty() && market(request.commodity()).size() == 0) {
            invalid = Optional.of(new Rejection(Rejection.Kind.NO_MARKET_DATA, "no market data for "
                    + request.commodity() + "; run: scripts/hindcast ingest --commodity " + request.commodity()
                    + " --prices FILE"));
        }
        if (invalid.isPresent()) {
            errors.record(List.of(new ErrorLog.Entry(request, null, invalid.get())), batchId);
            out.println("  Rejected: " + invalid.get().kind() + ": " + invalid.get().reason());
            tally.rejected = request.days();
            return tally;
        }

        TrainFrequency frequency = TrainFrequency.parse(request.trainFrequency());
        if (settings.trainMissing()) {
            trainer.train(request.commodity(), List.of(request.modelVersion()), frequency,
                    request.startDate(), request.endDate());
        }
        // Every train date that can serve a date of the request lies within one period before its start.
        NavigableMap<LocalDate, TrainedModel> trained = models.load(
                new ModelStore.Key(request.commodity(), request.modelVersion(), frequency.label()),
                request.startDate().minusYears(1), request.endDate());
        ForecastPlanner planner = new ForecastPlanner(request, market(request.commodity()), trained,
                settings.minTrainingRows(), settings.maxDataStalenessDays());

        tally.requested = request.days();
        tally.existing = distributions.countComplete(request.commodity(), request.modelVersion(),
                request.startDate(), request.endDate());
        out.printf(Locale.ROOT, "  Training windows: %d    Forecast dates: %d    Already exist: %d    To generate: %d%n",
                planner.windowsBetween(request.startDate(), request.endDate()), tally.requested, tally.existing,
                tally.requested - tally.existing);

        Progress progress = new Progress(out, tally.requested - tally.existing);
        long handled = 0;
        if (tally.existing < tally.requested) {
            for (LocalDate from = request.startDate(); !from.isAfter(request.endDate());
                 from = from.plusDays(settings.chunkSize())) {
                LocalDate to = min(from.plusDays(settings.chunkSize() - 1L), request.endDate());
                long before = handled;
                handled += runChunk(request, planner, from, to, tally.existing > 0, batchId, tally,
                        computed -> progress.update(before + computed));
                progress.update(handled);
            }
        }
        out.printf(Locale.ROOT, "Complete: rows written %,d (expected %,d), forecasts %,d, rejected %,d%n",
                tally.rows, tally.written * settings.paths(), tally.written, tally.rejected);
        return tally;
    }

    /** Returns the number of dates handled (computed or rejected), i.e. not found complete. */
    private long runChunk(Request request, ForecastPlanner planner, LocalDate from, LocalDate to,
                          boolean mayExist, long batchId, Tally tally, LongConsumer progress) {
        Set<LocalDate> done = mayExist
                ? distributions.completeDates(request.commodity(), request.modelVersion(), from, to)
                : Set.of();
        List<LocalDate> dates = new ArrayList<>();
        List<LocalDate> trainDates = new ArrayList<>();
        Map<LocalDate, TrainedModel> fits = new LinkedHashMap<>();
        Map<LocalDate, Optional<Rejection>> unusable = new HashMap<>(); // checked once per train date
        List<ErrorLog.Entry> rejected = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (done.contains(d)) {
                continue;
            }
            ForecastPlanner.Decision decision = planner.decide(d);
            Rejection rejection = decision.rejection() != null ? decision.rejection()
                    : unusable.computeIfAbsent(decision.model().trainDate(), t -> unusable(request, decision.model()))
                            .orElse(null);
            if (rejection != null) {
                rejected.add(new ErrorLog.Entry(request, d, rejection));
            } else {
                dates.add(d);
                trainDates.add(decision.model().trainDate());
                fits.put(decision.model().trainDate(), decision.model());
            }
        }
        if (!dates.isEmpty()) {
            ChunkJob job = new ChunkJob(request.modelVersion(), settings.models().spec(request.modelVersion()),
                    market(request.commodity()), dates, trainDates, fits, settings.paths(),
                    Horizon.DAYS, Instant.now().truncatedTo(ChronoUnit.MICROS));
            try {
                tally.rows += distributions.write(job, partitions(), progress);
                tally.written += dates.size();
            } catch (RuntimeException e) {
                String failure = ForecastRows.ModelFailure.find(e);
                if (failure == null) {
                    throw e; // infrastructure: fail the batch; the stream replays it on restart
                }
                for (LocalDate d : dates) {
                    rejected.add(new ErrorLog.Entry(request, d,
                            new Rejection(Rejection.Kind.MODEL_FAILURE, failure)));
                }
            }
        }
        errors.record(rejected, batchId);
        tally.rejected += rejected.size();
        return ChronoUnit.DAYS.between(from, to) + 1 - done.size();
    }

    /** Stored parameters the model cannot restore fail here, on the driver, before any Spark job. */
    private Optional<Rejection> unusable(Request request, TrainedModel model) {
        try (var state = settings.models().model(request.modelVersion()).restore(model.parameters(), model.state())) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new Rejection(Rejection.Kind.MODEL_FAILURE, "the " + request.modelVersion() + " model trained at "
                    + model.trainDate() + " cannot be restored: " + e.getMessage()));
        }
    }

    private int partitions() {
        // Two tasks per core by default: finer progress and balance, files still tens of MB per chunk.
        return settings.numPartitions() > 0 ? settings.numPartitions() : 2 * spark.sparkContext().defaultParallelism();
    }

    private MarketSeries market(String commodity) {
        return markets.get(commodity);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
