package hindcast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When to kill: the moments of a campaign, chosen from its seed, and the file watches that time them. A
 * running job shows its progress only through files, so each moment is a file appearing in the installation:
 * <ul>
 *   <li>{@link Category#MERGE}: the data files of a {@code distributions} MERGE appearing before its commit
 *   ("files"), its commit {@code _delta_log/N.json} appearing ("commit": killed before the post-commit
 *   work and before the batch ends), or data files that no commit has added yet lying in two partition
 *   directories at once ("two partitions": the units of a batch writing concurrently);</li>
 *   <li>{@link Category#CHECKPOINT}: the first trace (temporary file, checksum or the file itself) of the next
 *   {@code offsets/N} or {@code commits/N} of the streaming checkpoint;</li>
 *   <li>{@link Category#BETWEEN}: a new {@code batch_log} commit (the batch's work is done and logged, its
 *   checkpoint commit not written yet), or a random delay after a batch's {@code commits/N} (the batch is
 *   committed; the next one is being planned or just starting).</li>
 * </ul>
 * Kills cycle through the categories and each category through its variants; the first variant, the number of
 * occurrences (or commits) to let pass first and the delay come from the seed, so a seed always makes the same plan (the
 * machine's speed decides the rest). The replacement phase kills during MERGEs only: there they replace
 * forecasts in place.
 */
public final class KillMoments {
    private KillMoments() {
    }

    /** What a kill interrupts. */
    public enum Category {
        MERGE("during MERGE commits", 3), CHECKPOINT("during checkpoint writes", 2), BETWEEN("between batches", 2);

        public final String label;
        final int variants;

        Category(String label, int variants) {
            this.label = label;
            this.variants = variants;
        }
    }

    /** The MERGE variant killing while two partitions have files written and not committed. */
    static final int TWO_PARTITIONS = 2;

    /** One planned kill: wait for the ({@code skip}+1)-th occurrence of the moment, then kill. */
    record Planned(Category category, int variant, int skip, int delayMillis) {
        boolean twoPartitions() {
            return category == Category.MERGE && variant == TWO_PARTITIONS;
        }

        String describe() {
            String which = switch (skip) {
                case 0 -> "next";
                case 1 -> "2nd";
                case 2 -> "3rd";
                default -> (skip + 1) + "th";
            };
            return switch (category) {
                case MERGE -> switch (variant) {
                    case 0 -> "while the " + which + " MERGE writes its files";
                    case 1 -> "as the " + which + " MERGE commit lands";
                    default -> (skip == 0 ? "" : "after " + skip + " more MERGE commit" + (skip == 1 ? "" : "s") + ", ")
                            + "while two partitions have MERGE files written, not committed";
                };
                case CHECKPOINT -> "while the " + which + " checkpoint " + (variant == 0 ? "offsets" : "commits")
                        + " file is written";
                case BETWEEN -> variant == 0 ? "after the " + which + " batch_log commit"
                        : delayMillis + " ms after the " + which + " checkpoint commit";
            };
        }
    }

    static List<Planned> plan(long seed, int kills) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] firstVariant = {rng.nextInt(3), rng.nextInt(2), rng.nextInt(2)};
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            Category c = Category.values()[i % 3];
            int variant = (firstVariant[c.ordinal()] + i / 3) % c.variants; // in turn, so every variant occurs
            int skip = rng.nextInt(c == Category.MERGE ? 3 : 2);
            plan.add(new Planned(c, variant, skip, rng.nextInt(400)));
        }
        return plan;
    }

    /**
     * Kills during the replacement phase's MERGEs (each one replaces stale forecasts): the variants in turn from
     * the two-partitions one, the occurrences to let pass from the seed, except for the first kill's.
     */
    static List<Planned> replacementPlan(long seed, int kills) {
        SplittableRandom rng = new SplittableRandom(seed).split(); // not the first phase's draws
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            // Two partitions first, at the first commits: only then do both units surely have work left and write
            // at once (they start together). A replacement is a few chunks per unit, so after a commit or two the
            // units' write phases may never overlap again (a CI run missed the moment with one commit let pass);
            // after a kill that let a run commit most replacements, a restart may have one partition's few left.
            int skip = rng.nextInt(2); // drawn for the first kill too, so the later kills keep their draws
            plan.add(new Planned(Category.MERGE, (TWO_PARTITIONS + i) % Category.MERGE.variants, i == 0 ? 0 : skip, 0));
        }
        return plan;
    }

    /** The files of one installation the moments are read from. */
    static final class Layout {
        /** An add action of a Delta commit; group 1 is the file's name (its path's last segment). */
        private static final Pattern ADD = Pattern.compile("^\\{\"add\":\\{\"path\":\"(?:[^\"]*/)?([^\"/]+)\"");

        final Path distributions;
        final Path distributionsLog;
        final Path batchLogLog;
        final Path offsets;
        final Path commits;

        Layout(String distributions, String batchLog, String checkpoint) {
            this.distributions = Path.of(distributions);
            this.distributionsLog = this.distributions.resolve("_delta_log");
            this.batchLogLog = Path.of(batchLog).resolve("_delta_log");
            this.offsets = Path.of(checkpoint).resolve("offsets");
            this.commits = Path.of(checkpoint).resolve("commits");
        }

        static Path commit(Path log, long version) {
            return log.resolve(String.format("%020d.json", version));
        }

        /** Latest Delta version in a _delta_log directory, -1 when there is none. */
        static long version(Path log) {
            long v = -1;
            for (String name : list(log)) {
                if (name.matches("\\d{20}\\.json")) {
                    v = Math.max(v, Long.parseLong(name.substring(0, 20)));
                }
            }
            return v;
        }

        /** Highest batch id with a complete file in a checkpoint directory (offsets/ or commits/), -1 if none. */
        static long batch(Path dir) {
            long id = -1;
            for (String name : list(dir)) {
                if (name.matches("\\d+")) {
                    id = Math.max(id, Long.parseLong(name));
                }
            }
            return id;
        }

        /** Data files of the distributions table (names, recursively, without the log and checksums). */
        Set<String> dataFiles() {
            return dataFilePartitions().keySet();
        }

        /** The data files' names, each with its partition directory (e.g. model_version=naive/commodity=Coffee). */
        Map<String, String> dataFilePartitions() {
            Map<String, String> out = new HashMap<>();
            if (!Files.isDirectory(distributions)) {
                return out;
            }
            try (Stream<Path> s = Files.walk(distributions)) {
                s.filter(p -> !p.startsWith(distributionsLog) && p.getFileName().toString().endsWith(".parquet"))
                        .forEach(p -> out.put(p.getFileName().toString(),
                                distributions.relativize(p.getParent()).toString()));
            } catch (IOException | UncheckedIOException e) {
                // a directory appeared or changed during the walk: the next poll sees it
            }
            return out;
        }

        /** The names of the data files a distributions commit adds. */
        List<String> added(long version) {
            List<String> out = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(commit(distributionsLog, version))) {
                    Matcher m = ADD.matcher(line);
                    if (m.find()) {
                        out.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        static List<String> list(Path dir) {
            String[] names = dir.toFile().list();
            return names == null ? List.of() : List.of(names);
        }
    }

    /** A moment being waited for, polled every few milliseconds. */
    interface Watch {
        /** True once the moment has come. */
        boolean due();

        /** After the kill: what the moment's file looks like now (e.g. whether the commit landed). */
        String outcome();
    }

    static Watch arm(Planned p, Layout f) {
        return switch (p.category()) {
            case MERGE -> switch (p.variant()) {
                case 0 -> new MergeFiles(f, p.skip());
                case 1 -> new NextFile(() -> Layout.commit(f.distributionsLog, Layout.version(f.distributionsLog) + 1
                        + p.skip()), "distributions ", 0);
                default -> new TwoPartitions(f, p.skip());
            };
            case CHECKPOINT -> new CheckpointFile(p.variant() == 0 ? f.offsets : f.commits, p.skip());
            case BETWEEN -> p.variant() == 0
                    ? new NextFile(() -> Layout.commit(f.batchLogLog, Layout.version(f.batchLogLog) + 1 + p.skip()),
                    "batch_log ", 0)
                    : new NextFile(() -> f.commits.resolve(Long.toString(Layout.batch(f.commits) + 1 + p.skip())),
                    "checkpoint ", p.delayMillis());
        };
    }

    /** A given file appearing (a Delta commit or a checkpoint file), then an optional delay. */
    private static final class NextFile implements Watch {
        private final Path target;
        private final String what;
        private final long delayNanos;
        private long seenAt = -1;

        NextFile(java.util.function.Supplier<Path> target, String what, int delayMillis) {
            this.target = target.get(); // fixed when armed: the file after the last one present now
            this.what = what;
            this.delayNanos = delayMillis * 1_000_000L;
        }

        @Override
        public boolean due() {
            if (seenAt < 0 && Files.exists(target)) {
                seenAt = System.nanoTime();
            }
            return seenAt >= 0 && System.nanoTime() - seenAt >= delayNanos;
        }

        @Override
        public String outcome() {
            return what + target.getParent().getFileName() + "/" + target.getFileName() + " had landed";
        }
    }

    /**
     * A MERGE's data files appearing before its commit: fires on a data file that was not there when the
     * previous commit landed, while the target commit is still absent. A MERGE whose files all appeared
     * between two polls is let go (the target moves to the next one).
     */
    private static final class MergeFiles implements Watch {
        private final Layout f;
        private long target;
        private Set<String> known;

        MergeFiles(Layout f, int skip) {
            this.f = f;
            long now = Layout.version(f.distributionsLog);
            this.target = now + 1 + skip;
            this.known = skip == 0 ? f.dataFiles() : null;
        }

        @Override
        public boolean due() {
            if (Files.exists(Layout.commit(f.distributionsLog, target))) {
                target++; // its write phase went by between two polls: wait for the next MERGE
                known = f.dataFiles();
                return false;
            }
            if (known == null) {
                if (Files.exists(Layout.commit(f.distributionsLog, target - 1))) {
                    known = f.dataFiles();
                }
                return false;
            }
            return !known.containsAll(f.dataFiles());
        }

        @Override
        public String outcome() {
            return "distributions commit v" + target + (Files.exists(Layout.commit(f.distributionsLog, target))
                    ? " had landed" : " had not landed");
        }
    }

    /**
     * Two partitions' MERGEs writing at once: once {@code skip} more commits have landed, fires when data files that
     * no commit has added yet lie in two partition directories or more (files on disk when armed, such as a killed
     * run's, are left out). Commits are counted rather than such moments: these are few (a batch's units are seldom
     * between writing their files and committing at the same time), so the kill would come late in the run.
     */
    private static final class TwoPartitions implements Watch {
        private final Layout f;
        private final Set<String> before;
        private final Set<String> committed = new HashSet<>();
        private final long from;
        private long read;
        private Map<String, Long> pending = Map.of();
        private Set<String> pendingFiles = Set.of();

        TwoPartitions(Layout f, int skip) {
            this.f = f;
            this.read = Layout.version(f.distributionsLog);
            this.from = read + skip;
            this.before = f.dataFiles();
        }

        @Override
        public boolean due() {
            Map<String, String> files = f.dataFilePartitions(); // listed first: a file committed since is excluded
            readCommits();
            files.keySet().removeAll(before);
            files.keySet().removeAll(committed);
            Map<String, Long> byPartition = new TreeMap<>();
            files.values().forEach(p -> byPartition.merge(p, 1L, Long::sum));
            if (read < from || byPartition.size() < 2) {
                return false;
            }
            pending = byPartition;
            pendingFiles = files.keySet();
            return true;
        }

        private void readCommits() {
            while (Files.exists(Layout.commit(f.distributionsLog, read + 1))) {
                committed.addAll(f.added(++read));
            }
        }

        @Override
        public String outcome() {
            readCommits();
            long landed = pendingFiles.stream().filter(committed::contains).count();
            return "uncommitted files in " + pending.size() + " partitions (" + pending.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + "), " + landed
                    + " of them committed by the kill";
        }
    }

    /** The first trace of the next file of a checkpoint directory: its temporary file, checksum or itself. */
    private static final class CheckpointFile implements Watch {
        private final Path dir;
        private final long target;

        CheckpointFile(Path dir, int skip) {
            this.dir = dir;
            this.target = Layout.batch(dir) + 1 + skip;
        }

        @Override
        public boolean due() {
            String id = Long.toString(target);
            for (String name : Layout.list(dir)) {
                if (name.equals(id) || name.startsWith("." + id + ".")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String outcome() {
            Path file = dir.resolve(Long.toString(target));
            return "checkpoint " + dir.getFileName() + "/" + target + (Files.exists(file) ? " was complete"
                    : " was not complete");
        }
    }
}
