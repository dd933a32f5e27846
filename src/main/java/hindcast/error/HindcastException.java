package hindcast.error;

/**
 * A failure Hindcast explains to its user, with the {@link Kind} that says what to do about it. The command
 * line exits with the kind's code; build instances through {@link Errors}, which holds the message texts.
 */
public class HindcastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as BSD sysexits(3) classifies it; the exit code tells a script or scheduler what to do. */
    public enum Kind {
        /** The command line was wrong: an unknown option, a bad option value, a name not configured. */
        USAGE(64),
        /** The input data was wrong or missing: a bad CSV, no market data, data a model cannot be fitted to. */
        BAD_DATA(65),
        /** A bug or an unexpected failure of Hindcast or its platform. */
        INTERNAL(70),
        /** Worth retrying as it is: a checkpoint in use by another run, writes that kept losing races. */
        TEMPORARY(75),
        /** The configuration is wrong: a bad value, an unknown key, a location holding something else. */
        CONFIG(78);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public HindcastException(Kind kind, String message) {
        this(kind, message, null);
    }

    public HindcastException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
