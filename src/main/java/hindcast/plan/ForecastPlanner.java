package hindcast.plan;

import hindcast.model.MarketSeries;
import hindcast.model.TrainFrequency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Decides, for each forecast date D of a valid request, which trained model serves it, or why none can:
 * the model is the latest one trained at T <= D with D still inside T's window (D < T + frequency), and the
 * market must have enough history and a recent observation on or before D-1, and the model must be fresh
 * (made by today's definition from today's data, {@link Freshness}).
 */
public final class ForecastPlanner {
    private final Request request;
    private final TrainFrequency frequency;
    private final MarketSeries series;
    private final NavigableMap<LocalDate, TrainedModel> models;
    private final Freshness freshness;
    /** A fit's freshness, checked once however many dates it serves. */
    private final Map<LocalDate, Optional<Rejection>> fitChecks = new HashMap<>();
    private final int minTrainingRows;
    private final int maxStalenessDays;

    public ForecastPlanner(Request request, MarketSeries series, NavigableMap<LocalDate, TrainedModel> models,
                           Freshness freshness, int minTrainingRows, int maxStalenessDays) {
        this.freshness = freshness;
        this.request = request;
        this.frequency = TrainFrequency.parse(request.trainFrequency());
        this.series = series;
        this.models = models;
        this.minTrainingRows = minTrainingRows;
        this.maxStalenessDays = maxStalenessDays;
    }

    public Request request() {
        return request;
    }

    public Freshness freshness() {
        return freshness;
    }

    /** Either {@code model} or {@code rejection} is set. */
    public record Decision(LocalDate date, TrainedModel model, Rejection rejection) {
    }

    public Decision decide(LocalDate d) {
        MarketSeries history = series.cutAt(d.minusDays(1));
        if (history.size() < minTrainingRows) {
            return reject(d, Rejection.Kind.INSUFFICIENT_HISTORY, history.size() + " market observations before " + d
                    + ", at least " + minTrainingRows + " needed (" + request.commodity() + " data starts "
                    + series.date(0) + ")");
        }
        long age = ChronoUnit.DAYS.between(history.lastDate(), d);
        if (age > maxStalenessDays) {
            return reject(d, Rejection.Kind.STALE_DATA, "latest " + request.commodity() + " market data before " + d
                    + " is from " + history.lastDate() + " (" + age + " days earlier, at most " + maxStalenessDays
                    + " allowed); ingest newer data");
        }
        Map.Entry<LocalDate, TrainedModel> trained = models.floorEntry(d);
        if (trained == null || !frequency.next(trained.getKey()).isAfter(d)) {
            String latest = trained == null ? "none on or before " + d : "latest is " + trained.getKey();
            return reject(d, Rejection.Kind.NO_TRAINED_MODEL, "no " + request.modelVersion() + " model trained "
                    + frequency.label() + " covers " + d + " (" + latest + "); run: " + request.trainCommand());
        }
        Optional<Rejection> stale = fitChecks.computeIfAbsent(trained.getKey(),
                t -> freshness.check(trained.getValue(), request.trainCommand()));
        return stale.map(r -> new Decision(d, null, r)).orElseGet(() -> new Decision(d, trained.getValue(), null));
    }

    /** Number of trained models whose window overlaps [from, to]. */
    public int windowsBetween(LocalDate from, LocalDate to) {
        LocalDate first = models.floorKey(from);
        return models.subMap(first == null ? from : first, true, to, true).size();
    }

    private static Decision reject(LocalDate d, Rejection.Kind kind, String reason) {
        return new Decision(d, null, new Rejection(kind, reason));
    }
}
