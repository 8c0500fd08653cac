package io.melograph.metric;

/**
 * F1 score of the positive class: {@code F1 = 2TP / (2TP + FP + FN)}, the harmonic mean of precision and recall,
 * where a row is predicted positive when its probability is {@code >= threshold} (a probability exactly equal to
 * the threshold counts as positive).
 * <p>
 * Edge case: with no predicted positives and no actual positives (TP = FP = FN = 0, e.g. empty input) precision and
 * recall are both 0/0; this returns 0, like scikit-learn's default {@code zero_division} behaviour. Whenever there
 * is a predicted or an actual positive but no true positive the value is 0 by the formula.
 */
public final class F1 {
    private F1() {}

    /**
     * @param probabilities predicted scores, compared only against {@code threshold} (need not lie in [0, 1])
     * @param labels        {@code true} = actually positive
     * @return F1 in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length, or a probability or the threshold is NaN
     */
    public static double of(double[] probabilities, boolean[] labels, double threshold) {
        Checks.sameLength(probabilities.length, labels.length, "probabilities and labels");
        Checks.noNaN(probabilities, "probabilities");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int r = 0; r < labels.length; r++) {
            boolean predicted = probabilities[r] >= threshold;
            if (predicted && labels[r]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (labels[r]) {
                fn++;
            }
        }
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : 2.0 * tp / denominator;
    }
}
