package hindcast.model.xgboost;

import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.model.Rng;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Single-threaded xgboost forecasts per second, run by hand (not a test: timings on a shared machine are noise
 * to a build). Prints the rate by wall clock and by the thread's CPU time, which other jobs on the machine
 * disturb far less. Same fit and data as {@link XgbSimulatorTest}; 2,000 paths x {@link Horizon#DAYS} per forecast.
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) hindcast.model.xgboost.XgbThroughput [forecasts]
 * </pre>
 */
public final class XgbThroughput {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private XgbThroughput() {
    }

    public static void main(String[] args) {
        int forecasts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        XgbFeatures features = new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of(Synthetic.COVARIATE));
        MarketSeries series = Synthetic.series(1500, 11);
        Map<String, double[]> cov = Synthetic.covariates(series, 12);
        XgbFit fit = new XgbTrainer(features, XgbParams.defaults()).fit(series, cov, series.date(1200));
        float[][] out = new float[2000][Horizon.DAYS];
        try (XgbSimulator simulator = new XgbSimulator(fit)) {
            for (String phase : List.of("warm-up", "measured")) {
                long t0 = System.nanoTime();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < forecasts; i++) {
                    LocalDate start = series.date(1200 + i % 300);
                    simulator.simulate(series.cutAt(start.minusDays(1)), cov, start, new Rng(i), out);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
                System.out.printf("%s: %d forecasts in %.2f s wall, %.2f s cpu = %.1f forecasts/s wall, %.1f cpu%n",
                        phase, forecasts, seconds, cpuSeconds, forecasts / seconds, forecasts / cpuSeconds);
            }
        }
    }
}
