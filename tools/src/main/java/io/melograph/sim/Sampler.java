package io.melograph.sim;

import java.util.SplittableRandom;

/** Draws one of a fixed set of items with probability proportional to its weight (cumulative sums, binary search). */
final class Sampler {
    static final Sampler EMPTY = new Sampler(new int[0], new double[0]);

    private final int[] items;
    private final double[] cumulative;

    Sampler(int[] items, double[] weights) {
        this.items = items;
        this.cumulative = new double[items.length];
        double sum = 0;
        for (int i = 0; i < items.length; i++) {
            sum += Math.max(0, weights[i]);
            cumulative[i] = sum;
        }
    }

    boolean isEmpty() {
        return items.length == 0 || cumulative[items.length - 1] <= 0;
    }

    int size() {
        return items.length;
    }

    /** An item, or -1 when there is none with positive weight. */
    int sample(SplittableRandom rng) {
        if (isEmpty()) {
            return -1;
        }
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) { // first index whose cumulative sum exceeds x
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items[lo];
    }
}
