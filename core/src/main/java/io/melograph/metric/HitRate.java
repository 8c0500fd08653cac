package io.melograph.metric;

import java.util.Set;

/**
 * Hit rate at k for one user: 1 if at least one of the first {@code k} recommended items is relevant, else 0.
 * Averaged over users it is the share of users with a hit. A list shorter than {@code k} is used whole.
 */
public final class HitRate {
    private HitRate() {}

    /**
     * @param ranked   recommendations, best first, no duplicates; may be shorter than {@code k}
     * @param relevant the user's held-out items
     * @param k        cutoff, at least 1
     * @return 1.0 or 0.0, or {@link Double#NaN} if {@code relevant} is empty (the user cannot be evaluated)
     * @throws IllegalArgumentException if {@code k < 1} or an item repeats within the top {@code k}
     */
    public static double at(int[] ranked, Set<Integer> relevant, int k) {
        int n = Checks.cutoff(ranked, k);
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        for (int p = 0; p < n; p++) {
            if (relevant.contains(ranked[p])) {
                return 1.0;
            }
        }
        return 0.0;
    }
}
