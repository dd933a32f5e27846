package hindcast.data;

import hindcast.error.HindcastException;

import java.nio.file.Path;

/** Bad input data: the file, the 1-based line (0 when the problem is the whole file) and the reason. */
public final class InputException extends HindcastException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String reason;

    public InputException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    public InputException(Path file, long line, String reason, Throwable cause) {
        super(Kind.BAD_DATA, line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
