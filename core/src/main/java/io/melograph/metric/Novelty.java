package io.melograph.metric;

import java.util.Collection;

/**
 * Novelty at k: the mean self-information {@code -log2 p(i)} of the items in every top k, with {@code p(i)} an item's
 * share of all interactions, Laplace-smoothed ({@code (count + 1) / (total + catalogueSize)}) so an item nobody played
 * has a finite, highest value. Higher means less popular recommendations. Every slot weighs the same.
 */
public final class Novelty {
    private Novelty() {}

    /**
     * @param lists  every user's recommendations, best first, no duplicates within a list
     * @param k      cutoff, at least 1
     * @param counts {@code counts[i]} = interactions with item {@code i} in the training data, ≥ 0; its length is the
     *               catalogue size
     * @return mean bits per recommended item, or {@link Double#NaN} if there are no slots
     * @throws IllegalArgumentException if {@code k < 1}, an item repeats within a top k, or is outside the counts
     */
    public static double of(Collection<int[]> lists, int k, int[] counts) {
        long total = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            total += c;
        }
        double denominator = total + counts.length;
        double sum = 0;
        long slots = 0;
        for (int[] ranked : lists) {
            int n = Checks.cutoff(ranked, k);
            for (int p = 0; p < n; p++) {
                int item = ranked[p];
                if (item < 0 || item >= counts.length) {
                    throw new IllegalArgumentException("item " + item + " is outside [0, " + counts.length + ")");
                }
                sum += -Math.log((counts[item] + 1) / denominator) / Math.log(2);
                slots++;
            }
        }
        return slots == 0 ? Double.NaN : sum / slots;
    }
}
