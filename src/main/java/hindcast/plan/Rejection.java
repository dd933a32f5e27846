package hindcast.plan;

/** Why a request, or one forecast date of it, is not computed. Stored in {@code task_errors}. */
public record Rejection(Kind kind, String reason) {

    public enum Kind {
        MISSING_FIELD,
        UNKNOWN_COMMODITY,
        UNKNOWN_MODEL,
        UNKNOWN_TRAIN_FREQUENCY,
        REVERSED_RANGE,
        RANGE_TOO_LONG,
        NO_MARKET_DATA,
        INSUFFICIENT_HISTORY,
        STALE_DATA,
        NO_TRAINED_MODEL,
        MODEL_FAILURE
    }
}
