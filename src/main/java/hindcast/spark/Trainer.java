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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits each model at each train date T of a schedule on data dated on or before T-1, and stores the fits.
 * Every (model, T) fit is its own Spark task, so the many small per-window fits run in parallel on the
 * executors (an XGBoost fit is single-threaded and deterministic: one core per fit, not one fit across
 * the cluster); the fits come back to the driver and are stored in one MERGE.
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

    /** The fits a model needs at some train dates of one frequency (a schedule, or several merged). */
    public record Wanted(String modelVersion, TrainFrequency frequency, SortedSet<LocalDate> trainDates) {
        /** The train dates that serve [start, end] ({@link TrainFrequency#schedule}). */
        public static Wanted over(String modelVersion, TrainFrequency frequency, LocalDate start, LocalDate end) {
            return new Wanted(modelVersion, frequency, new TreeSet<>(frequency.schedule(start, end)));
        }

        /** This and {@code other} (same model and frequency): the union of their train dates. */
        Wanted plus(Wanted other) {
            SortedSet<LocalDate> dates = new TreeSet<>(trainDates);
            dates.addAll(other.trainDates);
            return new Wanted(modelVersion, frequency, dates);
        }

        ModelStore.Key key(String commodity) {
            return new ModelStore.Key(commodity, modelVersion, frequency.label());
        }
    }

    /** One fit for an executor: its commodity, the model's registry entry, its train frequency and train date. */
    record FitJob(String commodity, String modelVersion, String frequency, ModelSpec spec, LocalDate trainDate)
            implements Serializable {
    }

    /** A fit, or the reason it failed (the model's own error message). */
    record FitResult(FitJob job, TrainedModel model, String error) implements Serializable {
    }

    /** {@link #train(Map)} of each model at the train dates of [start, end], for each commodity. */
    public Result train(List<String> commodities, List<String> modelVersions, TrainFrequency frequency,
                        LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw Errors.endBeforeStart(end, start);
        }
        Map<String, List<Wanted>> wanted = new LinkedHashMap<>();
        for (String commodity : commodities) {
            wanted.put(commodity, modelVersions.stream().map(m -> Wanted.over(m, frequency, start, end)).toList());
        }
        return train(wanted);
    }

    /**
     * Fits what is not stored fresh: missing fits, and stored ones made by another definition of the model or
     * from market data that has changed since ({@link Freshness}), which the new fits replace. Fresh stored fits
     * are kept as they are. A fit that fails is reported with its model, train date and reason and stores nothing
     * (a stale fit it would have replaced stays, and stays stale); the other fits are stored. The stored fits are
     * read once per commodity; all fits, of every commodity and model, run as one Spark job (so one commodity's
     * long fits overlap another's) and are stored in one commit.
     */
    public Result train(Map<String, List<Wanted>> wantedByCommodity) {
        Map<String, MarketSeries> series = new LinkedHashMap<>();
        Map<String, Planned> planned = new LinkedHashMap<>();
        List<FitJob> jobs = new ArrayList<>();
        wantedByCommodity.forEach((commodity, wanted) -> {
            if (!settings.commodities().contains(commodity)) {
                throw Errors.unknownCommodity(commodity, settings.commodities());
            }
            MarketSeries s = market.load(commodity);
            if (s.size() == 0) {
                throw Errors.noMarketData(commodity);
            }
            if (!wanted.isEmpty()) {
                Planned p = plan(commodity, s, wanted);
                planned.put(commodity, p);
                jobs.addAll(p.jobs);
                if (!p.jobs.isEmpty()) {
                    series.put(commodity, s); // only the series some fit reads are broadcast
                }
            }
        });
        Map<List<String>, List<FitResult>> results = fit(series, jobs);
        List<ModelStore.Fit> fits = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        planned.forEach((commodity, p) -> report(commodity, p, results, fits, failures));
        store.store(fits);
        return new Result(fits.size(), failures);
    }

    /** What one commodity needs fitted, and what its stored fits were. */
    private record Planned(List<Wanted> wanted, Map<Wanted, Freshness> freshness, Map<Wanted, Replaced> replaced,
                           Map<Wanted, List<LocalDate>> tooShort, List<FitJob> jobs) {
    }

    private Planned plan(String commodity, MarketSeries series, List<Wanted> wanted) {
        Map<ModelStore.Key, NavigableMap<LocalDate, TrainedModel>> stored = store.loadWithoutState(
                wanted.stream().map(w -> w.key(commodity)).toList(),
                wanted.stream().map(w -> w.trainDates().first()).min(LocalDate::compareTo).orElseThrow(),
                wanted.stream().map(w -> w.trainDates().last()).max(LocalDate::compareTo).orElseThrow());
        Planned p = new Planned(wanted, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new ArrayList<>());
        for (Wanted w : wanted) {
            ModelSpec spec = settings.models().spec(w.modelVersion());
            Freshness now = Freshness.of(spec, series); // a bad registry entry fails here, once, not in every task
            p.freshness.put(w, now);
            Map<LocalDate, TrainedModel> have = stored.getOrDefault(w.key(commodity), new TreeMap<>());
            Replaced old = new Replaced();
            p.replaced.put(w, old);
            List<LocalDate> shortOnes = new ArrayList<>();
            p.tooShort.put(w, shortOnes);
            for (LocalDate t : w.trainDates()) {
                TrainedModel fit = have.get(t);
                if (fit != null && now.isFresh(fit)) {
                    old.fresh++;
                    continue;
                }
                if (fit != null && now.definitionChanged(fit)) {
                    old.changed++;
                } else if (fit != null) {
                    old.stale++;
                }
                if (series.cutAt(t.minusDays(1)).size() < settings.forecast().minTrainingRows()) {
                    shortOnes.add(t);
                } else {
                    p.jobs.add(new FitJob(commodity, w.modelVersion(), w.frequency().label(), spec, t));
                }
            }
        }
        return p;
    }

    /** Prints what the commodity's fits did; adds its fits to {@code fits} and its failures to {@code failures}. */
    private void report(String commodity, Planned p, Map<List<String>, List<FitResult>> results,
                        List<ModelStore.Fit> fits, List<String> failures) {
        for (Wanted w : p.wanted) {
            int fitted = 0;
            Map<String, List<LocalDate>> failed = new TreeMap<>();
            Freshness now = p.freshness.get(w);
            String type = settings.models().spec(w.modelVersion()).type();
            for (FitResult r : results.getOrDefault(List.of(commodity, w.modelVersion(), w.frequency().label()),
                    List.of())) {
                if (r.error() == null) {
                    LocalDate t = r.job().trainDate();
                    fits.add(new ModelStore.Fit(w.key(commodity), type, r.model().madeBy(now.definition(), now.fitInputs(t))));
                    fitted++;
                } else {
                    failed.computeIfAbsent(r.error(), e -> new ArrayList<>()).add(r.job().trainDate());
                }
            }
            Replaced old = p.replaced.get(w);
            out.printf("Trained %s / %s (%s): %d train dates, %d fitted, %d already stored%s%n", commodity,
                    w.modelVersion(), w.frequency().label(), w.trainDates().size(), fitted, old.fresh, old.describe());
            if (!p.tooShort.get(w).isEmpty()) {
                out.printf("  skipped %d train date(s) with fewer than %d observations before them: %s%n",
                        p.tooShort.get(w).size(), settings.forecast().minTrainingRows(), abbreviate(p.tooShort.get(w)));
            }
            failed.forEach((reason, dates) -> {
                String line = commodity + " / " + w.modelVersion() + ": fit failed at " + abbreviate(dates) + ": " + reason;
                failures.add(line);
                out.println("  " + line);
            });
        }
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

    /**
     * Runs the fits as one Spark job, a task per fit; the series are broadcast once. By (commodity, model,
     * frequency).
     */
    private Map<List<String>, List<FitResult>> fit(Map<String, MarketSeries> series, List<FitJob> jobs) {
        Map<List<String>, List<FitResult>> byVersion = new LinkedHashMap<>();
        if (jobs.isEmpty()) {
            return byVersion;
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Map<String, MarketSeries>> shared = sc.broadcast(new HashMap<>(series));
        try {
            sc.setJobDescription("train " + jobs.size() + " fit(s) of " + String.join(", ", series.keySet()));
            for (FitResult r : sc.parallelize(jobs, jobs.size()).map(new Fit(shared)).collect()) {
                byVersion.computeIfAbsent(List.of(r.job().commodity(), r.job().modelVersion(), r.job().frequency()),
                        v -> new ArrayList<>()).add(r);
            }
        } finally {
            sc.setJobDescription(null);
            shared.destroy();
        }
        return byVersion;
    }

    /** Executor side: cut the series at T-1, fit, return parameters and state (native resources closed). */
    private static final class Fit implements Function<FitJob, FitResult> {
        private final Broadcast<Map<String, MarketSeries>> series;

        Fit(Broadcast<Map<String, MarketSeries>> series) {
            this.series = series;
        }

        @Override
        public FitResult call(FitJob job) {
            MarketSeries training = series.value().get(job.commodity()).cutAt(job.trainDate().minusDays(1));
            try (var state = job.spec().newModel().fit(training)) {
                return new FitResult(job, new TrainedModel(job.trainDate(), state.parameters(), training.size(),
                        state.state()), null);
            } catch (RuntimeException e) {
                return new FitResult(job, null, e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
    }

    private static String abbreviate(List<LocalDate> dates) {
        return dates.size() <= 4 ? dates.toString()
                : "[" + dates.get(0) + ", " + dates.get(1) + ", ..., " + dates.get(dates.size() - 1) + "]";
    }
}
