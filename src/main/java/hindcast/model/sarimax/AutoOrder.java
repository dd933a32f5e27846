package hindcast.model.sarimax;

import java.util.HashMap;
import java.util.Map;

/**
 * Order selection in the manner of pmdarima's {@code auto_arima(stepwise=True)} (Hyndman and Khandakar's
 * algorithm), for p, q <= 3 and d <= 2:
 * <ol>
 *   <li>d by repeated KPSS tests at 5% ({@link Kpss#ndiffs}), on the residuals of a least-squares
 *       regression of y on a constant and x (as R's auto.arima does with regressors; plain y without);</li>
 *   <li>fit (2,d,2), (0,d,0), (1,d,0), (0,d,1) and keep the lowest AIC;</li>
 *   <li>try the neighbours of the best, p +/- 1, q +/- 1 and both together, moving to the first that
 *       lowers AIC, until none does.</li>
 * </ol>
 * Unlike pmdarima no intercept or drift is toggled: the model has no trend term.
 */
public final class AutoOrder {
    private static final int MAX_MOVES = 100;
    private static final int[][] NEIGHBOURS = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}};

    private AutoOrder() {
    }

    /** The lowest-AIC fit the stepwise search finds; its order is {@code fit.order()}. */
    public static SarimaxFit select(double[] y, double[][] x) {
        int d = Kpss.ndiffs(kpssInput(y, x), SarimaxOrder.MAX_D);
        Map<SarimaxOrder, SarimaxFit> tried = new HashMap<>();
        SarimaxFit best = null;
        for (int[] pq : new int[][] {{2, 2}, {0, 0}, {1, 0}, {0, 1}}) {
            best = better(best, tryFit(new SarimaxOrder(pq[0], d, pq[1]), y, x, tried));
        }
        for (int move = 0; move < MAX_MOVES && best != null; move++) {
            SarimaxFit improved = null;
            for (int[] step : NEIGHBOURS) {
                int p = best.order().p() + step[0];
                int q = best.order().q() + step[1];
                if (p < 0 || q < 0 || p > SarimaxOrder.MAX_PQ || q > SarimaxOrder.MAX_PQ) {
                    continue;
                }
                SarimaxOrder order = new SarimaxOrder(p, d, q);
                if (tried.containsKey(order)) {
                    continue;
                }
                SarimaxFit candidate = tryFit(order, y, x, tried);
                if (candidate != null && candidate.aic() < best.aic()) {
                    improved = candidate;
                    break;
                }
            }
            if (improved == null) {
                break;
            }
            best = improved;
        }
        if (best == null) {
            throw new IllegalArgumentException("no SARIMAX order with d=" + d + " could be fitted to " + y.length
                    + " observations");
        }
        return best;
    }

    /** The fit, or null (remembered as tried) when it fails or its AIC is not finite. */
    private static SarimaxFit tryFit(SarimaxOrder order, double[] y, double[][] x, Map<SarimaxOrder, SarimaxFit> tried) {
        SarimaxFit fit;
        try {
            fit = Sarimax.fit(order, y, x);
        } catch (IllegalArgumentException | ArithmeticException e) {
            fit = null;
        }
        if (fit != null && !Double.isFinite(fit.aic())) {
            fit = null;
        }
        tried.put(order, fit);
        return fit;
    }

    private static SarimaxFit better(SarimaxFit a, SarimaxFit b) {
        if (a == null) {
            return b;
        }
        return b != null && b.aic() < a.aic() ? b : a;
    }

    private static double[] kpssInput(double[] y, double[][] x) {
        int kx = x.length == 0 ? 0 : x[0].length;
        if (kx == 0) {
            return y;
        }
        double[][] design = new double[y.length][kx + 1];
        for (int t = 0; t < y.length; t++) {
            design[t][0] = 1;
            System.arraycopy(x[t], 0, design[t], 1, kx);
        }
        return Sarimax.residuals(Linalg.ols(design, y), y, design);
    }
}
