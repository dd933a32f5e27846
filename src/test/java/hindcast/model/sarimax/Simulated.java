package hindcast.model.sarimax;

import hindcast.model.Rng;

/** Series simulated from known models, for tests. */
final class Simulated {
    private Simulated() {
    }

    /** ARIMA(1, d, 1) errors (phi, theta, unit innovations) at a level of 100, plus x * beta. */
    static double[] arima(int n, double phi, int d, double theta, double[][] x, double[] beta, long seed) {
        Rng rng = new Rng(seed);
        double[] u = new double[n + 200];
        double prevEps = 0;
        for (int t = 1; t < u.length; t++) {
            double eps = rng.nextGaussian();
            u[t] = phi * u[t - 1] + eps + theta * prevEps;
            prevEps = eps;
        }
        for (int k = 0; k < d; k++) {
            for (int t = 1; t < u.length; t++) {
                u[t] += u[t - 1];
            }
        }
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + u[t + 200];
            for (int j = 0; j < beta.length; j++) {
                y[t] += x[t][j] * beta[j];
            }
        }
        return y;
    }

    /** n rows of kx regressors: a yearly cycle plus noise, like a weather covariate. */
    static double[][] regressors(int n, int kx, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][kx];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < kx; j++) {
                x[t][j] = 5 * Math.sin(2 * Math.PI * (t + 40 * j) / 250.0) + rng.nextGaussian();
            }
        }
        return x;
    }
}
