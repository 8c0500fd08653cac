package io.melograph.metric;

import java.util.Collection;

/**
 * Catalogue coverage at k: {@code |distinct items in the top k of any list| / catalogueSize}, the share of the
 * catalogue that gets recommended to someone. Items are ids {@code 0 .. catalogueSize-1}; a list shorter than
 * {@code k} is used whole; no lists (or only empty ones) give 0.
 */
public final class Coverage {
    private Coverage() {}

    /**
     * @param lists         every user's recommendations, best first, no duplicates within a list
     * @param k             cutoff, at least 1
     * @param catalogueSize number of items in the catalogue, at least 1
     * @return coverage in [0, 1]
     * @throws IllegalArgumentException if {@code k < 1}, {@code catalogueSize < 1}, an item id in a top k is
     *                                  outside {@code [0, catalogueSize)}, or an item repeats within a top k
     */
    public static double of(Collection<int[]> lists, int k, int catalogueSize) {
        if (catalogueSize < 1) {
            throw new IllegalArgumentException("catalogueSize must be at least 1, got " + catalogueSize);
        }
        boolean[] seen = new boolean[catalogueSize];
        int distinct = 0;
        for (int[] ranked : lists) {
            int n = Checks.cutoff(ranked, k);
            for (int p = 0; p < n; p++) {
                int item = ranked[p];
                if (item < 0 || item >= catalogueSize) {
                    throw new IllegalArgumentException("item " + item + " is outside the catalogue [0, "
                            + catalogueSize + ")");
                }
                if (!seen[item]) {
                    seen[item] = true;
                    distinct++;
                }
            }
        }
        return (double) distinct / catalogueSize;
    }
}
