package io.melograph.train;

import java.util.SplittableRandom;

/**
 * A small interaction matrix with a planted structure: users 0..99 like items of block A (0..14), users 100..199
 * items of block B (15..29), each own-block item with probability 0.5 (so unseen items of
 * the own block are as frequent as seen ones, and nothing but the group tells them from the other block).
 * Item 30 has a single user (user 0), item 31 none.
 */
final class PlantedBlocks {
    static final int USERS = 200;
    static final int BLOCK = 60;
    static final int SINGLE_USER_ITEM = 2 * BLOCK;
    static final int UNUSED_ITEM = 2 * BLOCK + 1;
    static final int ITEMS = 2 * BLOCK + 2;

    private PlantedBlocks() {
    }

    static InteractionMatrix matrix() {
        SplittableRandom rng = new SplittableRandom(7);
        InteractionMatrix.Builder builder = new InteractionMatrix.Builder(USERS, ITEMS);
        for (int u = 0; u < USERS; u++) {
            int own = blockOf(u) * BLOCK;
            for (int i = own; i < own + BLOCK; i++) {
                if (rng.nextDouble() < 0.3) {
                    builder.add(u, i, 1f + rng.nextInt(50));
                }
            }
        }
        builder.add(0, SINGLE_USER_ITEM, 3f);
        return builder.build();
    }

    /** 0 for group A, 1 for group B. */
    static int blockOf(int user) {
        return user < USERS / 2 ? 0 : 1;
    }

    /**
     * The lowest score among the user's unseen own-block items minus the highest among the unseen items of the other
     * block: positive when the planted structure is ranked right.
     */
    static float margin(InteractionMatrix train, int user, float[] scores) {
        float ownMin = Float.POSITIVE_INFINITY;
        float otherMax = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < 2 * BLOCK; i++) {
            if (train.contains(user, i)) {
                continue;
            }
            if (i / BLOCK == blockOf(user)) {
                ownMin = Math.min(ownMin, scores[i]);
            } else {
                otherMax = Math.max(otherMax, scores[i]);
            }
        }
        return ownMin - otherMax;
    }
}
