package hindcast.model.sarimax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The costs a backfill pays per forecast (filter to D-1, 2,000 x 14 paths) and per train date (fit), on
 * 2,000 observations with three regressors. Bounds are loose, to catch a regression by an order of
 * magnitude on a busy machine; the measured medians are printed.
 */
class SarimaxSpeedTest {
    private static final int N = 2000;

    @Test
    void filterAndSimulateAreFastFitIsReasonable() {
        double[][] x = Simulated.regressors(N, 3, 5);
        double[] y = Simulated.arima(N, 0.4, 1, 0.3, x, new double[] {0.8, -0.5, 0.2}, 6);
        double[][] future = Arrays.copyOfRange(x, N - 14, N);

        SarimaxOrder order = new SarimaxOrder(1, 1, 1);
        long t0 = System.nanoTime();
        SarimaxFit fit = Sarimax.fit(order, y, x);
        double fitMs = (System.nanoTime() - t0) / 1e6;

        double filterMs = median(() -> Sarimax.filter(fit.params(), y, x));
        FilteredState end = Sarimax.filter(fit.params(), y, x);
        double simulateMs = median(() -> end.simulate(2000, future, new Rng(1)));

        t0 = System.nanoTime();
        SarimaxFit auto = AutoOrder.select(y, x);
        double autoMs = (System.nanoTime() - t0) / 1e6;

        System.out.printf("SARIMAX on %d obs x 3 regressors: fit%s %.0f ms, filter %.3f ms, simulate 2000 x 14 "
                + "%.3f ms, auto order %s %.0f ms%n", N, order, fitMs, filterMs, simulateMs, auto.order(), autoMs);
        assertTrue(filterMs < 20, "filter " + filterMs + " ms");
        assertTrue(simulateMs < 20, "simulate " + simulateMs + " ms");
        assertTrue(fitMs < 5000, "fit " + fitMs + " ms");
    }

    /** Median wall time over 50 runs after 50 warm-up runs. */
    private static double median(Runnable task) {
        for (int i = 0; i < 50; i++) {
            task.run();
        }
        double[] ms = new double[50];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
