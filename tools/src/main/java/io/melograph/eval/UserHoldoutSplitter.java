package io.melograph.eval;

import io.melograph.train.InteractionMatrix;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Per-user random hold-out: a share of each user's distinct items (at least one when the user has two or more) is
 * held out; the rest, with their weights, is the training matrix. Seeded, so the same seed gives the same split.
 */
public final class UserHoldoutSplitter {
    private UserHoldoutSplitter() {}

    public static HoldoutSplit split(InteractionMatrix all, double share, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        InteractionMatrix.Builder train = new InteractionMatrix.Builder(all.users(), all.items());
        int[][] heldOut = new int[all.users()][];
        for (int u = 0; u < all.users(); u++) {
            int[] items = all.itemsOf(u);
            float[] weights = all.weightsOf(u);
            int n = items.length;
            int[] order = new int[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            int test = n < 2 ? 0 : Math.max(1, (int) Math.round(share * n));
            int[] held = new int[test];
            for (int k = 0; k < n; k++) {
                if (k < test) {
                    held[k] = items[order[k]];
                } else {
                    train.add(u, items[order[k]], weights[order[k]]);
                }
            }
            Arrays.sort(held);
            heldOut[u] = held;
        }
        return new HoldoutSplit(train.build(), heldOut);
    }
}
