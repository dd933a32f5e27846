package hindcast.model.xgboost;

import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.model.Rng;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * xgboost forecasts per second by wall clock, run by hand (not a test: timings on a shared machine are noise to a
 * build). Also prints forecasts per CPU-second of the whole process (all Java and native threads), which other
 * jobs on the machine disturb less. Runs {@code threads} workers at once, each with its own simulator, as a Spark executor with that many
 * cores runs its tasks: the figure includes any contention between them, native (OpenMP) threads included. Same
 * fit and data as {@link XgbSimulatorTest}; 2,000 paths x {@link Horizon#DAYS} per forecast.
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) hindcast.model.xgboost.XgbThroughput [forecasts per thread] [threads]
 * </pre>
 */
public final class XgbThroughput {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final MarketSeries SERIES = Synthetic.series(1500, 11);

    private XgbThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int forecasts = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int covariates = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Map<String, double[]> cov = new LinkedHashMap<>(Synthetic.covariates(SERIES, 12));
        for (int c = 1; c < covariates; c++) {
            cov.put("covariate_" + c, Synthetic.covariates(SERIES, 12 + c).get(Synthetic.COVARIATE));
        }
        XgbFeatures features = new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.copyOf(cov.keySet()));
        XgbFit fit = new XgbTrainer(features, XgbParams.defaults()).fit(SERIES, cov, SERIES.date(1200));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String phase : List.of("warm-up", "measured")) {
                long t0 = System.nanoTime();
                long cpu0 = OS.getProcessCpuTime();
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    running.add(pool.submit(() -> forecast(fit, cov, worker, forecasts)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (OS.getProcessCpuTime() - cpu0) / 1e9;
                int total = forecasts * threads;
                System.out.printf("%s: %d threads x %d forecasts in %.2f s wall = %.1f forecasts/s"
                                + " (process cpu %.2f s = %.1f forecasts per cpu-second)%n",
                        phase, threads, forecasts, seconds, total / seconds, cpuSeconds, total / cpuSeconds);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void forecast(XgbFit fit, Map<String, double[]> cov, int worker, int forecasts) {
        float[][] out = new float[2000][Horizon.DAYS];
        XgbSimulator simulator = new XgbSimulator(fit);
        for (int i = 0; i < forecasts; i++) {
            LocalDate start = SERIES.date(1200 + (i + 150 * worker) % 300);
            simulator.simulate(SERIES.cutAt(start.minusDays(1)), cov, start, new Rng(i), out);
        }
    }
}
