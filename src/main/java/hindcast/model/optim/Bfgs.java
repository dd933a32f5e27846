package hindcast.model.optim;

import java.util.function.ToDoubleFunction;

/**
 * Unconstrained minimisation by BFGS with central-difference gradients and a backtracking (Armijo) line
 * search: the objective here is a smooth negative log-likelihood of at most a dozen parameters, for which
 * this is as good as a library's quasi-Newton and needs no dependency. A non-finite objective is treated
 * as a wall, so the line search backs off from it.
 */
public final class Bfgs {
    private static final int MAX_ITERATIONS = 200;
    private static final double GRADIENT_TOLERANCE = 1e-7;
    private static final double VALUE_TOLERANCE = 1e-13;

    private Bfgs() {
    }

    /** The minimiser found from x0. */
    public static double[] minimize(ToDoubleFunction<double[]> f, double[] x0) {
        int n = x0.length;
        double[] x = x0.clone();
        double fx = f.applyAsDouble(x);
        if (!Double.isFinite(fx)) {
            throw new IllegalArgumentException("objective is not finite at the start values");
        }
        double[] g = gradient(f, x);
        double[][] h = identity(n);
        boolean scaled = false;
        for (int iter = 0; iter < MAX_ITERATIONS && maxAbs(g) > GRADIENT_TOLERANCE; iter++) {
            double[] dir = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    dir[i] -= h[i][j] * g[j];
                }
            }
            double slope = dot(g, dir);
            if (!(slope < 0)) { // lost descent: restart from steepest descent
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            double step = scaled ? 1 : Math.min(1, 1 / Math.max(1e-12, maxAbs(dir)));
            double[] xNew = new double[n];
            double fNew = Double.NaN;
            for (int tries = 0; tries < 60; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.applyAsDouble(xNew);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
                    break;
                }
                step *= 0.5;
            }
            if (!(Double.isFinite(fNew) && fNew <= fx)) {
                break;
            }
            double[] gNew = gradient(f, xNew);
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-18) {
                if (!scaled) { // Nocedal & Wright (6.20): scale the first inverse Hessian guess
                    double yy = dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = sy / yy;
                    }
                    scaled = true;
                }
                update(h, s, y, sy);
            }
            boolean flat = fx - fNew <= VALUE_TOLERANCE * (1 + Math.abs(fx));
            x = xNew;
            fx = fNew;
            g = gNew;
            if (flat) {
                break;
            }
        }
        return x;
    }

    /** H := (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / s'y. */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hy[i] += h[i][j] * y[j];
            }
        }
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        double[] probe = x.clone();
        for (int i = 0; i < n; i++) {
            double step = 1e-6 * Math.max(1, Math.abs(x[i]));
            probe[i] = x[i] + step;
            double up = f.applyAsDouble(probe);
            probe[i] = x[i] - step;
            double down = f.applyAsDouble(probe);
            probe[i] = x[i];
            g[i] = Double.isFinite(up) && Double.isFinite(down) ? (up - down) / (2 * step) : 0;
        }
        return g;
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
