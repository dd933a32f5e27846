package hindcast.plan;

import hindcast.model.ForecastModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to do with each date of one valid request: skip the dates already complete, reject those no stored fit
 * can serve (with the reason), and compute the rest in chunks. A chunk covers {@code chunkSize} consecutive
 * calendar days and is written in one MERGE; its dates may use different fits (a fit's window boundary does not
 * split a chunk). A chunk with nothing to compute or reject is left out.
 */
public record ChunkPlan(long requested, long existing, int trainingWindows, List<Chunk> chunks) {

    /** A date to compute and the fit that serves it. */
    public record Forecast(LocalDate date, TrainedModel fit) {
    }

    /** A date that is not computed, and why. */
    public record DateRejection(LocalDate date, Rejection rejection) {
    }

    /** The dates of calendar days [from, to] that are not complete yet: to compute, or rejected. */
    public record Chunk(LocalDate from, LocalDate to, List<Forecast> forecasts, List<DateRejection> rejections) {

        public List<LocalDate> dates() {
            return forecasts.stream().map(Forecast::date).toList();
        }

        /** The train date of each of {@link #dates()}, in the same order. */
        public List<LocalDate> trainDates() {
            return forecasts.stream().map(f -> f.fit().trainDate()).toList();
        }

        /** The fits the chunk uses, by train date. */
        public Map<LocalDate, TrainedModel> fits() {
            Map<LocalDate, TrainedModel> fits = new LinkedHashMap<>();
            forecasts.forEach(f -> fits.put(f.fit().trainDate(), f.fit()));
            return fits;
        }

        /** Dates computed or rejected: those that were not complete. */
        public int handled() {
            return forecasts.size() + rejections.size();
        }
    }

    /** Dates of the request not found complete. */
    public long toGenerate() {
        return requested - existing;
    }

    /**
     * Plans a request that passed {@link RequestCheck}. {@code complete} holds the request's dates that already
     * have all their paths; {@code model} is the request's model, used to check once per fit that its stored
     * parameters can be restored, before any Spark job.
     */
    public static ChunkPlan of(ForecastPlanner planner, ForecastModel model, Set<LocalDate> complete, int chunkSize) {
        Request request = planner.request();
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
        }
        long existing = complete.stream()
                .filter(d -> !d.isBefore(request.startDate()) && !d.isAfter(request.endDate())).count();
        Map<LocalDate, Optional<Rejection>> unrestorable = new HashMap<>();
        List<Chunk> chunks = new ArrayList<>();
        for (LocalDate from = request.startDate(); !from.isAfter(request.endDate()); from = from.plusDays(chunkSize)) {
            LocalDate last = from.plusDays(chunkSize - 1L);
            LocalDate to = last.isBefore(request.endDate()) ? last : request.endDate();
            List<Forecast> forecasts = new ArrayList<>();
            List<DateRejection> rejections = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (complete.contains(d)) {
                    continue;
                }
                ForecastPlanner.Decision decision = planner.decide(d);
                TrainedModel fit = decision.model();
                Rejection rejection = decision.rejection() != null ? decision.rejection()
                        : unrestorable.computeIfAbsent(fit.trainDate(), t -> restoreCheck(request, model, fit))
                                .orElse(null);
                if (rejection != null) {
                    rejections.add(new DateRejection(d, rejection));
                } else {
                    forecasts.add(new Forecast(d, fit));
                }
            }
            if (!forecasts.isEmpty() || !rejections.isEmpty()) {
                chunks.add(new Chunk(from, to, List.copyOf(forecasts), List.copyOf(rejections)));
            }
        }
        return new ChunkPlan(request.days(), existing, planner.windowsBetween(request.startDate(), request.endDate()),
                List.copyOf(chunks));
    }

    private static Optional<Rejection> restoreCheck(Request request, ForecastModel model, TrainedModel fit) {
        try (var state = model.restore(fit.parameters(), fit.state())) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(Rejection.cannotRestore(request.modelVersion(), fit.trainDate(), e.getMessage()));
        }
    }
}
