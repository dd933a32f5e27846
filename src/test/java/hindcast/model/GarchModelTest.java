package hindcast.model;

import hindcast.model.garch.GarchParams;
import hindcast.model.garch.StudentT;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** garch_t: a fit that recovers its parameters, exact storage, deterministic paths that follow the filter. */
class GarchModelTest {
    private static final GarchParams TRUTH = new GarchParams(3e-4, 5e-6, 0.1, 0.87, 6);
    private static final MarketSeries SERIES = simulated(3200);

    /** Weekday closes from 100 whose log returns follow TRUTH. */
    private static MarketSeries simulated(int n) {
        Rng rng = new Rng(2026);
        int[] days = new int[n];
        double[] closes = new double[n];
        LocalDate d = LocalDate.of(2010, 1, 4);
        double log = Math.log(100);
        double h = TRUTH.omega() / (1 - TRUTH.alpha() - TRUTH.beta());
        for (int i = 0; i < n; i++, d = d.plusDays(1)) {
            while (!TradingDays.isTradingDay(d)) {
                d = d.plusDays(1);
            }
            days[i] = (int) d.toEpochDay();
            if (i > 0) {
                double e = Math.sqrt(h) * StudentT.draw(rng, TRUTH.shape());
                log += TRUTH.mu() + e;
                h = TRUTH.next(h, e);
            }
            closes[i] = Math.exp(log);
        }
        return new MarketSeries("Coffee", days, closes);
    }

    /** Standard errors with 3,000 returns are about 0.015 (alpha), 0.02 (beta), 1 (shape): 3 of them. */
    @Test
    void theFitRecoversTheParametersOfASimulatedSeries() {
        GarchParams p = GarchParams.fromMap(new GarchModel(3100).fit(SERIES).parameters());
        assertEquals(TRUTH.alpha(), p.alpha(), 0.045, "alpha");
        assertEquals(TRUTH.beta(), p.beta(), 0.06, "beta");
        assertEquals(TRUTH.shape(), p.shape(), 3, "shape");
        assertTrue(p.alpha() + p.beta() < 1);
    }

    @Test
    void restoredParametersAreTheFittedOnesAndForecastAlike() {
        GarchModel model = new GarchModel(1000);
        ModelState fitted = model.fit(SERIES.cutAt(SERIES.date(2999)));
        ModelState restored = model.restore(fitted.parameters());
        assertEquals(fitted.parameters(), restored.parameters());
        LocalDate start = SERIES.date(3100);
        assertTrue(Arrays.deepEquals(Forecaster.paths(fitted, SERIES, "garch_t", start, 50, 14),
                Forecaster.paths(restored, SERIES, "garch_t", start, 50, 14)));
    }

    @Test
    void pathsArePureFunctionsOfTheKey() {
        ModelState state = new GarchModel(1000).fit(SERIES.cutAt(SERIES.date(2999)));
        LocalDate start = SERIES.date(3100);
        float[][] a = Forecaster.paths(state, SERIES, "garch_t", start, 100, 14);
        assertTrue(Arrays.deepEquals(a, Forecaster.paths(state, SERIES, "garch_t", start, 100, 14)));
        assertFalse(Arrays.deepEquals(a, Forecaster.paths(state, SERIES, "garch_t_b", start, 100, 14)));
        assertFalse(Arrays.deepEquals(a, Forecaster.paths(state, SERIES, "garch_t", start.plusDays(7), 100, 14)));
        // Path by path: the first paths do not depend on how many are drawn (what an ensemble relies on).
        float[][] fewer = Forecaster.paths(state, SERIES, "garch_t", start, 30, 14);
        assertArrayEquals(a[29], fewer[29]);
    }

    /**
     * The day-1 log return of 40,000 paths has mean mu and variance h_D, the variance filtered with the fitted
     * parameters through D-1 over the train window, recomputed here from the recursion. With fitted shape near
     * 6 (kurtosis 6) the sample variance's standard error is about 1.1%: the tolerance is 5%, and h_D differs
     * from the unconditional variance by more than that, so paths drawn from the wrong variance fail.
     */
    @Test
    void dayOneReturnsHaveTheFilteredVariance() {
        int window = 1000;
        ModelState state = new GarchModel(window).fit(SERIES.cutAt(SERIES.date(2999)));
        GarchParams p = GarchParams.fromMap(state.parameters());
        LocalDate start = firstMondayAfter(SERIES.date(3150));
        MarketSeries history = SERIES.cutAt(start.minusDays(1));
        double[] r = history.lastLogReturns(window - 1);
        double ms = Arrays.stream(r).map(x -> (x - p.mu()) * (x - p.mu())).sum() / r.length;
        double h = p.omega() + (p.alpha() + p.beta()) * ms;
        for (int t = 1; t < r.length; t++) {
            h = p.omega() + p.alpha() * Math.pow(r[t - 1] - p.mu(), 2) + p.beta() * h;
        }
        double expected = p.omega() + p.alpha() * Math.pow(r[r.length - 1] - p.mu(), 2) + p.beta() * h;
        double unconditional = p.omega() / (1 - p.alpha() - p.beta());
        assertTrue(Math.abs(expected / unconditional - 1) > 0.15, expected + " vs " + unconditional);

        int n = 40_000;
        float[][] paths = Forecaster.paths(state, SERIES, "garch_t", start, n, 3);
        double sum = 0;
        double ss = 0;
        for (float[] path : paths) {
            double x = Math.log(path[0] / history.lastClose());
            sum += x;
            ss += x * x;
        }
        double mean = sum / n;
        assertEquals(p.mu(), mean, 5 * Math.sqrt(expected / n), "mean");
        assertEquals(expected, ss / n - mean * mean, 0.05 * expected, "variance");
    }

    @Test
    void weekendDaysCarryThePreviousPrice() {
        ModelState state = new GarchModel(1000).fit(SERIES.cutAt(SERIES.date(2999)));
        LocalDate saturday = firstMondayAfter(SERIES.date(3100)).minusDays(2);
        float last = (float) SERIES.cutAt(saturday.minusDays(1)).lastClose();
        for (float[] path : Forecaster.paths(state, SERIES, "garch_t", saturday, 200, 14)) {
            assertEquals(last, path[0]);
            assertEquals(last, path[1]);
            assertEquals(path[6], path[7]); // Friday, Saturday, Sunday
            assertEquals(path[6], path[8]);
            assertTrue(path[2] != last && path[3] != path[2], "weekdays move");
        }
    }

    @Test
    void aTrainWindowTooShortToFitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GarchModel(10));
        assertThrows(IllegalArgumentException.class, () -> new GarchModel(200).fit(SERIES.last(15)));
    }

    private static LocalDate firstMondayAfter(LocalDate d) {
        LocalDate m = d.plusDays(1);
        while (m.getDayOfWeek() != DayOfWeek.MONDAY) {
            m = m.plusDays(1);
        }
        return m;
    }
}
