package hindcast.model;

import hindcast.model.sarimax.SarimaxOrder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static hindcast.model.SarimaxModel.ExogProjection.PERSIST;
import static hindcast.model.SarimaxModel.ExogProjection.SEASONAL;
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
        ForecastModel model = new SarimaxModel(new SarimaxOrder(0, 1, 0), List.of("temp_mean_c"), PERSIST, 0, 0);
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
        ForecastModel model = new SarimaxModel(null, List.of("temp_mean_c"), PERSIST, 300, 60);
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
        ForecastModel model = new SarimaxModel(new SarimaxOrder(1, 1, 0), List.of("precipitation_mm"), PERSIST, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(s));
        assertTrue(e.getMessage().contains("no covariate 'precipitation_mm'"), e.getMessage());
    }

    @Test
    void aRegressorThatStartsLateShortensTheWindowAndOneMissingOnTheLastDayIsAnError() {
        MarketSeries s = series(700);
        double[] temp = s.covariateColumns(List.of("temp_mean_c")).get("temp_mean_c");
        java.util.Arrays.fill(temp, 0, 300, Double.NaN); // the weather file starts 300 days after the prices
        int[] days = new int[700];
        for (int i = 0; i < 700; i++) {
            days[i] = (int) s.date(i).toEpochDay();
        }
        MarketSeries late = new MarketSeries("Coffee", days, s.closes(), Map.of("temp_mean_c", temp));
        ForecastModel model = new SarimaxModel(new SarimaxOrder(0, 1, 0), List.of("temp_mean_c"), PERSIST, 600, 60);
        ModelState fitted = model.fit(late);
        ModelState onlyPresent = model.fit(new MarketSeries("Coffee", java.util.Arrays.copyOfRange(days, 300, 700),
                java.util.Arrays.copyOfRange(s.closes(), 300, 700),
                Map.of("temp_mean_c", java.util.Arrays.copyOfRange(temp, 300, 700))));
        assertEquals(onlyPresent.parameters(), fitted.parameters());

        temp[699] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(late));
        assertEquals("Coffee: covariate temp_mean_c is missing on " + s.date(699), e.getMessage());
    }

    /** ARIMA(0,1,0) errors, y = w + 0.5 temp, with a tiny innovation variance: the path mean shows the projection. */
    private static final Map<String, Double> KNOWN = Map.of("p", 0.0, "d", 1.0, "q", 0.0, "x1", 0.5, "sigma2", 1e-6);

    @Test
    void seasonalProjectionAveragesTheSameDayOfThePreviousThreeYears() {
        // temp 10 on every day except 30 on the last observation before D: persist carries the spike forward,
        // seasonal uses the (unspiked) values a year, two and three years earlier.
        int n = 1000;
        MarketSeries base = series(n);
        double[] temp = new double[n];
        java.util.Arrays.fill(temp, 10);
        temp[n - 1] = 30;
        int[] days = new int[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = (int) base.date(i).toEpochDay();
            close[i] = 100 + 0.5 * temp[i];
        }
        MarketSeries s = new MarketSeries("Coffee", days, close, Map.of("temp_mean_c", temp));
        LocalDate d = s.lastDate().plusDays(1);
        double persist = pathMean(new SarimaxModel(null, List.of("temp_mean_c"), PERSIST, 0, 0), s, d);
        double seasonal = pathMean(new SarimaxModel(null, List.of("temp_mean_c"), SEASONAL, 0, 0), s, d);
        assertEquals(115, persist, 0.01);
        assertEquals(105, seasonal, 0.01);
    }

    @Test
    void noiseWindowScalesTheSpreadToTheRecentErrors() {
        // A random walk whose steps become 3 times larger over the last 60 days: the fitted sigma2 (1) is too
        // small for them; with noise-window = 60 the spread follows the recent steps.
        Rng rng = new Rng(3);
        int n = 600;
        int[] days = new int[n];
        double[] close = new double[n];
        MarketSeries base = series(n);
        double level = 100;
        for (int i = 0; i < n; i++) {
            days[i] = (int) base.date(i).toEpochDay();
            level += (i >= n - 60 ? 3 : 1) * rng.nextGaussian();
            close[i] = level;
        }
        MarketSeries s = new MarketSeries("Coffee", days, close);
        Map<String, Double> params = Map.of("p", 0.0, "d", 1.0, "q", 0.0, "sigma2", 1.0);
        LocalDate d = s.lastDate().plusDays(1);
        float[][] fitted = Forecaster.paths(new SarimaxModel(null, List.of(), PERSIST, 0, 0).restore(params), s,
                "sarimax", d, 4000, 14);
        float[][] recent = Forecaster.paths(new SarimaxModel(null, List.of(), PERSIST, 0, 60).restore(params), s,
                "sarimax", d, 4000, 14);
        double ratio = sd(recent, 13) / sd(fitted, 13);
        assertTrue(ratio > 2.4 && ratio < 3.6, "spread ratio " + ratio);
    }

    private static double pathMean(SarimaxModel model, MarketSeries s, LocalDate d) {
        float[][] paths = Forecaster.paths(model.restore(KNOWN), s, "sarimax", d, 200, 14);
        double sum = 0;
        for (float[] p : paths) {
            sum += p[13];
        }
        return sum / paths.length;
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
