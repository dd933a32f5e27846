package hindcast.cli;

/**
 * Entry point for platforms that own the JVM, such as a Databricks JAR task: runs a command like {@link Main}
 * but never calls {@code System.exit} (which such platforms forbid or report as a crash); a failed command
 * throws instead, so the platform marks the run failed and can retry it.
 */
public final class JobMain {
    private JobMain() {
    }

    public static void main(String[] args) {
        int code = Main.execute(args);
        if (code != 0) {
            throw new IllegalStateException("hindcast " + String.join(" ", args) + " failed with exit code " + code
                    + " (the error is printed above)");
        }
    }
}
