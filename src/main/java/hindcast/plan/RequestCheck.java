package hindcast.plan;

import hindcast.error.Errors;
import hindcast.model.ModelRegistry;
import hindcast.model.TrainFrequency;

import java.util.List;
import java.util.Optional;

/** Request-level validation: what can be said about a request before looking at any data. */
public final class RequestCheck {
    private final List<String> commodities;
    private final ModelRegistry models;
    private final int maxRequestDays;

    public RequestCheck(List<String> commodities, ModelRegistry models, int maxRequestDays) {
        this.commodities = commodities;
        this.models = models;
        this.maxRequestDays = maxRequestDays;
    }

    public Optional<Rejection> check(Request r) {
        if (r.commodity() == null || r.modelVersion() == null || r.trainFrequency() == null
                || r.startDate() == null || r.endDate() == null) {
            return reject(Rejection.Kind.MISSING_FIELD, "commodity, model_version, train_frequency, start_date and "
                    + "end_date are required; got " + r);
        }
        if (!commodities.contains(r.commodity())) {
            return reject(Rejection.Kind.UNKNOWN_COMMODITY, Errors.unknownCommodity(r.commodity(), commodities)
                    .getMessage());
        }
        if (!models.contains(r.modelVersion())) {
            return reject(Rejection.Kind.UNKNOWN_MODEL, Errors.unknownModel(r.modelVersion(), models.names())
                    .getMessage());
        }
        try {
            TrainFrequency.parse(r.trainFrequency());
        } catch (IllegalArgumentException e) {
            return reject(Rejection.Kind.UNKNOWN_TRAIN_FREQUENCY, e.getMessage());
        }
        if (r.endDate().isBefore(r.startDate())) {
            return reject(Rejection.Kind.REVERSED_RANGE, "end_date " + r.endDate() + " is before start_date "
                    + r.startDate());
        }
        if (r.days() > maxRequestDays) {
            return reject(Rejection.Kind.RANGE_TOO_LONG, "the range spans " + r.days() + " days; at most "
                    + maxRequestDays + " are accepted (hindcast.forecast.max-request-days); split the request");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(Rejection.Kind kind, String reason) {
        return Optional.of(new Rejection(kind, reason));
    }
}
