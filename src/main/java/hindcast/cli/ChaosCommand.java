package hindcast.cli;

import hindcast.chaos.ChaosCampaign;
import hindcast.error.Errors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "chaos", hidden = true, mixinStandardHelpOptions = true,
        description = "The kill campaign (use scripts/chaos, which runs it in a fresh directory): kill -9 the run at "
                + "planned moments, restart it each time, then correct a close and kill the run replacing the stale "
                + "forecasts, and compare the result with an uninterrupted run.")
final class ChaosCommand extends Common implements Callable<Integer> {
    @Option(names = "--kills", defaultValue = "12", description = "Kills (default 12; they cycle through MERGE "
            + "commits, checkpoint writes and between batches).")
    int kills;

    @Option(names = "--replacement-kills", defaultValue = "3", description = "Kills during the replacement phase "
            + "(default 3): during the MERGEs that replace the forecasts a corrected close made stale.")
    int replacementKills;

    @Option(names = "--seed", defaultValue = "1", description = "Chooses the kill moments (default 1).")
    long seed;

    @Option(names = "--paths", defaultValue = "2000", description = "Paths per forecast (default 2000).")
    int paths;

    @Option(names = "--start", defaultValue = "2023-01-01", description = "First forecast date (default 2023-01-01).")
    String start;

    @Option(names = "--end", defaultValue = "2023-12-31", description = "Last forecast date (default 2023-12-31).")
    String end;

    @Option(names = "--chunk-size", defaultValue = "30", description = "Dates per MERGE commit (default 30).")
    int chunkSize;

    @Option(names = "--child-heap", defaultValue = "2g", description = "-Xmx of each run (default 2g).")
    String childHeap;

    @Option(names = "--child-java-opts", paramLabel = "OPTS", description = "More JVM options for each run, "
            + "space-separated (e.g. -XX:TieredStopAtLevel=1).")
    String childJavaOpts;

    @Override
    public Integer call() throws Exception {
        if (kills < 0 || replacementKills < 0) {
            throw Errors.badOption(kills < 0 ? "--kills" : "--replacement-kills", "a number >= 0",
                    kills < 0 ? kills : replacementKills);
        }
        if (paths <= 0 || chunkSize <= 0) {
            throw Errors.badOption(paths <= 0 ? "--paths" : "--chunk-size", "a number > 0", paths <= 0 ? paths : chunkSize);
        }
        Path work = settings().home();
        for (String d : new String[] {"killed", "uninterrupted"}) {
            if (Files.exists(work.resolve(d))) {
                throw Errors.freshDirectoryNeeded(work.resolve(d));
            }
        }
        ChaosCampaign.Options o = new ChaosCampaign.Options(work);
        o.kills = kills;
        o.replacementKills = replacementKills;
        o.seed = seed;
        o.paths = paths;
        o.start = date("--start", start);
        o.end = date("--end", end);
        if (o.end.isBefore(o.start)) {
            throw Errors.endBeforeStart(o.end, o.start);
        }
        o.chunkSize = chunkSize;
        o.childHeap = childHeap;
        if (childJavaOpts != null && !childJavaOpts.isBlank()) {
            o.childJavaOptions = List.of(childJavaOpts.trim().split("\\s+"));
        }
        return ChaosCampaign.run(o).passed() ? 0 : 1;
    }
}
