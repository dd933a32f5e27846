package hindcast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The simulation: weekends repeat the previous price, spread and drift grow with trading steps. */
class LogRandomWalkTest {
    private static final double LAST_CLOSE = 123.45;

    /** Closes on the five weekdays up to Friday 2021-03-05, the last one LAST_CLOSE. */
    private static MarketSeries history() {
        int d0 = (int) LocalDate.of(2021, 3, 1).toEpochDay();
        return new MarketSeries("Coffee", new int[] {d0, d0 + 1, d0 + 2, d0 + 3, d0 + 4},
                new double[] {120, 121, 119, 122, LAST_CLOSE});
    }

    private static float[][] simulate(double mu, double sigma, LocalDate start, int paths, long seed) {
        float[][] out = new float[paths][14];
        new LogRandomWalk(mu, sigma).simulate(history(), start, new Rng(seed), out);
        return out;
    }

    private static boolean trading(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void weekendsRepeatThePreviousPriceAndWeekdaysMove() {
        LocalDate thursday = LocalDate.of(2021, 3, 11);
        float[][] out = simulate(0.001, 0.02, thursday, 200, 7);
        for (float[] p : out) {
            // k: 0 Thu, 1 Fri, 2 Sat, 3 Sun, 4 Mon, ..., 9 Sat, 10 Sun, 11 Mon
            assertEquals(p[1], p[2]);
            assertEquals(p[1], p[3]);
            assertEquals(p[8], p[9]);
            assertEquals(p[8], p[10]);
            assertNotEquals(p[0], (float) LAST_CLOSE);
            assertNotEquals(p[3], p[4]);
            assertNotEquals(p[10], p[11]);
        }
    }

    @Test
    void aSaturdayStartOpensAtTheLastClose() {
        LocalDate saturday = LocalDate.of(2021, 3, 6);
        float[][] out = simulate(0.01, 0.02, saturday, 100, 11);
        for (float[] p : out) {
            assertEquals((float) LAST_CLOSE, p[0], "day_1 on a Saturday is the last close");
            assertEquals((float) LAST_CLOSE, p[1], "day_2 on the Sunday too");
            assertNotEquals((float) LAST_CLOSE, p[2], "Monday moves");
        }
    }

    @Test
    void withoutNoiseThePathIsTheDriftPerTradingDay() {
        LocalDate start = LocalDate.of(2021, 3, 10); // Wednesday
        float[][] flat = simulate(0, 0, start, 3, 1);
        float[][] drift = simulate(0.01, 0, start, 3, 1);
        int steps = 0;
        for (int k = 0; k < 14; k++) {
            if (trading(start.plusDays(k))) {
                steps++;
            }
            double expected = LAST_CLOSE * Math.exp(0.01 * steps);
            for (int p = 0; p < 3; p++) {
                assertEquals((float) LAST_CLOSE, flat[p][k]);
                assertEquals(expected, drift[p][k], expected * 1e-6, "day " + (k + 1));
            }
        }
        assertEquals(10, steps, "14 calendar days from a Wednesday hold 10 weekdays");
    }

    @Test
    void logVarianceGrowsLinearlyAndLogMeanFollowsMu() {
        double mu = 0.002;
        double sigma = 0.02;
        int n = 20_000;
        LocalDate start = LocalDate.of(2021, 3, 8); // Monday
        float[][] out = simulate(mu, sigma, start, n, 2024);
        double log0 = Math.log(LAST_CLOSE);
        int steps = 0;
        for (int k = 0; k < 14; k++) {
            if (trading(start.plusDays(k))) {
                steps++;
            }
            double sum = 0;
            double sumSq = 0;
            for (float[] p : out) {
                double x = Math.log(p[k]) - log0;
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double var = (sumSq - n * mean * mean) / (n - 1);
            // Standard errors: mean sigma*sqrt(steps/n) (<= 0.0005), variance about 1% relative; allow ~5 of them.
            assertEquals(steps * mu, mean, 5 * sigma * Math.sqrt((double) steps / n), "mean of log path, day " + (k + 1));
            assertEquals(steps * sigma * sigma, var, 0.05 * steps * sigma * sigma, "log variance, day " + (k + 1));
        }
        assertEquals(10, steps);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LogRandomWalk(0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new LogRandomWalk(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new LogRandomWalk(0, Double.POSITIVE_INFINITY));
    }
}
