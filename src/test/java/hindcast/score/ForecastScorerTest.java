package hindcast.score;

import hindcast.model.MarketSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One forecast made on Wednesday 2021-03-03, scored by hand. The market trades Mon 03-01, Tue 03-02, Wed 03-03,
 * Fri 03-05 and Mon 03-08 (Thursday 03-04 is a holiday).
 */
class ForecastScorerTest {
    private static final LocalDate START = LocalDate.of(2021, 3, 3);
    private static final MarketSeries MARKET = new MarketSeries("Coffee",
            Arrays.stream(new String[] {"2021-03-01", "2021-03-02", "2021-03-03", "2021-03-05", "2021-03-08"})
                    .mapToInt(d -> (int) LocalDate.parse(d).toEpochDay()).toArray(),
            new double[] {100, 101, 102, 104, 105});

    @Test
    void scoresTradingDaysWithAnActualOnly() {
        // h = 1..6 is Wed 03-03 .. Mon 03-08. The actuals row carries the last close over the holiday and the
        // weekend; the Monday's actual is missing.
        List<Float> actuals = Arrays.asList(103f, 103f, 110f, 110f, 110f, null);
        List<float[]> samples = List.of(new float[] {106, 100, 104, 102}, new float[] {1, 2}, new float[] {105, 95},
                new float[] {1, 2}, new float[] {1, 2}, new float[] {1, 2});

        List<ForecastScorer.HorizonMetrics> scored = ForecastScorer.score(MARKET, START, actuals, samples);

        assertEquals(List.of(1, 3), scored.stream().map(ForecastScorer.HorizonMetrics::horizon).toList(),
                "Thursday (holiday), the weekend and Monday (no actual) are not scored");
        ForecastScorer.HorizonMetrics wed = scored.get(0);
        assertEquals(LocalDate.of(2021, 3, 3), wed.targetDate());
        assertEquals(101, wed.lastClose(), 0, "Tuesday's close, the latest before the forecast");
        HorizonScore s = wed.score();
        // Samples 100, 102, 104, 106 against 103: mean 103; median (102 + 104) / 2.
        assertEquals(103, s.actual(), 0);
        assertEquals(103, s.mean(), 1e-12);
        assertEquals(103, s.median(), 1e-12);
        // CRPS = mean |x - y| - sum_ij |xi - xj| / (2 n^2) = (3 + 1 + 1 + 3) / 4 - 40 / 32.
        assertEquals(0.75, s.crps(), 1e-12);
        assertEquals(0.5, s.pit(), 1e-12, "two of four samples below");
        // Central 50%: q(0.25) = 100 + 0.75 * 2 = 101.5, q(0.75) = 104 + 0.25 * 2 = 104.5.
        assertEquals(3, s.width()[0], 1e-12);
        assertArrayEquals(new boolean[] {true, true, true}, s.covered());

        ForecastScorer.HorizonMetrics fri = scored.get(1);
        assertEquals(LocalDate.of(2021, 3, 5), fri.targetDate());
        assertEquals(101, fri.lastClose(), 0);
        HorizonScore f = fri.score();
        // Samples 95, 105 against 110: CRPS = (15 + 5) / 2 - 20 / 8.
        assertEquals(100, f.mean(), 1e-12);
        assertEquals(7.5, f.crps(), 1e-12);
        assertEquals(1.0, f.pit(), 0);
        // Central 95%: 95 + 0.025 * 10 = 95.25 .. 104.75, which misses 110.
        assertEquals(9.5, f.width()[2], 1e-12);
        assertArrayEquals(new boolean[] {false, false, false}, f.covered());
    }

    @Test
    void pathsAreScoredOnTheSameDaysInPathIdOrder() {
        // h = 1..3 is Wed 03-03 .. Fri 03-05; Thursday is a holiday. Paths by id: 1 = (103, 999, 110), 2 = (96, 1, 95).
        List<Float> actuals = Arrays.asList(103f, 103f, 110f);
        List<float[]> samples = List.of(new float[] {96, 103}, new float[] {1, 999}, new float[] {95, 110});
        PathScore s = ForecastScorer.paths(MARKET, START, actuals, samples, new int[] {2, 1});
        assertEquals(2, s.tradingDays());
        // Relative to Tuesday's 101: path 1 is the outcome, path 2 is (7, 15)/101 away from it, and from path 1.
        double apart = Math.hypot(7, 15) / 101;
        assertEquals(apart / 2 - (2.0 * apart) / (2 * 4), s.energyScore(), 1e-12);
        assertEquals(0.5, s.pUp(), 0, "110 >= 1.05 x 101; the 999 of the holiday does not count");
        assertEquals(0.5, s.pDown(), 0, "95 <= 0.95 x 101 = 95.95");
        assertEquals(PathScore.of(new float[][] {{103, 999, 110}, {96, 1, 95}}, new double[] {103, Double.NaN, 110},
                101), s);
    }

    @Test
    void everyHorizonNeedsItsActualSlot() {
        assertThrows(IllegalArgumentException.class, () -> ForecastScorer.score(MARKET, START, List.of(1f),
                List.of(new float[] {1}, new float[] {2})));
    }
}
