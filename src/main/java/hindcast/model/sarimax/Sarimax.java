package hindcast.model.sarimax;

import hindcast.model.optim.Bfgs;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Regression with ARIMA errors (see {@link SarimaxParams} for the model), estimated by exact Gaussian
 * maximum likelihood through the Kalman filter, the way statsmodels' {@code SARIMAX(y, exog, order)} with
 * default options does. Observations are rows: {@code y[t]} with regressors {@code x[t]} (every row the
 * same length, possibly 0). No intercept is added: pass a column of ones in x for one.
 */
public final class Sarimax {
    private Sarimax() {
    }

    /**
     * Filters y through its last observation with fixed parameters: the state a forecast from the end of y
     * starts from, and the log-likelihood of y.
     */
    public static FilteredState filter(SarimaxParams params, double[] y, double[][] x) {
        return filter(params, y, x, 0);
    }

    /**
     * {@link #filter(SarimaxParams, double[], double[][])}, also measuring how large the innovations of the
     * last {@code recent} observations were relative to the model's ({@link FilteredState#recentScale()}).
     */
    public static FilteredState filter(SarimaxParams params, double[] y, double[][] x, int recent) {
        check(params.beta().length, y, x);
        StateSpace ss = new StateSpace(params);
        KalmanFilter.Result r = KalmanFilter.run(ss, residuals(params.beta(), y, x), recent);
        return new FilteredState(ss, params.beta(), r.a(), r.p(), r.loglike(), r.recentScale());
    }

    /** The exact log-likelihood of y at params, statsmodels' {@code model.loglike(params)}. */
    public static double loglike(SarimaxParams params, double[] y, double[][] x) {
        return filter(params, y, x).loglike();
    }

    /**
     * Maximum-likelihood fit. The optimiser works on unconstrained values, as statsmodels does with
     * enforce_stationarity and enforce_invertibility: beta as is, phi and theta through the Monahan-Jones
     * transform ({@link Transforms}), sigma2 = exp(s). Start values: beta by least squares of the d-times
     * differenced y on the differenced x, phi and theta by Hannan-Rissanen on the differenced residuals
     * (zeros when that is not stationary or invertible), sigma2 from its residuals.
     */
    public static SarimaxFit fit(SarimaxOrder order, double[] y, double[][] x) {
        int kx = x.length == 0 ? 0 : x[0].length;
        check(kx, y, x);
        int nParams = kx + order.p() + order.q() + 1;
        if (y.length < order.d() + nParams + 2) {
            throw new IllegalArgumentException("SARIMAX" + order + " with " + kx + " regressors needs at least "
                    + (order.d() + nParams + 2) + " observations, have " + y.length);
        }
        SarimaxParams start = StartValues.of(order, y, x);
        double scale = 1.0 / y.length;
        ToDoubleFunction<double[]> objective = u -> {
            try {
                return -scale * loglike(fromUnconstrained(order, kx, u), y, x);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return Double.POSITIVE_INFINITY; // e.g. a unit root reached numerically
            }
        };
        double[] u0 = toUnconstrained(start);
        if (!Double.isFinite(objective.applyAsDouble(u0))) {
            u0 = toUnconstrained(new SarimaxParams(order, start.beta(), new double[order.p()],
                    new double[order.q()], start.sigma2()));
        }
        SarimaxParams best = fromUnconstrained(order, kx, Bfgs.minimize(objective, u0));
        double ll = loglike(best, y, x);
        return new SarimaxFit(best, ll, 2 * best.count() - 2 * ll, y.length);
    }

    static double[] toUnconstrained(SarimaxParams p) {
        double[] ar = Transforms.unconstrain(p.phi());
        double[] ma = Transforms.unconstrain(negate(p.theta()));
        if (ar == null || ma == null) {
            throw new IllegalArgumentException("start values are not stationary and invertible: " + p);
        }
        int kx = p.beta().length;
        double[] u = new double[p.count()];
        System.arraycopy(p.beta(), 0, u, 0, kx);
        System.arraycopy(ar, 0, u, kx, ar.length);
        System.arraycopy(ma, 0, u, kx + ar.length, ma.length);
        u[u.length - 1] = StrictMath.log(p.sigma2());
        return u;
    }

    static SarimaxParams fromUnconstrained(SarimaxOrder order, int kx, double[] u) {
        double[] beta = Arrays.copyOfRange(u, 0, kx);
        double[] phi = Transforms.constrain(Arrays.copyOfRange(u, kx, kx + order.p()));
        double[] theta = negate(Transforms.constrain(Arrays.copyOfRange(u, kx + order.p(),
                kx + order.p() + order.q())));
        return new SarimaxParams(order, beta, phi, theta, StrictMath.exp(u[u.length - 1]));
    }

    /** w_t = y_t - x_t' beta. */
    static double[] residuals(double[] beta, double[] y, double[][] x) {
        double[] w = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double s = y[t];
            for (int j = 0; j < beta.length; j++) {
                s -= x[t][j] * beta[j];
            }
            w[t] = s;
        }
        return w;
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    private static void check(int kx, double[] y, double[][] x) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("y has " + y.length + " observations but x has " + x.length + " rows");
        }
        for (int t = 0; t < y.length; t++) {
            if (x[t].length != kx) {
                throw new IllegalArgumentException("row " + t + " of x has " + x[t].length + " regressors, expected "
                        + kx);
            }
            if (!Double.isFinite(y[t])) {
                throw new IllegalArgumentException("y[" + t + "] is not finite: " + y[t]);
            }
        }
    }
}
