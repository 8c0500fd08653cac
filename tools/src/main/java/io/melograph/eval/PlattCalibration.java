package io.melograph.eval;

/**
 * Maps raw scores to probabilities with a logistic fit p = σ(a·z + b) on standardised scores (Platt 1999), learned on
 * the validation split, so that F1 "at threshold 0.5" means the same for every model whatever its score scale.
 */
public final class PlattCalibration {
    private final double mean;
    private final double std;
    private final double a;
    private final double b;

    private PlattCalibration(double mean, double std, double a, double b) {
        this.mean = mean;
        this.std = std;
        this.a = a;
        this.b = b;
    }

    public static PlattCalibration fit(double[] scores, boolean[] labels) {
        int n = scores.length;
        double mean = 0;
        for (double s : scores) {
            mean += s;
        }
        mean /= Math.max(1, n);
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        double std = Math.sqrt(var / Math.max(1, n));
        if (std == 0 || Double.isNaN(std)) {
            std = 1;
        }
        double a = 1;
        double b = 0;
        // Newton's method on the log-likelihood; two parameters, converges in a few steps
        for (int iter = 0; iter < 50; iter++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int k = 0; k < n; k++) {
                double z = (scores[k] - mean) / std;
                double p = sigmoid(a * z + b);
                double y = labels[k] ? 1 : 0;
                ga += (p - y) * z;
                gb += p - y;
                double w = Math.max(p * (1 - p), 1e-12);
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            haa += 1e-9;
            hbb += 1e-9;
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new PlattCalibration(mean, std, a, b);
    }

    public double probability(double score) {
        return sigmoid(a * (score - mean) / std + b);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
