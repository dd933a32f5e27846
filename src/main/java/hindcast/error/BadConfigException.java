package hindcast.error;

/**
 * The configuration is wrong: a bad value, an unknown key or model parameter, a table location holding
 * something else. (Not named ConfigException: Typesafe Config's exception of that name is caught next to it.)
 */
public final class BadConfigException extends HindcastException {
    private static final long serialVersionUID = 1L;

    BadConfigException(String message, Throwable cause) {
        super(Kind.CONFIG, message, cause);
    }
}
