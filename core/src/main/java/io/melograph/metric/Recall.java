package io.melograph.metric;

import java.util.Set;

/**
 * Recall at k for one user: {@code |top k ∩ relevant| / |relevant|}.
 * <p>
 * The denominator is the full {@code |relevant|}, not {@code min(k, |relevant|)}: a user with more relevant items
 * than {@code k} cannot reach 1 (e.g. 2 hits in the top 2 out of 5 relevant is 0.4). A list shorter than {@code k}
 * is used whole.
 */
public final class Recall {
    private Recall() {}

    /**
     * @param ranked   recommendations, best first, no duplicates; may be shorter than {@code k}
     * @param relevant the user's held-out items
     * @param k        cutoff, at least 1
     * @return recall in [0, 1], or {@link Double#NaN} if {@code relevant} is empty
     * @throws IllegalArgumentException if {@code k < 1} or an item repeats within the top {@code k}
     */
    public static double at(int[] ranked, Set<Integer> relevant, int k) {
        int n = Checks.cutoff(ranked, k);
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        int hits = 0;
        for (int p = 0; p < n; p++) {
            if (relevant.contains(ranked[p])) {
                hits++;
            }
        }
        return (double) hits / relevant.size();
    }
}
