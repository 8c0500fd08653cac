package io.melograph.eval;

import io.melograph.train.InteractionMatrix;

/**
 * Labelled (user, item) rows shuffled and cut into train {@code [0, trainEnd)}, validation {@code [trainEnd, validEnd)}
 * and test {@code [validEnd, n)}. The models learn from the positive training rows only.
 */
public record CtrSplit(int[] users, int[] items, boolean[] labels, int trainEnd, int validEnd, int userCount, int itemCount) {

    public int size() {
        return users.length;
    }

    public InteractionMatrix trainPositives() {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(userCount, itemCount);
        for (int r = 0; r < trainEnd; r++) {
            if (labels[r]) {
                b.add(users[r], items[r], 1f);
            }
        }
        return b.build();
    }
}
