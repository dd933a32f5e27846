package hindcast.model.sarimax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.Rng;
import org.junit.jupiter.api.Test;

class AutoOrderTest {

    @Test
    void kpssSeparatesWhiteNoiseFromARandomWalk() {
        Rng rng = new Rng(3);
        double[] noise = new double[1000];
        double[] walk = new double[1000];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = rng.nextGaussian();
            walk[t] = (t == 0 ? 0 : walk[t - 1]) + rng.nextGaussian();
        }
        assertFalse(Kpss.needsDifferencing(noise), "KPSS " + Kpss.statistic(noise));
        assertTrue(Kpss.needsDifferencing(walk), "KPSS " + Kpss.statistic(walk));
        assertEquals(0, Kpss.ndiffs(noise, 2));
        assertEquals(1, Kpss.ndiffs(walk, 2));
    }

    @Test
    void kpssMatchesAHandComputation() {
        // e = (-1.5, -0.5, 0.5, 1.5), S = (-1.5, -2, -1.5, 0), sum S^2 = 8.5; l = trunc(3*2/13) = 0,
        // s^2 = 5/4: KPSS = 8.5 / (16 * 1.25).
        assertEquals(8.5 / 20, Kpss.statistic(new double[] {1, 2, 3, 4}), 1e-15);
    }

    @Test
    void kpssMatchesStatsmodelsOnTheGoldenSeries() {
        // statsmodels.tsa.stattools.kpss(y, "c", nlags=5)[0], 5 = trunc(3 sqrt(586) / 13); then on diff(y).
        double[] y = Golden.yFit();
        assertEquals(8.886700214603742, Kpss.statistic(y), 1e-10);
        assertEquals(0.11308856266294101, Kpss.statistic(StartValues.difference(y, 1)), 1e-12);
        assertEquals(1, Kpss.ndiffs(y, 2));
    }

    @Test
    void picksTheGeneratingOrderOfTheGoldenSeries() {
        assertEquals(new SarimaxOrder(1, 1, 1), AutoOrder.select(Golden.yFit(), Golden.xFit()).order());
    }

    @Test
    void picksOneDifferenceAndAnAutoregressiveOrderForArima110() {
        int n = 800;
        double[][] x = Simulated.regressors(n, 2, 11);
        double[] beta = {1.5, -0.7};
        double[] y = Simulated.arima(n, 0.6, 1, 0.0, x, beta, 12);
        SarimaxFit fit = AutoOrder.select(y, x);
        SarimaxOrder order = fit.order();
        assertEquals(1, order.d(), "chosen " + order);
        assertTrue(order.p() >= 1 && order.p() + order.q() <= 3, "chosen " + order); // observed: (1,1,0)
        assertEquals(1.5, fit.params().beta()[0], 0.1);
        assertEquals(-0.7, fit.params().beta()[1], 0.1);
        SarimaxFit arima110 = Sarimax.fit(new SarimaxOrder(1, 1, 0), y, x);
        assertTrue(fit.aic() <= arima110.aic() + 1e-9, "the search finds at least the true order's AIC");
    }

    @Test
    void picksNoDifferenceForAStationarySeries() {
        int n = 600;
        double[] y = Simulated.arima(n, 0.5, 0, 0.3, new double[n][0], new double[0], 21);
        for (int t = 0; t < n; t++) {
            y[t] -= 100; // the model has no intercept
        }
        SarimaxFit fit = AutoOrder.select(y, new double[n][0]);
        assertEquals(0, fit.order().d(), "chosen " + fit.order());
        assertTrue(fit.order().p() + fit.order().q() >= 1, "chosen " + fit.order());
    }
}
