package io.melograph.metric;

import java.util.HashSet;
import java.util.Set;

/** Argument checks shared by the metrics. */
final class Checks {
    private Checks() {}

    static void sameLength(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + " have different lengths: " + a + " and " + b);
        }
    }

    static void noNaN(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is NaN");
            }
        }
    }

    /**
     * Number of positions of {@code ranked} that count at cutoff {@code k}, i.e. {@code min(k, ranked.length)}.
     * Rejects {@code k < 1} and an item repeated within those positions (it would be counted twice).
     */
    static int cutoff(int[] ranked, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int n = Math.min(k, ranked.length);
        Set<Integer> seen = new HashSet<>(n * 2);
        for (int p = 0; p < n; p++) {
            if (!seen.add(ranked[p])) {
                throw new IllegalArgumentException("item " + ranked[p] + " appears twice in the top " + k);
            }
        }
        return n;
    }
}
