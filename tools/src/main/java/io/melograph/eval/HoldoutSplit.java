package io.melograph.eval;

import io.melograph.train.InteractionMatrix;

/** Training interactions and, per user, the held-out items to find (ascending; empty for users who kept all). */
public record HoldoutSplit(InteractionMatrix train, int[][] heldOut) {

    public long heldOutCount() {
        long n = 0;
        for (int[] h : heldOut) {
            n += h.length;
        }
        return n;
    }
}
