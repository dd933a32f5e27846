package hindcast.chaos;

import hindcast.chaos.KillMoments.Layout;
import hindcast.config.Settings;
import hindcast.spark.Table;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An installation of its own for the campaign: config file, tables, checkpoint, under one directory. */
record Installation(Path home, Path config, Settings settings, Layout layout) {

    static Installation create(Path home, ChaosCampaign.Options o) throws IOException {
        Files.createDirectories(home);
        Path config = home.resolve("chaos.conf");
        Files.writeString(config, """
                hindcast {
                  home = "%s"
                  forecast.paths = %d
                  forecast.chunk-size = %d
                  stream.max-files-per-trigger = 1
                  %s
                }
                """.formatted(home.toString().replace("\\", "/"), o.paths, o.chunkSize, o.extraConfig));
        // The installation's own home, whatever -Dhindcast.home this JVM got (the children get theirs).
        Settings s = Settings.load(config, Map.of("hindcast.home", home.toString()));
        return new Installation(home, config, s, new Layout(Table.DISTRIBUTIONS.location(s),
                Table.BATCH_LOG.location(s), s.stream().checkpoint()));
    }

    /** {@code hindcast run} of this installation in a child JVM, with {@code runOptions} (e.g. --train-missing). */
    List<String> command(ChaosCampaign.Options o, String... runOptions) {
        return ChildRun.command(o.childHeap, o.childJavaOptions, home, config, List.of(runOptions));
    }

    String location(Table table) {
        return table.location(settings);
    }

    String distributions() {
        return location(Table.DISTRIBUTIONS);
    }

    /** The table in SQL, by its directory (the session's names may point at the other installation). */
    String sql(Table table) {
        return Comparison.table(location(table));
    }

    /**
     * A finished installation committed exactly one batch per task file, and its checkpoint agrees; otherwise
     * what differs. {@code name} says which installation it is.
     */
    Optional<String> batchProblem(SparkSession spark, String name, long taskFiles) {
        long batches = Comparison.count(spark, "SELECT DISTINCT batch_id FROM " + sql(Table.BATCH_LOG));
        long lastOffset = Layout.batch(layout.offsets);
        long lastCommit = Layout.batch(layout.commits);
        if (batches == taskFiles && lastOffset == taskFiles - 1 && lastCommit == taskFiles - 1) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the %s installation logged %d distinct batches, its "
                + "checkpoint ends at offsets/%d and commits/%d; expected %d batches (one per task file)", name,
                batches, lastOffset, lastCommit, taskFiles));
    }
}
