package hindcast.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code hindcast.cli.Main ARGS} in a JVM of its own, started like this one (classpath, module flags). */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Path workDir, Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX") || a.matches("-D(jdk|io\\.netty).*")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "hindcast.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }
}
