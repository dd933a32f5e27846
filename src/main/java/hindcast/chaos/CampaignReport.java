package hindcast.chaos;

import hindcast.chaos.KillMoments.Category;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the campaign prints: the plan before it starts, the figures and the one-line verdict at the end. */
final class CampaignReport {
    private static final String TWO_PARTITIONS = "while two partitions committed at once";

    private CampaignReport() {
    }

    static void plan(PrintStream out, ChaosCampaign.Options o, long taskFiles, List<KillMoments.Planned> plan,
                     List<KillMoments.Planned> replacementPlan, Installation killed, Installation clean) {
        out.printf(Locale.ROOT, "chaos: %s x %s, %s..%s trained %s, %,d paths, chunks of %d dates; %d task files "
                        + "(1 per micro-batch): a commodity's requests of every model in each (their partitions written at "
                        + "once), but an overlapping request and an unknown model inserted with SQL; %,d forecasts (%,d rows) "
                        + "expected; %d kills planned (seed %d)%n", o.commodities, o.models, o.start, o.end,
                o.frequency.label(), o.paths, o.chunkSize, taskFiles, o.forecasts(),
                o.forecasts() * o.paths, o.kills, o.seed);
        for (int i = 0; i < plan.size(); i++) {
            out.printf(Locale.ROOT, "  plan %2d: %s%n", i + 1, plan.get(i).describe());
        }
        out.printf(Locale.ROOT, "chaos: then a corrected %s close ingested and the requests enqueued again "
                + "(run --train-missing): %d kills planned during the MERGEs replacing stale forecasts%n",
                o.commodities.get(0), replacementPlan.size());
        for (int i = 0; i < replacementPlan.size(); i++) {
            out.printf(Locale.ROOT, "  replacement plan %d: %s%n", i + 1, replacementPlan.get(i).describe());
        }
        out.println("chaos: killed run in " + killed.home() + ", uninterrupted run in " + clean.home()
                + " (child output in logs/ of each)");
    }

    static void figures(PrintStream out, ChaosCampaign.Result r) {
        out.println();
        out.println("chaos figures:");
        List<String> byKind = new ArrayList<>();
        for (Category c : Category.values()) {
            List<ChaosCampaign.Kill> ks = r.kills().stream().filter(k -> k.category() == c).toList();
            if (!ks.isEmpty()) {
                String before = c == Category.MERGE ? beforeCommit(ks) : ks.stream().filter(k -> !k.outcome()
                        .contains("was complete")).count() + " before the file was complete";
                byKind.add(ks.size() + " " + c.label + (c == Category.BETWEEN ? "" : " (" + before + ")"));
            }
        }
        out.printf(Locale.ROOT, "  kills          %d: %s; %d left a batch uncommitted%n", r.kills().size(),
                String.join(", ", byKind), r.kills().stream().filter(ChaosCampaign.Kill::batchInFlight).count());
        out.printf(Locale.ROOT, "  runs           %d of the killed installation (%d killed), then %d replacing (%d killed); "
                + "1 + 1 uninterrupted%n", r.runs(), r.kills().size(), r.replacement().runs(), r.replacement().kills().size());
        out.printf(Locale.ROOT, "  batches        %d task files -> %d batches; %d batch starts in the killed installation: "
                        + "%d replayed; batch_log has %d rows there%n", r.taskFiles(), r.batches(), r.batchStarts(),
                r.batchesReplayed(), r.batchLogRows());
        out.printf(Locale.ROOT, "  resumed work   the restarted runs found %,d forecasts already written before a kill (not recomputed)%n",
                r.existingFoundOnRestart());
        ChaosCampaign.Replacement p = r.replacement();
        List<ChaosCampaign.Kill> pk = p.kills();
        out.printf(Locale.ROOT, "  replacement    %s close of %s corrected: %,d forecasts stale, %,d replaced by the uninterrupted "
                        + "run; %d kills during the replacing MERGEs (%s) over %d runs, which "
                        + "planned %,d replacements (%,d again after a kill); mixed forecasts after each kill: %s%n",
                p.commodity(), p.corrected(), p.madeStale(), p.replacedUninterrupted(), pk.size(),
                beforeCommit(pk), p.runs(), p.plannedKilled(),
                p.plannedKilled() - p.replacedUninterrupted(),
                pk.isEmpty() ? "-" : pk.stream().map(k -> Long.toString(k.mixedForecasts())).collect(Collectors.joining(", ")));
        Comparison c = r.comparison();
        out.printf(Locale.ROOT, "  compared       %,d rows (%,d forecasts x %,d paths) against %,d; forecast_index %,d against "
                        + "%,d; task_errors %d against %d%n", c.rows(), c.forecasts(), r.options().paths, c.killedRows(),
                c.indexRows(), c.killedIndexRows(), c.errors(), c.killedErrors());
        out.printf(Locale.ROOT, "  time           setup %s, killed runs %s, uninterrupted run %s; replacement: setup %s, "
                        + "killed runs %s, uninterrupted run %s; comparison %s%n", minutes(r.setupSeconds()),
                minutes(r.chaosSeconds()), minutes(r.uninterruptedSeconds()), minutes(p.setupSeconds()),
                minutes(p.killedSeconds()), minutes(p.uninterruptedSeconds()), minutes(r.compareSeconds()));
        if (!r.passed()) {
            out.println("chaos differences and problems:");
            r.failures().forEach(f -> out.println("  " + f));
        }
        out.println(verdict(r));
    }

    /** Of MERGE kills: how many came before their commit landed, and how many while two partitions wrote. */
    private static String beforeCommit(List<ChaosCampaign.Kill> merges) {
        long two = merges.stream().filter(ChaosCampaign.Kill::twoPartitions).count();
        long before = merges.stream().filter(k -> !k.twoPartitions() && !k.outcome().contains("had landed")).count();
        return before + " before its commit landed" + (two == 0 ? "" : ", " + two + " " + TWO_PARTITIONS);
    }

    /** PASS or FAIL, the kills by kind, replays, rows compared and differences, in one line. */
    static String verdict(ChaosCampaign.Result r) {
        Comparison c = r.comparison();
        long differences = c == null ? 0 : c.differingRows();
        String kinds = Arrays.stream(Category.values()).map(k -> r.kills(k) + " " + k.label)
                .collect(Collectors.joining(", "));
        List<ChaosCampaign.Kill> pk = r.replacement().kills();
        return String.format(Locale.ROOT, "chaos: %s — %d kills (%s) and %d during replacements (%d mixed forecasts), "
                        + "%d of them %s, %,d batch%s replayed, %,d rows, %,d index rows and %,d task_errors compared, %,d differences%s (%s)",
                r.passed() ? "PASS" : "FAIL", r.kills().size(), kinds, pk.size(),
                pk.stream().mapToLong(ChaosCampaign.Kill::mixedForecasts).sum(), r.twoPartitionKills(), TWO_PARTITIONS,
                r.batchesReplayed(),
                r.batchesReplayed() == 1 ? "" : "es", c == null ? 0 : c.matchedRows(), c == null ? 0 : c.indexRows(),
                c == null ? 0 : c.errors(), differences,
                r.problems().isEmpty() ? "" : ", " + r.problems().size() + " other problem(s)", minutes(r.totalSeconds()));
    }

    static String minutes(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
}
