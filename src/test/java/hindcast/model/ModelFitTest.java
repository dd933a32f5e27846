package hindcast.model;

import hindcast.error.BadConfigException;
import hindcast.error.HindcastException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** naive and random_walk fits on a tiny hand-made series, with mu and sigma worked out by hand. */
class ModelFitTest {
    private static final double EPS = 1e-12;

    /**
     * Five closes whose log returns are exactly (up to rounding) 0.10, -0.20, 0.05, 0.15.
     * All four: mean 0.025, deviations 0.075, -0.225, 0.025, 0.125, squares sum 0.0725, sample var 0.0725/3.
     * Last three: mean 0, squares 0.04 + 0.0025 + 0.0225 = 0.065, sample var 0.065/2 = 0.0325.
     * Last two: mean 0.10.
     */
    static MarketSeries handMade() {
        double[] returns = {0.10, -0.20, 0.05, 0.15};
        double[] closes = new double[5];
        closes[0] = 100;
        double log = Math.log(100);
        for (int i = 0; i < returns.length; i++) {
            log += returns[i];
            closes[i + 1] = Math.exp(log);
        }
        int d0 = (int) LocalDate.of(2021, 3, 1).toEpochDay(); // Monday
        return new MarketSeries("Coffee", new int[] {d0, d0 + 1, d0 + 2, d0 + 3, d0 + 4}, closes);
    }

    @Test
    void naiveIsDriftlessWithTheSampleStdDevOfTheVolWindow() {
        LogRandomWalk all = (LogRandomWalk) new NaiveModel(250).fit(handMade());
        assertEquals(0.0, all.mu());
        assertEquals(Math.sqrt(0.0725 / 3), all.sigma(), EPS);

        LogRandomWalk lastThree = (LogRandomWalk) new NaiveModel(3).fit(handMade());
        assertEquals(0.0, lastThree.mu());
        assertEquals(Math.sqrt(0.0325), lastThree.sigma(), EPS);
    }

    @Test
    void randomWalkDriftIsTheMeanOfTheDriftWindow() {
        LogRandomWalk all = (LogRandomWalk) new RandomWalkModel(250, 30).fit(handMade());
        assertEquals(0.025, all.mu(), EPS);
        assertEquals(Math.sqrt(0.0725 / 3), all.sigma(), EPS);

        LogRandomWalk windows = (LogRandomWalk) new RandomWalkModel(3, 2).fit(handMade());
        assertEquals(0.10, windows.mu(), EPS);
        assertEquals(Math.sqrt(0.0325), windows.sigma(), EPS);

        LogRandomWalk lastOne = (LogRandomWalk) new RandomWalkModel(2, 1).fit(handMade());
        assertEquals(0.15, lastOne.mu(), EPS);
        // Last two returns -> 0.05, 0.15: mean 0.10, sample var (0.0025 + 0.0025) / 1.
        assertEquals(Math.sqrt(0.005), lastOne.sigma(), EPS);
    }

    @Test
    void fitsSeeOnlyTheSeriesTheyAreGiven() {
        MarketSeries cut = handMade().cutAt(LocalDate.of(2021, 3, 4)); // 4 closes: returns 0.10, -0.20, 0.05
        LogRandomWalk rw = (LogRandomWalk) new RandomWalkModel(250, 30).fit(cut);
        assertEquals((0.10 - 0.20 + 0.05) / 3, rw.mu(), EPS);
        // mean -0.05/3; sum of squares 0.01 + 0.04 + 0.0025 = 0.0525, minus 3 * mean^2 = 0.0025/3; over n-1 = 2.
        assertEquals(Math.sqrt((0.0525 - 0.0025 / 3) / 2), rw.sigma(), EPS);
    }

    @Test
    void parametersRoundTripExactly() {
        NaiveModel naive = new NaiveModel(250);
        ModelState fitted = new RandomWalkModel(250, 30).fit(handMade());
        Map<String, Double> p = fitted.parameters();
        assertEquals(Map.of("mu", ((LogRandomWalk) fitted).mu(), "sigma", ((LogRandomWalk) fitted).sigma()), p);
        LogRandomWalk restored = (LogRandomWalk) naive.restore(p);
        assertEquals(((LogRandomWalk) fitted).mu(), restored.mu());
        assertEquals(((LogRandomWalk) fitted).sigma(), restored.sigma());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> naive.restore(Map.of("mu", 0.0)));
        assertTrue(e.getMessage().contains("lack 'sigma'"), e.getMessage());
    }

    @Test
    void tooShortSeriesAndBadWindowsAreRejected() {
        MarketSeries two = handMade().cutAt(LocalDate.of(2021, 3, 2));
        assertEquals(2, two.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NaiveModel(250).fit(two));
        assertTrue(e.getMessage().contains("need at least 3 observations"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkModel(250, 30).fit(two));
        assertThrows(IllegalArgumentException.class, () -> new NaiveModel(1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkModel(250, 0));
    }

    @Test
    void registryTurnsConfiguredTypesIntoModels() {
        ModelRegistry registry = new ModelRegistry(Map.of(
                "naive", new ModelSpec("naive", "naive", Map.of("vol-window", 3)),
                "rw", new ModelSpec("rw", "random_walk", Map.of("vol-window", 3, "drift-window", 2))));
        assertEquals(Math.sqrt(0.0325), ((LogRandomWalk) registry.model("naive").fit(handMade())).sigma(), EPS);
        assertEquals(0.10, ((LogRandomWalk) registry.model("rw").fit(handMade())).mu(), EPS);
        assertThrows(HindcastException.class, () -> registry.model("garch"));
        assertThrows(BadConfigException.class, () -> new ModelRegistry(Map.of(
                "x", new ModelSpec("x", "garch", Map.of()))));
    }

    @Test
    void parameterNamesTakeUnderscoresOrHyphensAndAnUnknownOneIsAnError() {
        ModelSpec underscores = new ModelSpec("rw", "random_walk", Map.of("vol_window", 3, "drift_window", 2));
        assertEquals(0.10, ((LogRandomWalk) underscores.newModel().fit(handMade())).mu(), EPS);
        BadConfigException e = assertThrows(BadConfigException.class,
                () -> new ModelSpec("s", "sarimax", Map.of("exog_projections", "persist")).newModel());
        assertEquals("model 's': unknown parameter 'exog-projections' for type sarimax (known: [exog, "
                + "exog-projection, noise-window, order, train-window])", e.getMessage());
    }
}
