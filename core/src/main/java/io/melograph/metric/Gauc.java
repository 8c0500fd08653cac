package io.melograph.metric;

import java.util.HashMap;
import java.util.Map;

/**
 * Group AUC: the {@link Auc} of each group (user) on its own rows, averaged with each group weighted by its number
 * of rows (impressions): {@code GAUC = sum_g n_g * AUC_g / sum_g n_g}.
 * <p>
 * A group whose rows are all positive or all negative has no AUC and is skipped (weight 0, its rows do not count
 * in the denominator either).
 */
public final class Gauc {
    private Gauc() {}

    /**
     * GAUC of {@code scores} against {@code labels}, row {@code r} belonging to group {@code groups[r]} (any int ids,
     * rows of a group need not be contiguous).
     *
     * @return the GAUC in [0, 1], or {@link Double#NaN} when no group has both a positive and a negative row
     * @throws IllegalArgumentException if the arrays differ in length or a score is NaN
     */
    public static double of(int[] groups, double[] scores, boolean[] labels) {
        Checks.sameLength(groups.length, scores.length, "groups and scores");
        Checks.sameLength(scores.length, labels.length, "scores and labels");
        Checks.noNaN(scores, "scores");
        // dense index per group id, then count positives and negatives per group
        Map<Integer, Integer> index = new HashMap<>();
        int[] dense = new int[groups.length];
        for (int r = 0; r < groups.length; r++) {
            Integer g = index.get(groups[r]);
            if (g == null) {
                g = index.size();
                index.put(groups[r], g);
            }
            dense[r] = g;
        }
        int n = index.size();
        int[] nPos = new int[n];
        int[] nNeg = new int[n];
        for (int r = 0; r < groups.length; r++) {
            if (labels[r]) {
                nPos[dense[r]]++;
            } else {
                nNeg[dense[r]]++;
            }
        }
        double[][] pos = new double[n][];
        double[][] neg = new double[n][];
        for (int g = 0; g < n; g++) {
            if (nPos[g] > 0 && nNeg[g] > 0) {
                pos[g] = new double[nPos[g]];
                neg[g] = new double[nNeg[g]];
            }
        }
        int[] fillPos = new int[n];
        int[] fillNeg = new int[n];
        for (int r = 0; r < groups.length; r++) {
            int g = dense[r];
            if (pos[g] == null) {
                continue;
            }
            if (labels[r]) {
                pos[g][fillPos[g]++] = scores[r];
            } else {
                neg[g][fillNeg[g]++] = scores[r];
            }
        }
        double weightedSum = 0;
        long weight = 0;
        for (int g = 0; g < n; g++) {
            if (pos[g] == null) {
                continue;
            }
            long rows = (long) nPos[g] + nNeg[g];
            weightedSum += rows * Auc.ofSplit(pos[g], neg[g]);
            weight += rows;
        }
        return weight == 0 ? Double.NaN : weightedSum / weight;
    }
}
