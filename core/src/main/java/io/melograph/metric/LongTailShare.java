package io.melograph.metric;

import java.util.Arrays;
import java.util.Collection;

/**
 * Long-tail share at k: among all top-k slots of all users' lists, the fraction filled by long-tail items,
 * {@code sum_u |top_k(u) ∩ tail| / sum_u |top_k(u)|}. Every slot weighs the same, so a list shorter than {@code k}
 * contributes only the slots it has. See {@link #longTailItems} for the usual head/tail split.
 */
public final class LongTailShare {
    private LongTailShare() {}

    /**
     * @param lists    every user's recommendations, best first, no duplicates within a list
     * @param k        cutoff, at least 1
     * @param longTail {@code longTail[i]} is true when item {@code i} is in the long tail
     * @return the share in [0, 1], or {@link Double#NaN} if there are no slots (no lists, or only empty ones)
     * @throws IllegalArgumentException if {@code k < 1}, an item id in a top k is outside
     *                                  {@code [0, longTail.length)}, or an item repeats within a top k
     */
    public static double of(Collection<int[]> lists, int k, boolean[] longTail) {
        long slots = 0;
        long tail = 0;
        for (int[] ranked : lists) {
            int n = Checks.cutoff(ranked, k);
            for (int p = 0; p < n; p++) {
                int item = ranked[p];
                if (item < 0 || item >= longTail.length) {
                    throw new IllegalArgumentException("item " + item + " is outside [0, " + longTail.length + ")");
                }
                if (longTail[item]) {
                    tail++;
                }
            }
            slots += n;
        }
        return slots == 0 ? Double.NaN : (double) tail / slots;
    }

    /**
     * Splits items into head and long tail by popularity. With {@code m} the number of items with
     * {@code interactionCounts[i] > 0}, the head is the {@code ceil(headShare * m)} most popular items (higher count
     * first, ties broken by lower item id first); every other item, including every item with count 0, is long
     * tail. {@code headShare = 0.2} makes the 80% least popular (seen) items the long tail; {@code headShare = 0}
     * makes everything long tail; {@code headShare = 1} leaves only never-seen items in the tail.
     * <p>
     * {@code headShare * m} is computed in floating point; a product within rounding noise (relative 1e-9) of an
     * integer is taken as that integer, so {@code 0.07 * 100} gives a head of 7 items, not 8.
     *
     * @param interactionCounts {@code interactionCounts[i]} = number of interactions with item {@code i}, ≥ 0
     * @param headShare         share of the seen items that form the head, in [0, 1]
     * @return {@code longTail}, of the same length, {@code longTail[i]} true when item {@code i} is in the tail
     * @throws IllegalArgumentException if {@code headShare} is not in [0, 1] or a count is negative
     */
    public static boolean[] longTailItems(int[] interactionCounts, double headShare) {
        if (!(headShare >= 0 && headShare <= 1)) {
            throw new IllegalArgumentException("headShare must be in [0, 1], got " + headShare);
        }
        int seen = 0;
        for (int i = 0; i < interactionCounts.length; i++) {
            if (interactionCounts[i] < 0) {
                throw new IllegalArgumentException("interactionCounts[" + i + "] is negative");
            }
            if (interactionCounts[i] > 0) {
                seen++;
            }
        }
        // sort keys: (MAX - count) in the high 32 bits, id in the low ones -> count descending, then id ascending
        long[] keys = new long[seen];
        int j = 0;
        for (int i = 0; i < interactionCounts.length; i++) {
            if (interactionCounts[i] > 0) {
                keys[j++] = ((long) (Integer.MAX_VALUE - interactionCounts[i]) << 32) | i;
            }
        }
        Arrays.sort(keys);
        int head = headSize(headShare, seen);
        boolean[] longTail = new boolean[interactionCounts.length];
        Arrays.fill(longTail, true);
        for (int h = 0; h < head; h++) {
            longTail[(int) keys[h]] = false;
        }
        return longTail;
    }

    /** {@code ceil(share * m)}, ignoring floating-point noise just above an integer; at most {@code m}. */
    private static int headSize(double share, int m) {
        double x = share * m;
        double nearest = Math.rint(x);
        double size = Math.abs(x - nearest) <= 1e-9 * Math.max(1, x) ? nearest : Math.ceil(x);
        return (int) Math.min(size, m);
    }
}
