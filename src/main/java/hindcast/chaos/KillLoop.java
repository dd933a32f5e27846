package hindcast.chaos;

import hindcast.chaos.KillMoments.Layout;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the job on one installation as a child process, kills it with SIGKILL at the planned moments and
 * restarts it after each kill, until a run exits 0 with the backlog done (or runs fail on their own three times
 * in a row, or the time is up). After every kill it checks that no forecast is half-written or mixed.
 */
final class KillLoop {
    private static final long POLL_MILLIS = 5;

    private final ChaosCampaign.Options o;
    private final PrintStream out;
    private final SparkSession spark;
    private final Installation inst;
    private final List<KillMoments.Planned> plan;
    private final String name;
    private final String[] runOptions;

    final List<ChaosCampaign.Kill> kills = new ArrayList<>();
    final List<ChildRun> runs = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /** {@code name} names the phase: its runs' logs ({@code logs/NAME-NN.*}) and its lines in the report. */
    KillLoop(ChaosCampaign.Options o, SparkSession spark, Installation inst, List<KillMoments.Planned> plan,
             String name, String... runOptions) {
        this.o = o;
        this.out = o.out;
        this.spark = spark;
        this.inst = inst;
        this.plan = plan;
        this.name = name;
        this.runOptions = runOptions;
    }

    int planned() {
        return plan.size();
    }

    String name() {
        return name;
    }

    void run() throws Exception {
        long deadline = System.nanoTime() + o.timeout.toNanos();
        int failuresInARow = 0;
        while (true) {
            KillMoments.Planned next = kills.size() < plan.size() ? plan.get(kills.size()) : null;
            KillMoments.Watch watch = next == null ? null : KillMoments.arm(next, inst.layout());
            ChildRun child = ChildRun.start(inst.command(o, runOptions), inst.home(), name, runs.size() + 1);
            runs.add(child);
            boolean due = false;
            boolean late = false;
            while (child.alive()) {
                if (watch != null && watch.due()) {
                    due = true;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    late = true;
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
            double seconds = child.seconds();
            int code = due || late ? child.kill() : child.waitFor(o.timeout);
            if (late) {
                problems.add("the killed installation's runs took longer than " + o.timeout + "; " + name + " #"
                        + child.number + " stopped");
                return;
            }
            if (due && code != 0) {
                ChaosCampaign.Kill k = recordKill(kills.size() + 1, child, next, watch, seconds);
                kills.add(k);
                if (k.brokenForecasts() != 0) {
                    problems.add(name + " kill " + k.number() + " left " + k.brokenForecasts()
                            + " forecasts neither complete nor absent");
                }
                if (k.mixedForecasts() != 0) {
                    problems.add(name + " kill " + k.number() + " left " + k.mixedForecasts()
                            + " forecasts with paths of two writes (fingerprints or generation timestamps differ)");
                }
                failuresInARow = 0;
                continue;
            }
            if (code == 0) {
                out.printf(Locale.ROOT, "  %s %2d exited 0 after %.1f s: backlog done%n", name, child.number, seconds);
                return;
            }
            problems.add(name + " #" + child.number + " exited " + code + " on its own after " + String.format(Locale.ROOT,
                    "%.1f", seconds) + " s (log " + child.stderr + "):\n    " + child.stderrTail(6));
            out.printf(Locale.ROOT, "  %s %2d exited %d on its own after %.1f s; restarting%n", name, child.number, code,
                    seconds);
            if (++failuresInARow >= 3) {
                problems.add("3 runs in a row failed on their own; stopped");
                return;
            }
        }
    }

    private ChaosCampaign.Kill recordKill(int number, ChildRun child, KillMoments.Planned p, KillMoments.Watch watch,
                                          double seconds) {
        Layout l = inst.layout();
        boolean inFlight = Layout.batch(l.offsets) > Layout.batch(l.commits);
        long rows = Comparison.rows(spark, inst.distributions());
        Comparison.Damage damage = rows == 0 ? new Comparison.Damage(0, 0)
                : Comparison.Damage.of(spark, inst.distributions(), o.paths);
        ChaosCampaign.Kill k = new ChaosCampaign.Kill(number, child.number, p.category(), p.twoPartitions(), p.describe(), seconds,
                watch.outcome(), inFlight, rows, damage.broken(), damage.mixed());
        out.printf(Locale.ROOT, "  kill %2d/%d  %s %2d at %5.1f s  %-24s %s: %s; %,d rows%s%s, %s%n", number, plan.size(),
                name, child.number, seconds, p.category().label, p.describe(), k.outcome(), rows,
                damage.broken() == 0 ? "" : ", " + damage.broken() + " INCOMPLETE FORECASTS",
                damage.mixed() == 0 ? "" : ", " + damage.mixed() + " MIXED FORECASTS",
                inFlight ? "batch " + Layout.batch(l.offsets) + " uncommitted" : "no batch in flight");
        return k;
    }
}
