package hindcast.bench;

import hindcast.progress.BackfillEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackfillCostTest {
    @Test
    void sharesTheBackfillsWallTimeByBusyCoreSeconds() {
        // 100 s of backfill; xgboost kept the executors busy three times as long as naive, for half the forecasts.
        BackfillCost cost = BackfillCost.byUnit(100, List.of(
                new BackfillEvent.UnitDone("Coffee / naive", 1000, 0, 0, 60),
                new BackfillEvent.UnitDone("Coffee / xgboost", 500, 0, 0, 90)),
                Map.of("Coffee / naive", 10_000L, "Coffee / xgboost", 30_000L, "default", 5_000L));
        assertEquals(0.025, cost.secondsPerForecast("Coffee", "naive"), 1e-12);
        assertEquals(0.15, cost.secondsPerForecast("Coffee", "xgboost"), 1e-12);
        // All forecasts at their own cost add up to the backfill.
        assertEquals(100, 1000 * cost.secondsPerForecast("Coffee", "naive")
                + 500 * cost.secondsPerForecast("Coffee", "xgboost"), 1e-9);
        // A model the backfill did not run costs the average.
        assertEquals(100.0 / 1500, cost.secondsPerForecast("Sugar", "naive"), 1e-12);
    }

    @Test
    void uniformCostsEveryModelTheSame() {
        BackfillCost cost = BackfillCost.uniform(0.004);
        assertEquals(0.004, cost.secondsPerForecast("Coffee", "random_walk"));
        assertEquals(0.004, cost.secondsPerForecast("Sugar", "xgboost"));
        assertEquals("4.0 ms", cost.describe());
    }
}
