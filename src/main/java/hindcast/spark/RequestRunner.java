package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.ModelFailure;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.model.TrainFrequency;
import hindcast.plan.ChunkPlan;
import hindcast.plan.ForecastPlanner;
import hindcast.plan.Freshness;
import hindcast.plan.StoredForecast;
import hindcast.plan.Rejection;
import hindcast.plan.Request;
import hindcast.plan.RequestCheck;
import hindcast.plan.TrainedModel;
import hindcast.progress.BackfillEvent;
import hindcast.progress.BackfillEvent.Counts;
import hindcast.progress.BackfillListener;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Works one request: reads what its plan ({@link ChunkPlan}) needs, then writes the plan's chunks, one MERGE
 * each, and records its rejections. Memory is bounded by a chunk, whatever the length of the request or the
 * size of the table.
 */
final class RequestRunner {
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
    RequestRunner(Warehouse warehouse, PrintStream out, BackfillListener listener) {
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

    Counts run(Request request, long batchId) {
        listener.on(new BackfillEvent.RequestStarted(request));
        Optional<Rejection> invalid = check.check(request);
        if (invalid.isEmpty() && market(request.commodity()).size() == 0) {
            invalid = Optional.of(Rejection.noMarketData(request.commodity()));
        }
        if (invalid.isPresent()) {
            errors.record(List.of(new ErrorLog.Entry(request, null, invalid.get())), batchId);
            Counts counts = new Counts(0, 0, 0, 0, request.days());
            listener.on(new BackfillEvent.RequestRejected(request.requestId(), invalid.get(), counts));
            return counts;
        }

        TrainFrequency frequency = TrainFrequency.parse(request.trainFrequency());
        if (settings.stream().trainMissing()) {
            trainer.train(request.commodity(), List.of(request.modelVersion()), frequency,
                    request.startDate(), request.endDate());
        }
        // Every train date that can serve a date of the request lies within one period before its start.
        NavigableMap<LocalDate, TrainedModel> trained = models.load(
                new ModelStore.Key(request.commodity(), request.modelVersion(), frequency.label()),
                request.startDate().minusYears(1), request.endDate());
        MarketSeries series = market(request.commodity());
        ForecastPlanner planner = new ForecastPlanner(request, series, trained,
                Freshness.of(settings.models().spec(request.modelVersion()), series),
                settings.forecast().minTrainingRows(), settings.forecast().maxDataStalenessDays());
        Map<LocalDate, StoredForecast> stored = index.load(request.commodity(), request.modelVersion(),
                request.startDate(), request.endDate());
        ChunkPlan plan = ChunkPlan.of(planner, settings.models().model(request.modelVersion()), stored,
                settings.forecast().paths(), settings.forecast().chunkSize());
        listener.on(new BackfillEvent.RequestPlanned(request.requestId(), plan.trainingWindows(), plan.requested(),
                plan.existing(), plan.stale(), plan.toGenerate(),
                plan.chunks().stream().mapToLong(c -> c.rejections().size()).sum()));

        Counts counts = new Counts(plan.requested(), plan.existing(), 0, 0, 0);
        long handled = 0;
        for (ChunkPlan.Chunk chunk : plan.chunks()) {
            long before = handled;
            counts = counts.plus(runChunk(request, chunk, batchId, computed -> listener.on(
                    new BackfillEvent.ForecastsHandled(request.requestId(), before + computed, plan.toGenerate()))));
            handled += chunk.handled();
            listener.on(new BackfillEvent.ForecastsHandled(request.requestId(), handled, plan.toGenerate()));
        }
        listener.on(new BackfillEvent.RequestDone(request.requestId(), counts, counts.written() * settings.forecast().paths()));
        return counts;
    }

    /** Writes one chunk and records its rejections; returns what it wrote and rejected. */
    private Counts runChunk(Request request, ChunkPlan.Chunk chunk, long batchId,
                            LongConsumer progress) {
        long t0 = System.nanoTime();
        List<ErrorLog.Entry> rejected = new ArrayList<>();
        chunk.rejections().forEach(r -> rejected.add(new ErrorLog.Entry(request, r.date(), r.rejection())));
        long written = 0;
        long rows = 0;
        if (!chunk.forecasts().isEmpty()) {
            ChunkJob job = new ChunkJob(request.modelVersion(), settings.models().spec(request.modelVersion()),
                    market(request.commodity()), chunk.dates(), chunk.trainDates(),
                    chunk.fingerprints(), chunk.fits(), settings.forecast().paths(),
                    Horizon.DAYS, Instant.now().truncatedTo(ChronoUnit.MICROS));
            try {
                rows = distributions.write(job, chunk.replaces(), partitions(), progress);
                written = chunk.forecasts().size();
            } catch (Exception e) { // SparkException is checked, so not a RuntimeException
                ModelFailure failure = ModelFailure.in(e).orElse(null);
                if (failure == null) {
                    throw e; // infrastructure: fail the batch; the stream replays it on restart
                }
                for (LocalDate d : chunk.dates()) {
                    rejected.add(new ErrorLog.Entry(request, d, Rejection.modelFailure(failure.getMessage())));
                }
            }
        }
        errors.record(rejected, batchId);
        listener.on(new BackfillEvent.ChunkWritten(request.requestId(), chunk.from(), chunk.to(), written, rows,
                rejected.size(), (System.nanoTime() - t0) / 1e9));
        return new Counts(0, 0, written, rows, rejected.size());
    }

    private int partitions() {
        // Two tasks per core by default: finer progress and balance, files still tens of MB per chunk.
        return settings.forecast().numPartitions() > 0 ? settings.forecast().numPartitions() : 2 * spark.sparkContext().defaultParallelism();
    }

    private MarketSeries market(String commodity) {
        return markets.get(commodity);
    }
}
