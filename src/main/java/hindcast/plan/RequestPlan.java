package hindcast.plan;

import hindcast.model.ForecastModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to do with each date of one valid request: skip the dates whose forecast is stored, complete and fresh
 * ({@link StoredForecast#isFresh}) or computed for an earlier request of the same batch, reject those no fresh
 * stored fit can serve (with the reason), and compute the rest, replacing what is stored of a stale one. The
 * forecasts to compute go to the {@link WorkUnit} of the request's (commodity, model).
 */
public record RequestPlan(Request request, long requested, long existing, long stale, int trainingWindows,
                          List<Forecast> forecasts, List<DateRejection> rejections) {

    /**
     * A date to compute, the fit that serves it and the fingerprint its rows will carry; {@code replaces} when
     * rows of an older (stale or incomplete) forecast of the date are stored.
     */
    public record Forecast(LocalDate date, TrainedModel fit, String fingerprint, boolean replaces) {
    }

    /** A date that is not computed, and why. */
    public record DateRejection(LocalDate date, Rejection rejection) {
    }

    /** Dates of the request not found complete and fresh. */
    public long toGenerate() {
        return requested - existing;
    }

    /**
     * Plans a request that passed {@link RequestCheck}. {@code stored} holds the dates of the request's
     * (commodity, model) that have rows (from the forecast index); {@code claimed} the dates an earlier request of
     * the batch computes for the same (commodity, model): they are not computed twice. {@code model} is the
     * request's model, used to check once per fit that its stored parameters can be restored, before any Spark job.
     */
    public static RequestPlan of(ForecastPlanner planner, ForecastModel model, Map<LocalDate, StoredForecast> stored,
                                 int paths, Set<LocalDate> claimed) {
        Request request = planner.request();
        Freshness freshness = planner.freshness();
        long existing = 0;
        long stale = 0;
        Map<LocalDate, Optional<Rejection>> unrestorable = new HashMap<>();
        List<Forecast> forecasts = new ArrayList<>();
        List<DateRejection> rejections = new ArrayList<>();
        for (LocalDate d = request.startDate(); !d.isAfter(request.endDate()); d = d.plusDays(1)) {
            StoredForecast old = stored.get(d);
            if (claimed.contains(d) || old != null && old.isFresh(freshness, paths)) {
                existing++;
                continue;
            }
            if (old != null) {
                stale++;
            }
            ForecastPlanner.Decision decision = planner.decide(d);
            TrainedModel fit = decision.model();
            Rejection rejection = decision.rejection() != null ? decision.rejection()
                    : unrestorable.computeIfAbsent(fit.trainDate(), t -> restoreCheck(request, model, fit)).orElse(null);
            if (rejection != null) {
                rejections.add(new DateRejection(d, rejection));
            } else {
                forecasts.add(new Forecast(d, fit, freshness.forecast(fit.trainDate(), d), old != null));
            }
        }
        return new RequestPlan(request, request.days(), existing, stale,
                planner.windowsBetween(request.startDate(), request.endDate()), List.copyOf(forecasts),
                List.copyOf(rejections));
    }

    private static Optional<Rejection> restoreCheck(Request request, ForecastModel model, TrainedModel fit) {
        try (var state = model.restore(fit.parameters(), fit.state())) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(Rejection.cannotRestore(request.modelVersion(), fit.trainDate(), e.getMessage()));
        }
    }
}
