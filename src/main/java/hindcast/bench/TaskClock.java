package hindcast.bench;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.collection.JavaConverters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times a step on the driver and records, with a {@link SparkListener} on the SparkContext for the step's duration,
 * when each of its tasks launched and finished (the scheduler's times, on the driver's clock too), for
 * {@link Utilisation}, and the CPU time the tasks' threads used: on a machine where other threads (the JIT
 * compilers, the garbage collector, the driver) want the cores too, a task is busy longer than it computes.
 */
final class TaskClock extends SparkListener {
    /** Launch times of the tasks running, by task id. */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();
    private final List<Utilisation.Interval> finished = new ArrayList<>();
    /** The scheduler pool of each stage: a unit of work's jobs run in a pool named after it. */
    private final Map<Integer, String> poolOfStage = new ConcurrentHashMap<>();
    /** Finished tasks' busy milliseconds by scheduler pool. */
    private final Map<String, Long> busyByPool = new ConcurrentHashMap<>();
    /** Finished tasks' CPU nanoseconds (Spark's executorCpuTime: the task thread's own CPU time). */
    private long cpuNanos;

    /**
     * What the step returned, how it used the executors, the busy core-milliseconds of its tasks by scheduler
     * pool (the work of each unit, which the units' overlapping wall times do not show), and the CPU
     * milliseconds its finished tasks used.
     */
    record Measured<T>(T value, Utilisation utilisation, Map<String, Long> busyMillisByPool, long cpuMillis) {
        double seconds() {
            return utilisation.spanMillis() / 1e3;
        }

        /** The share of its tasks' busy time they had a core: 1 when nothing else wanted the cores. */
        double cpuShare() {
            long busy = busyMillisByPool.values().stream().mapToLong(Long::longValue).sum();
            return busy == 0 ? 0 : cpuMillis / (double) busy;
        }
    }

    private TaskClock() {
    }

    static <T> Measured<T> measure(SparkContext sc, Callable<T> step) throws Exception {
        TaskClock clock = new TaskClock();
        sc.addSparkListener(clock);
        long start = System.currentTimeMillis();
        long end;
        T value;
        try {
            value = step.call();
        } finally {
            end = System.currentTimeMillis();
            // The bus hands events to listeners on its own thread: wait for the step's last task ends.
            sc.listenerBus().waitUntilEmpty();
            sc.removeSparkListener(clock);
        }
        return new Measured<>(value, Utilisation.of(clock.intervals(end), start, end, executorCores(sc)),
                Map.copyOf(clock.busyByPool), clock.cpuMillis());
    }

    /**
     * The executors' cores added up, from the status store (the driver's entry has 0 on a cluster and the local
     * cores on local[N]); not defaultParallelism, which spark.default.parallelism may override.
     */
    static int executorCores(SparkContext sc) {
        int cores = 0;
        for (ExecutorSummary e : JavaConverters.seqAsJavaList(sc.statusStore().executorList(true))) {
            cores += e.totalCores();
        }
        return cores;
    }

    private synchronized long cpuMillis() {
        return cpuNanos / 1_000_000;
    }

    /** The finished tasks, and the ones still running as if they ended at {@code end}. */
    private synchronized List<Utilisation.Interval> intervals(long end) {
        List<Utilisation.Interval> all = new ArrayList<>(finished);
        running.values().forEach(launch -> all.add(new Utilisation.Interval(launch, end)));
        return all;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String pool = submitted.properties() == null ? null : submitted.properties().getProperty("spark.scheduler.pool");
        poolOfStage.put(submitted.stageInfo().stageId(), pool == null ? "default" : pool);
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart taskStart) {
        running.put(taskStart.taskInfo().taskId(), taskStart.taskInfo().launchTime());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        running.remove(taskEnd.taskInfo().taskId());
        finished.add(new Utilisation.Interval(taskEnd.taskInfo().launchTime(), taskEnd.taskInfo().finishTime()));
        busyByPool.merge(poolOfStage.getOrDefault(taskEnd.stageId(), "default"),
                taskEnd.taskInfo().finishTime() - taskEnd.taskInfo().launchTime(), Long::sum);
        if (taskEnd.taskMetrics() != null) { // none for a task that failed before it ran
            cpuNanos += taskEnd.taskMetrics().executorCpuTime();
        }
    }
}
