package io.melograph.metric;

/**
 * Log loss (mean binary cross-entropy, natural log):
 * {@code -(1/n) * sum_i [ y_i ln(p_i) + (1 - y_i) ln(1 - p_i) ]}, with each {@code p_i} first clipped to
 * {@code [1e-15, 1 - 1e-15]} so that a confident wrong prediction costs a finite amount
 * (a probability of 0 for a positive costs {@code -ln(1e-15) ≈ 34.539}).
 */
public final class LogLoss {
    /** Lower clipping bound; the upper one is {@code 1 - EPSILON}. */
    public static final double EPSILON = 1e-15;

    private LogLoss() {}

    /**
     * @param probabilities predicted probabilities of the positive class, each in [0, 1]
     * @param labels        {@code true} = positive
     * @return the mean loss (≥ 0), or {@link Double#NaN} for empty input
     * @throws IllegalArgumentException if the arrays differ in length or a probability is NaN or outside [0, 1]
     */
    public static double of(double[] probabilities, boolean[] labels) {
        Checks.sameLength(probabilities.length, labels.length, "probabilities and labels");
        if (labels.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int r = 0; r < labels.length; r++) {
            double p = probabilities[r];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities[" + r + "] = " + p + " is not in [0, 1]");
            }
            p = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
            sum -= labels[r] ? Math.log(p) : Math.log1p(-p);
        }
        return sum / labels.length;
    }
}
