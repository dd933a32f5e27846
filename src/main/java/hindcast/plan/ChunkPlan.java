package hindcast.plan;

import hindcast.model.ForecastModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to do with each date of one valid request: skip the dates whose forecast is stored, complete and fresh
 * ({@link StoredForecast#isFresh}), reject those no fresh stored fit can serve (with the reason), and compute the
 * rest in chunks, replacing what is stored of a stale one. A chunk covers {@code chunkSize} consecutive calendar
 * days and is written in one MERGE; its dates may use different fits (a fit's window boundary does not split a
 * chunk). A chunk with nothing to compute or reject is left out.
 */
public record ChunkPlan(long requested, long existing, long stale, int trainingWindows, List<Chunk> chunks) {

    /**
     * A date to compute, the fit that serves it and the fingerprint its rows will carry; {@code replaces} when
     * rows of an older (stale or incomplete) forecast of the date are stored.
     */
    public record Forecast(LocalDate date, TrainedModel fit, String fingerprint, boolean replaces) {
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

        /** The fingerprint of each of {@link #dates()}, in the same order. */
        public List<String> fingerprints() {
            return forecasts.stream().map(Forecast::fingerprint).toList();
        }

        /** Whether some forecast of the chunk replaces stored rows (the write must update, not only insert). */
        public boolean replaces() {
            return forecasts.stream().anyMatch(Forecast::replaces);
        }

        /** The fits the chunk uses, by train date. */
        public Map<LocalDate, TrainedModel> fits() {
            Map<LocalDate, TrainedModel> fits = new LinkedHashMap<>();
            forecasts.forEach(f -> fits.put(f.fit().trainDate(), f.fit()));
            return fits;
        }

        /** Dates computed or rejected: those that were not complete and fresh. */
        public int handled() {
            return forecasts.size() + rejections.size();
        }
    }

    /** Dates of the request not found complete and fresh. */
    public long toGenerate() {
        return requested - existing;
    }

    /**
     * Plans a request that passed {@link RequestCheck}. {@code stored} holds the request's dates that have rows
     * (from the forecast index); {@code model} is the request's model, used to check once per fit that its stored
     * parameters can be restored, before any Spark job.
     */
    public static ChunkPlan of(ForecastPlanner planner, ForecastModel model, Map<LocalDate, StoredForecast> stored,
                               int paths, int chunkSize) {
        Request request = planner.request();
        Freshness freshness = planner.freshness();
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
        }
        long existing = 0;
        long stale = 0;
        Map<LocalDate, Optional<Rejection>> unrestorable = new HashMap<>();
        List<Chunk> chunks = new ArrayList<>();
        for (LocalDate from = request.startDate(); !from.isAfter(request.endDate()); from = from.plusDays(chunkSize)) {
            LocalDate last = from.plusDays(chunkSize - 1L);
            LocalDate to = last.isBefore(request.endDate()) ? last : request.endDate();
            List<Forecast> forecasts = new ArrayList<>();
            List<DateRejection> rejections = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                StoredForecast old = stored.get(d);
                if (old != null && old.isFresh(freshness, paths)) {
                    existing++;
                    continue;
                }
                if (old != null) {
                    stale++;
                }
                ForecastPlanner.Decision decision = planner.decide(d);
                TrainedModel fit = decision.model();
                Rejection rejection = decision.rejection() != null ? decision.rejection()
                        : unrestorable.computeIfAbsent(fit.trainDate(), t -> restoreCheck(request, model, fit))
                                .orElse(null);
                if (rejection != null) {
                    rejections.add(new DateRejection(d, rejection));
                } else {
                    forecasts.add(new Forecast(d, fit, freshness.forecast(fit.trainDate(), d), old != null));
                }
            }
            if (!forecasts.isEmpty() || !rejections.isEmpty()) {
                chunks.add(new Chunk(from, to, List.copyOf(forecasts), List.copyOf(rejections)));
            }
        }
        return new ChunkPlan(request.days(), existing, stale, planner.windowsBetween(request.startDate(), request.endDate()),
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
