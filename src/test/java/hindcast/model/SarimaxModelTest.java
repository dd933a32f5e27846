package hindcast.model;

import hindcast.model.sarimax.SarimaxOrder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarimaxModelTest {
    /** Weekday closes 100 + a random walk + 0.5 * temperature, with a seasonal temperature covariate. */
    private static MarketSeries series(int n) {
        Rng rng = new Rng(7);
        List<Integer> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2015, 1, 5); days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add((int) d.toEpochDay());
            }
        }
        double[] close = new double[n];
        double[] temp = new double[n];
        double level = 100;
        for (int i = 0; i < n; i++) {
            temp[i] = 20 + 5 * Math.sin(2 * Math.PI * i / 260.0) + rng.nextGaussian();
            level += rng.nextGaussian();
            close[i] = level + 0.5 * temp[i];
        }
        return new MarketSeries("Coffee", days.stream().mapToInt(Integer::intValue).toArray(), close,
                Map.of("temp_mean_c", temp));
    }

    @Test
    void fitsTheRegressorAndForecastsFromTheLastObservation() {
        MarketSeries s = series(800);
        ForecastModel model = new SarimaxModel(new SarimaxOrder(0, 1, 0), List.of("temp_mean_c"), 0);
        ModelState state = model.fit(s.cutAt(s.date(599)));
        assertEquals(0.5, state.parameters().get("x1"), 0.1);

        LocalDate saturday = LocalDate.of(2018, 1, 6);
        float[][] paths = Forecaster.paths(state, s, "sarimax", saturday, 4000, 14);
        MarketSeries history = s.cutAt(saturday.minusDays(1));
        for (float[] p : paths) {
            assertEquals((float) history.lastClose(), p[0]); // Saturday, Sunday repeat the last close
            assertEquals(p[0], p[1]);
            assertEquals(p[6], p[7]);
        }
        double sd2 = sd(paths, 2);
        double sd13 = sd(paths, 13);
        assertTrue(sd13 > 2.5 * sd2, "spread grows with the horizon: " + sd2 + " -> " + sd13);
    }

    @Test
    void restoredParametersGiveIdenticalPathsAndLaterDataIsNeverSeen() {
        MarketSeries s = series(700);
        ForecastModel model = new SarimaxModel(null, List.of("temp_mean_c"), 300);
        ModelState fitted = model.fit(s.cutAt(s.date(499)));
        ModelState restored = model.restore(fitted.parameters());
        LocalDate d = s.date(600);
        float[][] a = Forecaster.paths(fitted, s, "sarimax", d, 100, 14);
        float[][] b = Forecaster.paths(restored, s.cutAt(d.minusDays(1)), "sarimax", d, 100, 14);
        for (int p = 0; p < a.length; p++) {
            assertArrayEquals(a[p], b[p]);
        }
        assertNotEquals(a[0][13], Forecaster.paths(fitted, s, "sarimax", d.plusDays(1), 100, 14)[0][13]);
    }

    @Test
    void aMissingCovariateIsAClearError() {
        MarketSeries s = series(300);
        ForecastModel model = new SarimaxModel(new SarimaxOrder(1, 1, 0), List.of("precipitation_mm"), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(s));
        assertTrue(e.getMessage().contains("no covariate 'precipitation_mm'"), e.getMessage());
    }

    private static double sd(float[][] paths, int day) {
        double sum = 0;
        double sq = 0;
        for (float[] p : paths) {
            sum += p[day];
            sq += (double) p[day] * p[day];
        }
        double mean = sum / paths.length;
        return Math.sqrt(sq / paths.length - mean * mean);
    }
}
