package hindcast.model.sarimax;

/** The little dense linear algebra the package needs; matrices are small (at most 16 x 16). */
final class Linalg {
    private Linalg() {
    }

    /** Solves A x = b by Gaussian elimination with partial pivoting; A and b are overwritten. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (a[pivot][c] == 0) {
                throw new ArithmeticException("singular matrix");
            }
            double[] rowTmp = a[c];
            a[c] = a[pivot];
            a[pivot] = rowTmp;
            double bTmp = b[c];
            b[c] = b[pivot];
            b[pivot] = bTmp;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                if (f != 0) {
                    for (int j = c; j < n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                    b[r] -= f * b[c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < n; j++) {
                s -= a[r][j] * x[j];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /**
     * Ordinary least squares of y on the columns of x (no intercept added) via the normal equations, with a
     * tiny ridge so collinear or constant columns do not fail.
     */
    static double[] ols(double[][] x, double[] y) {
        int k = x.length == 0 ? 0 : x[0].length;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int t = 0; t < y.length; t++) {
            double[] row = x[t];
            for (int i = 0; i < k; i++) {
                xty[i] += row[i] * y[t];
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            xtx[i][i] += 1e-10 * (xtx[i][i] + 1e-300);
        }
        return k == 0 ? new double[0] : solve(xtx, xty);
    }

    /**
     * Lower-triangular L with L L' = P for a symmetric positive semi-definite P (k x k, row-major): a pivot
     * that is numerically zero gets a zero column, so a singular covariance (a state already known) samples
     * without noise in that direction.
     */
    static double[] psdCholesky(double[] p, int k) {
        double[] l = new double[k * k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(p[i * k + i]));
        }
        double tol = 1e-12 * scale;
        for (int j = 0; j < k; j++) {
            double d = p[j * k + j];
            for (int m = 0; m < j; m++) {
                d -= l[j * k + m] * l[j * k + m];
            }
            if (d <= tol) {
                continue;
            }
            double ljj = Math.sqrt(d);
            l[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = p[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= l[i * k + m] * l[j * k + m];
                }
                l[i * k + j] = s / ljj;
            }
        }
        return l;
    }
}
