package hindcast.error;

import hindcast.error.HindcastException.Kind;
import hindcast.plan.Rejection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Every message Hindcast shows its user for a failure, each built once, returned as the exception of its
 * {@link Kind}. Callers write {@code throw Errors.unknownCommodity(...)}; a message that is also stored as a
 * rejection reason ({@code task_errors}) is taken from the same method's {@code getMessage()}.
 */
public final class Errors {
    private Errors() {
    }

    // --- the command line ---

    /** An option value of the wrong form, e.g. {@code --start must be a date YYYY-MM-DD, got '2021-13-01'}. */
    public static HindcastException badOption(String option, String expected, Object value) {
        return usage(option + " must be " + expected + ", got '" + value + "'");
    }

    /** A value a pure parser refused (its message says what is expected), given on the command line. */
    public static HindcastException badOption(IllegalArgumentException parserError) {
        return new HindcastException(Kind.USAGE, parserError.getMessage(), parserError);
    }

    public static HindcastException endBeforeStart(LocalDate end, LocalDate start) {
        return usage("--end " + end + " is before --start " + start);
    }

    /** {@code --prices needs --commodity}. */
    public static HindcastException optionNeeds(String option, String needed) {
        return usage(option + " needs " + needed);
    }

    public static HindcastException noConfiguredInput(String commodity) {
        return usage("no --prices given and no hindcast.inputs." + commodity + " in the configuration");
    }

    public static HindcastException nothingToIngest() {
        return usage("nothing to ingest: give --commodity and --prices, or configure hindcast.inputs "
                + "(see conf/shared-data.conf)");
    }

    public static HindcastException freshDirectoryNeeded(Path existing) {
        return usage(existing + " exists: the campaign needs a fresh directory (scripts/chaos makes one)");
    }

    // --- requests: what a command line or a forecast_tasks row asks for ---

    /** Also the reason of an UNKNOWN_COMMODITY rejection. */
    public static HindcastException unknownCommodity(String commodity, Collection<String> configured) {
        return usage("unknown commodity '" + commodity + "'; configured commodities: " + configured
                + " (names are case-sensitive)");
    }

    /** Also the reason of an UNKNOWN_MODEL rejection. */
    public static HindcastException unknownModel(String modelVersion, Collection<String> configured) {
        return usage("unknown model '" + modelVersion + "'; configured models: " + configured);
    }

    /** A request given on the command line that the stream would reject; the reason is the rejection's. */
    public static HindcastException requestRefused(String reason) {
        return usage(reason);
    }

    /** A forecast the data cannot serve (no trained model, stale data, too little history), by rejection kind. */
    public static HindcastException cannotForecast(String rejectionKind, String reason) {
        return new HindcastException(Kind.BAD_DATA, rejectionKind + ": " + reason);
    }

    /** Also the reason of a NO_MARKET_DATA rejection. */
    public static HindcastException noMarketData(String commodity) {
        return new HindcastException(Kind.BAD_DATA, Rejection.noMarketData(commodity).reason());
    }

    // --- models ---

    /** A model threw while forecasting; {@code what} names the forecast, e.g. "Coffee / naive / 2021-02-01 (trained …)". */
    public static ModelFailure modelFailed(String what, RuntimeException cause) {
        return new ModelFailure(what + ": " + cause, cause);
    }

    public static ModelFailure failedFits(List<String> failures) {
        return new ModelFailure(failures.size() + " model(s) had failed fits (the others are stored):\n  "
                + String.join("\n  ", failures), null);
    }

    // --- configuration ---

    public static BadConfigException configFileNotFound(Path file) {
        return new BadConfigException("config file not found: " + file.toAbsolutePath(), null);
    }

    /** {@code detail} as the configuration library or a value's parser words it. */
    public static BadConfigException invalidConfig(String detail, Throwable cause) {
        return new BadConfigException("invalid configuration: " + detail, cause);
    }

    /** {@code parent} is "" for a key directly under hindcast; {@code known} lists the keys there. */
    public static BadConfigException unknownConfigKey(String key, String origin, String parent, String known) {
        return invalidConfig("unknown key hindcast." + key + " (" + origin + "); known keys"
                + (parent.isEmpty() ? "" : " under hindcast." + parent) + ": " + known, null);
    }

    public static BadConfigException inputNotACommodity(String commodity, List<String> commodities) {
        return invalidConfig("hindcast.inputs." + commodity + " is not one of hindcast.commodities " + commodities, null);
    }

    public static BadConfigException notPositive(String key, long value) {
        return invalidConfig("hindcast." + key + " must be positive, got " + value, null);
    }

    public static BadConfigException unknownModelType(String model, String type, Collection<String> known) {
        return new BadConfigException("model '" + model + "' has unknown type '" + type + "'; known types: "
                + String.join(", ", known), null);
    }

    public static BadConfigException unknownModelParameter(String model, String parameter, String type,
                                                           Collection<String> known) {
        return new BadConfigException("model '" + model + "': unknown parameter '" + parameter + "' for type " + type
                + " (known: " + known + ")", null);
    }

    /** {@code why} completes "member 'x' ...", e.g. "is not defined in hindcast.models". */
    public static BadConfigException badEnsembleMember(String ensemble, String member, String why) {
        return new BadConfigException("model '" + ensemble + "': member '" + member + "' " + why, null);
    }

    /** {@code expected} completes "must be", e.g. "a list of integers". */
    public static BadConfigException badModelParameter(String model, String parameter, String expected, Object value) {
        return new BadConfigException("model '" + model + "': " + parameter + " must be " + expected + ", got " + value,
                null);
    }

    /** The model refused its parameters together (its constructor's message says which and why). */
    public static BadConfigException badModelEntry(String model, IllegalArgumentException refusal) {
        return new BadConfigException("model '" + model + "': " + refusal.getMessage(), refusal);
    }

    /** {@code want} and {@code have} list the columns as "name TYPE". */
    public static BadConfigException tableColumnsDiffer(String table, Object location, List<String> want,
                                                        List<String> have) {
        return new BadConfigException("table " + table + " at " + location + " does not have the columns Hindcast "
                + "writes.\n  expected: " + want + "\n  found:    " + have
                + "\nRestore the columns, or point hindcast.tables at another location.", null);
    }

    public static BadConfigException managedTableElsewhere(String table, Object registeredAt, Object configuredAt) {
        return new BadConfigException("table " + table + " is a managed table at " + registeredAt
                + ", but the configuration puts it at " + configuredAt + "; rename it in hindcast.tables", null);
    }

    // --- the stream's checkpoint and concurrent writers ---

    /** {@code holder} is what the holder wrote in the lock file ("pid N on HOST since T"), or "". */
    public static CheckpointInUseException checkpointInUse(String checkpoint, String holder) {
        return new CheckpointInUseException("checkpoint " + checkpoint + " is in use by another run ("
                + (holder.isEmpty() ? "unknown process" : holder) + "); stop that run first, or give this one "
                + "its own hindcast.stream.checkpoint");
    }

    /** {@code checkpoints} names the checkpoint(s) the failed query could have resumed from. */
    public static BadConfigException unusableCheckpoint(String checkpoints, String reason, Throwable cause) {
        return new BadConfigException("could not resume from checkpoint " + checkpoints + ": " + reason
                + "\nIf it is damaged or belongs to another installation, move it away or set "
                + "hindcast.stream.checkpoint to a new location: the next run re-checks every request and, writes "
                + "being idempotent, recomputes nothing already stored.", cause);
    }

    public static HindcastException writeKeepsConflicting(String what, int attempts, Throwable last) {
        return new HindcastException(Kind.TEMPORARY, what + " conflicted with concurrent commits " + attempts
                + " times in a row; is another job writing the same table without pause? Last: " + last.getMessage(),
                last);
    }

    private static HindcastException usage(String message) {
        return new HindcastException(Kind.USAGE, message);
    }
}
