package hindcast.plan;

import java.time.LocalDate;

/**
 * Why a request, or one forecast date of it, is not computed. Stored in {@code task_errors}. Reasons that more
 * than one place gives are built here, so they read the same everywhere.
 */
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
        MODEL_CHANGED,
        FIT_STALE,
        MODEL_FAILURE
    }

    /** The market table has no row of the commodity; the reason names the command that fixes it. */
    public static Rejection noMarketData(String commodity) {
        return new Rejection(Kind.NO_MARKET_DATA, "no market data for " + commodity
                + "; run: scripts/hindcast ingest --commodity " + commodity + " --prices FILE");
    }

    /** A stored fit the model cannot turn back into a state, e.g. parameters written by another version. */
    public static Rejection cannotRestore(String modelVersion, LocalDate trainDate, String why) {
        return new Rejection(Kind.MODEL_FAILURE, "the " + modelVersion + " model trained at " + trainDate
                + " cannot be restored: " + why);
    }

    /** The fit was made by another definition of the model; {@code changes} says what differs (old → new). */
    public static Rejection modelChanged(String modelVersion, LocalDate trainDate, String changes, String fix) {
        return new Rejection(Kind.MODEL_CHANGED, "the " + modelVersion + " model's definition changed since its fit at "
                + trainDate + ": " + changes + "; retrain it (replacing the old fits): " + fix
                + ", or work the request with --train-missing");
    }

    /** The fit read market data that has changed since. */
    public static Rejection fitStale(String modelVersion, LocalDate trainDate, String fix) {
        return new Rejection(Kind.FIT_STALE, "the " + modelVersion + " fit at " + trainDate
                + " was trained on market data that has changed since; retrain it: " + fix
                + ", or work the request with --train-missing");
    }

    /** The model failed while computing paths; {@code failure} says which forecast and why. */
    public static Rejection modelFailure(String failure) {
        return new Rejection(Kind.MODEL_FAILURE, failure);
    }
}
