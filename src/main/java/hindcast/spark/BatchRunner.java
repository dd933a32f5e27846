package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.ModelFailure;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.model.TrainFrequency;
import hindcast.plan.ForecastPlanner;
import hindcast.plan.Freshness;
import hindcast.plan.Rejection;
import hindcast.plan.Request;
import hindcast.plan.RequestCheck;
import hindcast.plan.RequestPlan;
import hindcast.plan.StoredForecast;
import hindcast.plan.TrainedModel;
import hindcast.plan.WorkUnit;
import hindcast.progress.BackfillEvent;
import hindcast.progress.BackfillEvent.Counts;
import hindcast.progress.BackfillListener;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Works the requests of one micro-batch: checks each, trains what train-missing asks for, plans them together
 * ({@link RequestPlan}: each date once, one read of the fits and of the index per partition), then computes the
 * planned forecasts as {@link WorkUnit}s, one per (commodity, model). Units run at once on driver threads, each in
 * its own FAIR scheduler pool, at most {@code stream.max-concurrent-writes}: one unit's MERGE planning and commit
 * overlap another's computation, and units write different partitions, so their commits do not conflict.
 * Rejections, planned or model failures, are recorded in one write at the end.
 */
final class BatchRunner {
    /** Forecasts per Spark task with {@code forecast.chunk-size = auto}: a commit's ~1 s is then a few percent. */
    static final int AUTO_FORECASTS_PER_TASK = 1024;

    private final SparkSession spark;
    private final Settings settings;
    private final BackfillListener listener;
    private final RequestCheck check;
    private final ModelStore models;
    private final DistributionStore distributions;
    private final ForecastIndex index;
    private final ErrorLog errors;
    private final Trainer trainer;
    private final MarketCache markets;

    /** {@code out} takes the messages of training (train-missing); progress goes to {@code listener}. */
    BatchRunner(Warehouse warehouse, PrintStream out, BackfillListener listener) {
        this.spark = warehouse.spark();
        this.settings = warehouse.settings();
        this.listener = listener;
        this.check = new RequestCheck(settings.commodities(), settings.models(), settings.forecast().maxRequestDays());
        this.models = warehouse.models();
        this.distributions = warehouse.distributions();
        this.index = warehouse.index();
        this.errors = warehouse.errors();
        this.trainer = warehouse.trainer(out);
        this.markets = warehouse.marketCache();
    }

    /** Works the requests; returns what they did, added up. */
    Counts run(List<Request> requests, long batchId) {
        List<ErrorLog.Entry> rejected = Collections.synchronizedList(new ArrayList<>());
        Map<String, Counts> counts = new LinkedHashMap<>();
        List<RequestPlan> plans = plan(requests, rejected, counts);
        for (Tally t : compute(WorkUnit.of(plans), rejected)) {
            counts.merge(t.requestId, new Counts(0, 0, t.written, t.rows, t.failed), Counts::plus);
        }
        errors.record(rejected, batchId);
        index.compact(ForecastIndex.COMPACT_AT_FILES);
        for (RequestPlan plan : plans) {
            Counts c = counts.get(plan.request().requestId());
            listener.on(new BackfillEvent.RequestDone(plan.request().requestId(), c, c.written() * settings.forecast().paths()));
        }
        return counts.values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /**
     * Plans the valid requests in batch order (an earlier request's dates are not planned again by a later one);
     * rejections go to {@code rejected}, each request's planned counts to {@code counts}.
     */
    private List<RequestPlan> plan(List<Request> requests, List<ErrorLog.Entry> rejected, Map<String, Counts> counts) {
        List<Request> valid = new ArrayList<>();
        for (Request request : requests) {
            listener.on(new BackfillEvent.RequestStarted(request));
            Optional<Rejection> invalid = check.check(request);
            if (invalid.isEmpty() && markets.get(request.commodity()).size() == 0) {
                invalid = Optional.of(Rejection.noMarketData(request.commodity()));
            }
            if (invalid.isPresent()) {
                rejected.add(new ErrorLog.Entry(request, null, invalid.get()));
                Counts c = new Counts(0, 0, 0, 0, request.days());
                counts.merge(request.requestId(), c, Counts::plus);
                listener.on(new BackfillEvent.RequestRejected(request.requestId(), invalid.get(), c));
            } else {
                valid.add(request);
            }
        }
        if (settings.stream().trainMissing()) {
            trainMissing(valid);
        }
        // What planning reads: the fits and the index, each in one read over every partition and the union of the
        // batch's requests' ranges, both at once (each read is a small job, mostly driver latency). Every train date
        // that can serve a date of a request lies within one period before its start.
        Map<ModelStore.Key, DateSpan> fitSpans = new HashMap<>();
        spans(valid, BatchRunner::fitSeries).forEach((k, span) ->
                fitSpans.put(k, new DateSpan(span.from().minusYears(1), span.to())));
        Map<ModelStore.Key, NavigableMap<LocalDate, TrainedModel>> fits = new ConcurrentHashMap<>();
        Map<List<String>, Map<LocalDate, StoredForecast>> stored = new ConcurrentHashMap<>();
        DriverThreads.all(spark.sparkContext(), "hindcast-read", 2, List.<Callable<Void>>of(() -> {
            fits.putAll(models.load(fitSpans));
            return null;
        }, () -> {
            stored.putAll(index.load(spans(valid, r -> List.of(r.commodity(), r.modelVersion()))));
            return null;
        }));
        Map<List<String>, Freshness> freshness = new HashMap<>();
        Map<List<String>, Set<LocalDate>> claimed = new HashMap<>();
        List<RequestPlan> plans = new ArrayList<>();
        for (Request request : valid) {
            List<String> partition = List.of(request.commodity(), request.modelVersion());
            MarketSeries market = markets.get(request.commodity());
            ForecastPlanner planner = new ForecastPlanner(request, market, fits.get(fitSeries(request)),
                    freshness.computeIfAbsent(partition, k -> Freshness.of(settings.models().spec(request.modelVersion()), market)),
                    settings.forecast().minTrainingRows(), settings.forecast().maxDataStalenessDays());
            Set<LocalDate> taken = claimed.computeIfAbsent(partition, k -> new HashSet<>());
            RequestPlan plan = RequestPlan.of(planner, settings.models().model(request.modelVersion()),
                    stored.get(partition),
                    settings.forecast().paths(), taken);
            plan.forecasts().forEach(f -> taken.add(f.date()));
            plan.rejections().forEach(r -> rejected.add(new ErrorLog.Entry(request, r.date(), r.rejection())));
            counts.merge(request.requestId(), new Counts(plan.requested(), plan.existing(), 0, 0, plan.rejections().size()),
                    Counts::plus);
            listener.on(new BackfillEvent.RequestPlanned(request.requestId(), plan.trainingWindows(), plan.requested(),
                    plan.existing(), plan.stale(), plan.toGenerate(), plan.rejections().size()));
            plans.add(plan);
        }
        return plans;
    }

    /**
     * Trains the fits the requests need and that are not stored fresh: every commodity's and model's train dates
     * (the union over its requests) in one call, so the fits run as one job and are stored in one commit.
     */
    private void trainMissing(List<Request> requests) {
        Map<String, Map<List<String>, Trainer.Wanted>> byCommodity = new LinkedHashMap<>();
        for (Request r : requests) {
            Trainer.Wanted w = Trainer.Wanted.over(r.modelVersion(), TrainFrequency.parse(r.trainFrequency()),
                    r.startDate(), r.endDate());
            byCommodity.computeIfAbsent(r.commodity(), c -> new LinkedHashMap<>())
                    .merge(List.of(r.modelVersion(), w.frequency().label()), w, Trainer.Wanted::plus);
        }
        Map<String, List<Trainer.Wanted>> wanted = new LinkedHashMap<>();
        byCommodity.forEach((commodity, w) -> wanted.put(commodity, List.copyOf(w.values())));
        trainer.train(wanted);
    }

    /** The union of the date ranges of the requests sharing each key. */
    private static <K> Map<K, DateSpan> spans(List<Request> requests, Function<Request, K> key) {
        Map<K, DateSpan> spans = new LinkedHashMap<>();
        for (Request r : requests) {
            spans.merge(key.apply(r), new DateSpan(r.startDate(), r.endDate()), DateSpan::union);
        }
        return spans;
    }

    /** The fit series a request reads: its train frequency by label, however the request spelled it. */
    private static ModelStore.Key fitSeries(Request r) {
        return new ModelStore.Key(r.commodity(), r.modelVersion(), TrainFrequency.parse(r.trainFrequency()).label());
    }

    /** What a unit did for one request. */
    private record Tally(String requestId, long written, long rows, long failed) {
    }

    /**
     * Computes the units, at most {@code stream.max-concurrent-writes} at once. When one fails (an infrastructure
     * error, not a model's), the others still finish their commits; then the batch fails with the first error and
     * the stream replays it.
     */
    private List<Tally> compute(List<WorkUnit> units, List<ErrorLog.Entry> rejected) {
        if (units.isEmpty()) {
            return List.of();
        }
        int concurrent = Math.min(settings.stream().maxConcurrentWrites(), units.size());
        long batchForecasts = units.stream().mapToLong(u -> u.forecasts().size()).sum();
        List<Callable<List<Tally>>> work = units.stream().<Callable<List<Tally>>>map(unit ->
                () -> computeUnit(unit, batchForecasts, units.size(), concurrent, rejected)).toList();
        return DriverThreads.all(spark.sparkContext(), "hindcast-unit", concurrent, work).stream()
                .flatMap(List::stream).toList();
    }

    /** Writes one unit's chunks one after the other (one writer per partition); runs on a unit thread. */
    private List<Tally> computeUnit(WorkUnit unit, long batchForecasts, int units, int concurrent,
                                    List<ErrorLog.Entry> rejected) {
        SparkContext sc = spark.sparkContext();
        sc.setLocalProperty("spark.scheduler.pool", unit.name());
        sc.setCallSite(unit.name()); // names the unit's jobs in logs and the Spark UI
        long t0 = System.nanoTime();
        List<WorkUnit.Chunk> chunks = unit.chunks(chunkSize());
        long total = unit.forecasts().size();
        listener.on(new BackfillEvent.UnitStarted(unit.name(), total, chunks.size(), batchForecasts, units, concurrent));
        Map<String, long[]> byRequest = new LinkedHashMap<>(); // request id -> written, rows, failed
        long handled = 0;
        long[] sum = new long[3];
        for (WorkUnit.Chunk chunk : chunks) {
            long before = handled;
            long[] done = writeChunk(unit, chunk, rejected, byRequest, computed -> listener.on(
                    new BackfillEvent.ForecastsHandled(unit.name(), before + computed, total)));
            handled += chunk.forecasts().size();
            for (int k = 0; k < 3; k++) {
                sum[k] += done[k];
            }
            listener.on(new BackfillEvent.ForecastsHandled(unit.name(), handled, total));
        }
        listener.on(new BackfillEvent.UnitDone(unit.name(), sum[0], sum[1], sum[2], (System.nanoTime() - t0) / 1e9));
        return byRequest.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }

    /** Writes one chunk; returns forecasts written, rows written and forecasts failed, also added to byRequest. */
    private long[] writeChunk(WorkUnit unit, WorkUnit.Chunk chunk, List<ErrorLog.Entry> rejected,
                              Map<String, long[]> byRequest, LongConsumer progress) {
        long t0 = System.nanoTime();
        List<WorkUnit.Owned> owned = chunk.forecasts();
        ChunkJob job = new ChunkJob(unit.modelVersion(), settings.models().spec(unit.modelVersion()),
                markets.get(unit.commodity()), chunk.dates(), chunk.trainDates(), chunk.fingerprints(), chunk.fits(),
                settings.forecast().paths(), Horizon.DAYS, Instant.now().truncatedTo(ChronoUnit.MICROS));
        long rows;
        try {
            rows = distributions.write(job, chunk.replaces(), partitions(), progress);
        } catch (Exception e) { // SparkException is checked, so not a RuntimeException
            ModelFailure failure = ModelFailure.in(e).orElse(null);
            if (failure == null) {
                throw e; // infrastructure: fail the batch; the stream replays it on restart
            }
            for (WorkUnit.Owned o : owned) {
                rejected.add(new ErrorLog.Entry(o.request(), o.date(), Rejection.modelFailure(failure.getMessage())));
                byRequest.computeIfAbsent(o.request().requestId(), k -> new long[3])[2]++;
            }
            listener.on(new BackfillEvent.ChunkWritten(unit.name(), chunk.from(), chunk.to(), 0, 0, owned.size(),
                    (System.nanoTime() - t0) / 1e9));
            return new long[]{0, 0, owned.size()};
        }
        // Rows are counted per commit; a request's share is its forecasts' share (exact unless a replay found rows).
        int n = owned.size();
        for (int i = 0; i < n; i++) {
            long[] t = byRequest.computeIfAbsent(owned.get(i).request().requestId(), k -> new long[3]);
            t[0]++;
            t[1] += rows * (i + 1) / n - rows * i / n;
        }
        listener.on(new BackfillEvent.ChunkWritten(unit.name(), chunk.from(), chunk.to(), n, rows, 0,
                (System.nanoTime() - t0) / 1e9));
        return new long[]{n, rows, 0};
    }

    /** Forecasts per commit: {@code forecast.chunk-size}, or with {@code auto} enough to keep each task busy. */
    private int chunkSize() {
        int configured = settings.forecast().chunkSize();
        return configured > 0 ? configured : AUTO_FORECASTS_PER_TASK * partitions();
    }

    private int partitions() {
        // Two tasks per core by default: finer progress and balance, files still tens of MB per chunk.
        return settings.forecast().numPartitions() > 0 ? settings.forecast().numPartitions()
                : 2 * spark.sparkContext().defaultParallelism();
    }
}
