package hindcast.error;

/** Another run holds the streaming checkpoint; retrying after it ends succeeds. */
public final class CheckpointInUseException extends HindcastException {
    private static final long serialVersionUID = 1L;

    CheckpointInUseException(String message) {
        super(Kind.TEMPORARY, message);
    }
}
