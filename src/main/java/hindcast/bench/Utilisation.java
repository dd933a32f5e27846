package hindcast.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a step used the executors, from its span on the driver's clock and the intervals its tasks ran, in
 * milliseconds. Pure arithmetic (no Spark), so {@link TaskClock} only has to collect the intervals.
 *
 * @param spanMillis       the step's wall-clock time
 * @param busyMillis       the tasks' durations added up (core-milliseconds: a task holds one core)
 * @param driverOnlyMillis the part of the span during which no task was running
 * @param cores            the executor cores the step had
 */
public record Utilisation(long spanMillis, long busyMillis, long driverOnlyMillis, int cores) {

    /** A task's run, from launch to finish. */
    public record Interval(long start, long end) {
    }

    /**
     * The figures of a step spanning [start, end]; task intervals are clipped to the span (a task running
     * across an edge counts for its part inside).
     */
    public static Utilisation of(List<Interval> tasks, long start, long end, int cores) {
        if (end < start || cores < 1) {
            throw new IllegalArgumentException("span " + start + ".." + end + " on " + cores + " cores");
        }
        List<Interval> clipped = new ArrayList<>();
        for (Interval t : tasks) {
            long from = Math.max(t.start(), start);
            long to = Math.min(t.end(), end);
            if (from < to) {
                clipped.add(new Interval(from, to));
            }
        }
        clipped.sort(Comparator.comparingLong(Interval::start));
        long busy = 0;
        long covered = 0;
        long runStart = 0;
        long runEnd = Long.MIN_VALUE; // the union's current run of overlapping tasks
        for (Interval t : clipped) {
            busy += t.end() - t.start();
            if (t.start() > runEnd) {
                covered += Math.max(0, runEnd - runStart);
                runStart = t.start();
                runEnd = t.end();
            } else {
                runEnd = Math.max(runEnd, t.end());
            }
        }
        covered += Math.max(0, runEnd - runStart);
        return new Utilisation(end - start, busy, end - start - covered, cores);
    }

    /** Busy core-time over the core-time the span offered: 1 when every core ran a task all along. */
    public double utilisation() {
        return spanMillis == 0 ? 0 : busyMillis / ((double) spanMillis * cores);
    }

    /** The fraction of the span the driver worked alone: Amdahl's serial fraction. */
    public double driverOnlyShare() {
        return spanMillis == 0 ? 0 : driverOnlyMillis / (double) spanMillis;
    }

    /**
     * Amdahl's projection of the step's time on {@code n} cores relative to its time now: the serial (driver-only)
     * fraction s stays, the rest was measured on {@link #cores} cores and divides by the cores: s + (1 - s) x cores / n.
     */
    public double relativeTime(int n) {
        double s = driverOnlyShare();
        return s + (1 - s) * cores / n;
    }

    /** Projected speed-up of going from {@code from} to {@code to} cores. */
    public double speedUp(int from, int to) {
        return relativeTime(from) / relativeTime(to);
    }
}
