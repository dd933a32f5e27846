package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;
import hindcast.model.TrainFrequency;
import hindcast.plan.Freshness;
import hindcast.plan.TrainedModel;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits each model at each train date T of a schedule on data dated on or before T-1, and stores the fits.
 * Every (model, T) fit is its own Spark task, so the many small per-window fits run in parallel on the
 * executors (an XGBoost fit is single-threaded and deterministic: one core per fit, not one fit across
 * the cluster); the fits come back to the driver and are inserted in one MERGE per model.
 */
public final class Trainer {
    private final SparkSession spark;
    private final Settings settings;
    private final MarketStore market;
    private final ModelStore store;
    private final PrintStream out;

    Trainer(SparkSession spark, Settings settings, MarketStore market, ModelStore store, PrintStream out) {
        this.spark = spark;
        this.settings = settings;
        this.market = market;
        this.store = store;
        this.out = out;
    }

    /** What one train call did. */
    public record Result(int fitted, List<String> failures) {
        /** This result, or a failure naming every fit that failed (the fits that succeeded are stored). */
        public Result orThrow() {
            if (!failures.isEmpty()) {
                throw Errors.failedFits(failures);
            }
            return this;
        }
    }

    /** One fit for an executor: the model's registry entry and its train date. */
    record FitJob(String modelVersion, ModelSpec spec, LocalDate trainDate) implements Serializable {
    }

    /** A fit, or the reason it failed (the model's own error message). */
    record FitResult(FitJob job, TrainedModel model, String error) implements Serializable {
    }

    /**
     * Fits what is not stored fresh: missing fits, and stored ones made by another definition of the model or
     * from market data that has changed since ({@link Freshness}), which the new fits replace. Fresh stored fits
     * are kept as they are. A fit that fails is reported with its model, train date and reason and stores nothing
     * (a stale fit it would have replaced stays, and stays stale); the other fits are stored.
     */
    public Result train(String commodity, List<String> modelVersions, TrainFrequency frequency, LocalDate start,
                        LocalDate end) {
        if (!settings.commodities().contains(commodity)) {
            throw Errors.unknownCommodity(commodity, settings.commodities());
        }
        if (end.isBefore(start)) {
            throw Errors.endBeforeStart(end, start);
        }
        MarketSeries series = market.load(commodity);
        if (series.size() == 0) {
            throw Errors.noMarketData(commodity);
        }
        List<LocalDate> schedule = frequency.schedule(start, end);
        Map<String, Freshness> freshness = new LinkedHashMap<>();
        Map<String, Replaced> replaced = new LinkedHashMap<>();
        Map<String, List<LocalDate>> tooShort = new LinkedHashMap<>();
        List<FitJob> jobs = new ArrayList<>();
        for (String version : modelVersions) {
            ModelSpec spec = settings.models().spec(version);
            Freshness now = Freshness.of(spec, series); // a bad registry entry fails here, once, not in every task
            freshness.put(version, now);
            Map<LocalDate, TrainedModel> have = store.loadWithoutState(key(commodity, version, frequency), start, end);
            Replaced old = new Replaced();
            replaced.put(version, old);
            List<LocalDate> shortOnes = new ArrayList<>();
            tooShort.put(version, shortOnes);
            for (LocalDate t : schedule) {
                TrainedModel stored = have.get(t);
                if (stored != null && now.isFresh(stored)) {
                    old.fresh++;
                    continue;
                }
                if (stored != null && now.definitionChanged(stored)) {
                    old.changed++;
                } else if (stored != null) {
                    old.stale++;
                }
                if (series.cutAt(t.minusDays(1)).size() < settings.forecast().minTrainingRows()) {
                    shortOnes.add(t);
                } else {
                    jobs.add(new FitJob(version, spec, t));
                }
            }
        }
        Map<String, List<FitResult>> results = fit(series, jobs);
        int fitted = 0;
        List<String> failures = new ArrayList<>();
        for (String version : modelVersions) {
            List<TrainedModel> fits = new ArrayList<>();
            Map<String, List<LocalDate>> failed = new TreeMap<>();
            Freshness now = freshness.get(version);
            for (FitResult r : results.getOrDefault(version, List.of())) {
                if (r.error() == null) {
                    LocalDate t = r.job().trainDate();
                    fits.add(r.model().madeBy(now.definition(), now.fitInputs(t)));
                } else {
                    failed.computeIfAbsent(r.error(), e -> new ArrayList<>()).add(r.job().trainDate());
                }
            }
            store.store(key(commodity, version, frequency), settings.models().spec(version).type(), fits);
            fitted += fits.size();
            Replaced old = replaced.get(version);
            out.printf("Trained %s / %s (%s): %d train dates, %d fitted, %d already stored%s%n",
                    commodity, version, frequency.label(), schedule.size(), fits.size(), old.fresh, old.describe());
            if (!tooShort.get(version).isEmpty()) {
                out.printf("  skipped %d train date(s) with fewer than %d observations before them: %s%n",
                        tooShort.get(version).size(), settings.forecast().minTrainingRows(), abbreviate(tooShort.get(version)));
            }
            failed.forEach((reason, dates) -> {
                String line = commodity + " / " + version + ": fit failed at " + abbreviate(dates) + ": " + reason;
                failures.add(line);
                out.println("  " + line);
            });
        }
        return new Result(fitted, failures);
    }

    /** Stored fits found not fresh, which new fits replace. */
    private static final class Replaced {
        int fresh;
        int changed;
        int stale;

        String describe() {
            List<String> parts = new ArrayList<>();
            if (changed > 0) {
                parts.add(changed + " of a changed definition");
            }
            if (stale > 0) {
                parts.add(stale + " trained on data changed since");
            }
            return parts.isEmpty() ? "" : "; replacing " + String.join(" and ", parts);
        }
    }

    /** Runs the fits as one Spark job, a task per fit; the series is broadcast once. */
    private Map<String, List<FitResult>> fit(MarketSeries series, List<FitJob> jobs) {
        Map<String, List<FitResult>> byVersion = new LinkedHashMap<>();
        if (jobs.isEmpty()) {
            return byVersion;
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<MarketSeries> shared = sc.broadcast(series);
        try {
            sc.setJobDescription("train " + jobs.size() + " fit(s) of " + series.commodity());
            for (FitResult r : sc.parallelize(jobs, jobs.size()).map(new Fit(shared)).collect()) {
                byVersion.computeIfAbsent(r.job().modelVersion(), v -> new ArrayList<>()).add(r);
            }
        } finally {
            sc.setJobDescription(null);
            shared.destroy();
        }
        return byVersion;
    }

    /** Executor side: cut the series at T-1, fit, return parameters and state (native resources closed). */
    private static final class Fit implements Function<FitJob, FitResult> {
        private final Broadcast<MarketSeries> series;

        Fit(Broadcast<MarketSeries> series) {
            this.series = series;
        }

        @Override
        public FitResult call(FitJob job) {
            MarketSeries training = series.value().cutAt(job.trainDate().minusDays(1));
            try (var state = job.spec().newModel().fit(training)) {
                return new FitResult(job, new TrainedModel(job.trainDate(), state.parameters(), training.size(),
                        state.state()), null);
            } catch (RuntimeException e) {
                return new FitResult(job, null, e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
    }

    private static ModelStore.Key key(String commodity, String version, TrainFrequency frequency) {
        return new ModelStore.Key(commodity, version, frequency.label());
    }

    private static String abbreviate(List<LocalDate> dates) {
        return dates.size() <= 4 ? dates.toString()
                : "[" + dates.get(0) + ", " + dates.get(1) + ", ..., " + dates.get(dates.size() - 1) + "]";
    }
}
