package hindcast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forecaster: paths are a pure function of the key, the state and the data before the start date. */
class ForecasterTest {
    private static final LocalDate FIRST = LocalDate.of(2021, 1, 4);

    /** Weekday closes from 2021-01-04 for 60 weekdays, a deterministic wiggle. */
    static MarketSeries series(double scaleFrom, LocalDate scaleDate) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST; days.size() < 60; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        int[] epoch = new int[days.size()];
        double[] closes = new double[days.size()];
        for (int i = 0; i < epoch.length; i++) {
            epoch[i] = (int) days.get(i).toEpochDay();
            closes[i] = 100 + 5 * Math.sin(i / 3.0) + i * 0.1;
            if (scaleDate != null && !days.get(i).isBefore(scaleDate)) {
                closes[i] *= scaleFrom;
            }
        }
        return new MarketSeries("Coffee", epoch, closes);
    }

    private static final ModelState STATE = new LogRandomWalk(0.0005, 0.015);

    private static float[][] paths(MarketSeries s, String model, LocalDate d) {
        return Forecaster.paths(STATE, s, model, d, 50, 14);
    }

    @Test
    void sameKeySamePaths() {
        LocalDate d = LocalDate.of(2021, 2, 10);
        assertArrayEquals(paths(series(1, null), "naive", d), paths(series(1, null), "naive", d));
    }

    @Test
    void anyPartOfTheKeyChangesThePaths() {
        LocalDate d = LocalDate.of(2021, 2, 10);
        float[][] base = paths(series(1, null), "naive", d);
        assertFalse(Arrays.deepEquals(base, paths(series(1, null), "random_walk", d)), "model_version");
        MarketSeries sugar = new MarketSeries("Sugar", epochs(series(1, null)), closes(series(1, null)));
        assertFalse(Arrays.deepEquals(base, Forecaster.paths(STATE, sugar, "naive", d, 50, 14)), "commodity");
    }

    @Test
    void twoDatesInOneTrainingWindowGetDifferentForecasts() {
        // Same fitted state, consecutive weekdays: the last close and the seed both move.
        MarketSeries s = series(1, null);
        LocalDate d = LocalDate.of(2021, 2, 10);
        float[][] a = paths(s, "naive", d);
        float[][] b = paths(s, "naive", d.plusDays(1));
        assertFalse(Arrays.deepEquals(a, b));
        // A Saturday and the Sunday after have the same last close (Friday), yet different draws.
        float[][] sat = paths(s, "naive", LocalDate.of(2021, 2, 13));
        float[][] sun = paths(s, "naive", LocalDate.of(2021, 2, 14));
        assertEquals(sat[0][0], sun[0][0], "both open at Friday's close");
        assertFalse(Arrays.deepEquals(sat, sun), "seeds differ by date");
    }

    @Test
    void dataOnOrAfterTheStartDateIsNotUsed() {
        LocalDate d = LocalDate.of(2021, 2, 10);
        float[][] full = paths(series(1, null), "naive", d);
        assertArrayEquals(full, paths(series(3, d), "naive", d), "data dated >= D tripled");
        MarketSeries cut = series(1, null).cutAt(d.minusDays(1));
        MarketSeries copy = new MarketSeries("Coffee", epochs(cut), closes(cut));
        assertArrayEquals(full, paths(copy, "naive", d), "series holding only data <= D-1");
        // ... and the data of D-1 is used.
        assertFalse(Arrays.deepEquals(full, paths(series(3, d.minusDays(1)), "naive", d)));
        assertEquals((float) cut.lastClose(), (float) series(1, null).cutAt(d.minusDays(1)).lastClose());
    }

    @Test
    void noHistoryBeforeTheStartIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> paths(series(1, null), "naive", FIRST));
        assertEquals("Coffee: no market data before 2021-01-04", e.getMessage());
    }

    private static int[] epochs(MarketSeries s) {
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) s.date(i).toEpochDay();
        }
        return out;
    }

    private static double[] closes(MarketSeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.close(i);
        }
        return out;
    }
}
