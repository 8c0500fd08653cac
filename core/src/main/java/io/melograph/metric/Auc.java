package io.melograph.metric;

import java.util.Arrays;

/**
 * ROC AUC: the probability that a random positive scores above a random negative, a tie counting 1/2.
 * <p>
 * Computed with the rank-sum (Mann–Whitney U) formulation: rank all scores ascending, tied scores sharing the
 * average of their ranks; with {@code R+} the sum of the positives' ranks,
 * {@code AUC = (R+ - n+(n+ + 1)/2) / (n+ * n-)}. O(n log n), exact (the rank sum is kept in integer arithmetic).
 */
public final class Auc {
    private Auc() {}

    /**
     * AUC of {@code scores} (any real numbers, higher = more positive; {@code -0.0} and {@code 0.0} are a tie)
     * against {@code labels} ({@code true} = positive).
     *
     * @return the AUC in [0, 1], or {@link Double#NaN} when there are no positives or no negatives (also when empty)
     * @throws IllegalArgumentException if the arrays differ in length or a score is NaN
     */
    public static double of(double[] scores, boolean[] labels) {
        Checks.sameLength(scores.length, labels.length, "scores and labels");
        Checks.noNaN(scores, "scores");
        int nPos = 0;
        for (boolean label : labels) {
            if (label) {
                nPos++;
            }
        }
        double[] pos = new double[nPos];
        double[] neg = new double[labels.length - nPos];
        int i = 0;
        int j = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r]) {
                pos[i++] = scores[r];
            } else {
                neg[j++] = scores[r];
            }
        }
        return ofSplit(pos, neg);
    }

    /**
     * AUC of positives' scores {@code pos} against negatives' scores {@code neg} (no NaN); sorts both arrays in
     * place. NaN if either is empty.
     */
    static double ofSplit(double[] pos, double[] neg) {
        long nPos = pos.length;
        long nNeg = neg.length;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < pos.length; i++) {
            pos[i] += 0.0; // -0.0 becomes 0.0, so that the sort puts them together as one tie
        }
        for (int j = 0; j < neg.length; j++) {
            neg[j] += 0.0;
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // Walk both sorted arrays in step, one group of tied scores at a time. A group occupying ranks
        // first..last contributes (first + last) / 2 per positive in it; keep twice that to stay in integers.
        long twiceRankSumPos = 0;
        long ranked = 0;
        int i = 0;
        int j = 0;
        while (i < pos.length || j < neg.length) {
            double v = j == neg.length || (i < pos.length && pos[i] <= neg[j]) ? pos[i] : neg[j];
            long p = 0;
            while (i < pos.length && pos[i] == v) {
                i++;
                p++;
            }
            long q = 0;
            while (j < neg.length && neg[j] == v) {
                j++;
                q++;
            }
            long first = ranked + 1;
            long last = ranked + p + q;
            twiceRankSumPos += p * (first + last);
            ranked = last;
        }
        long twiceU = twiceRankSumPos - nPos * (nPos + 1);
        return twiceU / (2.0 * nPos * nNeg);
    }
}
