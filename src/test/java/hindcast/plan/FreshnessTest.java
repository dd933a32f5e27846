package hindcast.plan;

import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fit and forecast freshness without Spark: definitions, what differs, and what a correction makes stale. */
class FreshnessTest {

    @Test
    void changesNameEachParameterThatDiffersOldToNew() {
        assertEquals("vol-window 250 → 100", Freshness.changes("naive(vol-window=250)", "naive(vol-window=100)"));
        assertEquals("lags [1, 7, 14] → [1, 2], rounds 200 → 300",
                Freshness.changes("xgboost(covariates=[], lags=[1, 7, 14], rounds=200)",
                        "xgboost(covariates=[], lags=[1, 2], rounds=300)"));
        assertEquals("naive(vol-window=250) → random_walk(drift-window=30, vol-window=250)",
                Freshness.changes("naive(vol-window=250)", "random_walk(drift-window=30, vol-window=250)"));
        assertTrue(Freshness.changes(null, "naive(vol-window=250)").startsWith("the fit records no definition"));
        // An ensemble's members carry definitions of their own: a member that changed is named whole.
        assertEquals("garch_t garch_t(train-window=1000) → garch_t(train-window=500)",
                Freshness.changes("ensemble(members=[naive, garch_t], naive=naive(vol-window=250), "
                                + "garch_t=garch_t(train-window=1000))",
                        "ensemble(members=[naive, garch_t], naive=naive(vol-window=250), "
                                + "garch_t=garch_t(train-window=500))"));
    }

    @Test
    void aDefinitionWrittenAnotherWayIsTheSameModel() {
        MarketSeries s = series(new double[]{100, 101, 102, 103, 104});
        Freshness a = Freshness.of(new ModelSpec("naive", "naive", Map.of()), s);
        Freshness b = Freshness.of(new ModelSpec("naive", "naive", Map.of("vol_window", 250)), s);
        assertEquals(a.definition(), b.definition());
        LocalDate t = s.date(2);
        assertEquals(a.forecast(t, s.date(4).plusDays(1)), b.forecast(t, s.date(4).plusDays(1)));
        TrainedModel fit = new TrainedModel(t, Map.of(), 2).madeBy(a.definition(), a.fitInputs(t));
        assertTrue(b.isFresh(fit));
        Freshness other = Freshness.of(new ModelSpec("naive", "naive", Map.of("vol-window", 100)), s);
        assertTrue(other.definitionChanged(fit));
        assertNotEquals(a.forecast(t, s.date(4)), other.forecast(t, s.date(4)));
    }

    @Test
    void aCorrectedCloseMakesStaleWhatReadItOnly() {
        double[] closes = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111};
        MarketSeries before = series(closes);
        closes[6] = 99; // the 7th weekday
        MarketSeries after = series(closes);
        Freshness old = Freshness.of(new ModelSpec("naive", "naive", Map.of("vol-window", 3)), before);
        Freshness now = Freshness.of(new ModelSpec("naive", "naive", Map.of("vol-window", 3)), after);
        LocalDate corrected = before.date(6);
        LocalDate early = before.date(2);
        // A forecast reads its last close: the day after the correction is stale, the one after that is not.
        assertNotEquals(old.forecast(early, corrected.plusDays(1)), now.forecast(early, corrected.plusDays(1)));
        assertEquals(old.forecast(early, before.date(7).plusDays(1)), now.forecast(early, after.date(7).plusDays(1)));
        // A fit reads vol-window + 1 closes before its train date.
        assertEquals(old.fitInputs(corrected), now.fitInputs(corrected));
        assertNotEquals(old.fitInputs(corrected.plusDays(1)), now.fitInputs(corrected.plusDays(1)));
        assertNotEquals(old.fitInputs(before.date(9)), now.fitInputs(before.date(9)));
        assertEquals(old.fitInputs(before.date(11)), now.fitInputs(after.date(11)),
                "its window of 4 closes no longer holds the corrected one");
        TrainedModel fit = new TrainedModel(before.date(8), Map.of(), 8)
                .madeBy(old.definition(), old.fitInputs(before.date(8)));
        assertFalse(now.isFresh(fit));
        assertEquals(Rejection.Kind.FIT_STALE, now.check(fit, "fix").orElseThrow().kind());
    }

    /** Closes on consecutive weekdays from Monday 2024-01-01. */
    private static MarketSeries series(double[] closes) {
        List<LocalDate> days = LocalDate.of(2024, 1, 1).datesUntil(LocalDate.of(2024, 3, 1))
                .filter(d -> d.getDayOfWeek().getValue() <= 5).limit(closes.length).toList();
        return new MarketSeries("Coffee", days.stream().mapToInt(d -> (int) d.toEpochDay()).toArray(), closes.clone());
    }
}
