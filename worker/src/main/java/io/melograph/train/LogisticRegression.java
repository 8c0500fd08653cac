package io.melograph.train;

/**
 * Logistic regression {@code P(y = 1 | x) = σ(b + w·x)} for a handful of features, fitted by Newton's method with a
 * small L2 penalty on w (not on b) so that separable or constant features still give finite weights. Deterministic.
 */
public final class LogisticRegression {
    private LogisticRegression() {}

    /** @return {b, w_1 .. w_d} */
    public static double[] fit(double[][] x, boolean[] y, double l2) {
        int d = x.length == 0 ? 0 : x[0].length;
        int p = d + 1;
        double[] beta = new double[p];
        double[] z = new double[p];
        for (int iter = 0; iter < 100; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int r = 0; r < x.length; r++) {
                z[0] = 1;
                System.arraycopy(x[r], 0, z, 1, d);
                double prob = sigmoid(dot(beta, z));
                double residual = prob - (y[r] ? 1 : 0);
                double w = Math.max(prob * (1 - prob), 1e-12);
                for (int a = 0; a < p; a++) {
                    grad[a] += residual * z[a];
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += w * z[a] * z[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    hess[b][a] = hess[a][b];
                }
                if (a > 0) {
                    grad[a] += l2 * beta[a];
                    hess[a][a] += l2;
                }
                hess[a][a] += 1e-9;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a < p; a++) {
                beta[a] -= step[a];
                change += Math.abs(step[a]);
            }
            if (change < 1e-9) {
                break;
            }
        }
        return beta;
    }

    public static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Solves {@code A s = g} for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
    static double[] solve(double[][] a, double[] g) {
        int n = g.length;
        double[][] m = new double[n][];
        for (int r = 0; r < n; r++) {
            m[r] = java.util.Arrays.copyOf(a[r], n + 1);
            m[r][n] = g[r];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int c = r + 1; c < n; c++) {
                v -= m[r][c] * s[c];
            }
            s[r] = v / m[r][r];
        }
        return s;
    }
}
