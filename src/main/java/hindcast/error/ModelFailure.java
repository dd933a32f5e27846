package hindcast.error;

import java.util.Optional;

/**
 * A model could not fit or forecast from the data it was given. In the backfill the driver records it in
 * {@code task_errors} and carries on; {@code train} reports the failed fits and exits with {@link Kind#BAD_DATA}.
 */
public final class ModelFailure extends HindcastException {
    private static final long serialVersionUID = 1L;

    ModelFailure(String message, Throwable cause) {
        super(Kind.BAD_DATA, message, cause);
    }

    /**
     * The model failure behind a failed Spark job, if any. Spark keeps a task's exception as the cause of the
     * job's exception when it can deserialise it on the driver (always in local mode); otherwise only its text
     * is left, which {@link #fromTaskFailureText} reads.
     */
    public static Optional<ModelFailure> in(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof ModelFailure m) {
                return Optional.of(m);
            }
        }
        return fromTaskFailureText(failure);
    }

    /**
     * The one place a model failure is recognised by text: a job failure whose message quotes a task's
     * "hindcast.error.ModelFailure: message" (e.g. the write job of a MERGE wraps the task failure in its own
     * message, or the driver could not deserialise the executor's exception).
     */
    private static Optional<ModelFailure> fromTaskFailureText(Throwable failure) {
        String marker = ModelFailure.class.getName() + ": ";
        for (Throwable c = failure; c != null; c = c.getCause()) {
            String m = c.getMessage();
            int at = m == null ? -1 : m.indexOf(marker);
            if (at >= 0) {
                return Optional.of(new ModelFailure(m.substring(at + marker.length()).lines().findFirst().orElse(""),
                        failure));
            }
        }
        return Optional.empty();
    }
}
