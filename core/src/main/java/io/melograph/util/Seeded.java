package io.melograph.util;

import java.util.SplittableRandom;

/** Draws from one seeded generator, so a model trained twice from the same seed comes out bit for bit the same. */
public final class Seeded {
    private Seeded() {
    }

    /** {@code size} values from N(0, std²). */
    public static float[] gaussian(int size, double std, SplittableRandom rng) {
        float[] values = new float[size];
        for (int k = 0; k < size; k++) {
            values[k] = (float) (rng.nextGaussian() * std);
        }
        return values;
    }

    /** Fisher–Yates, in place. */
    public static void shuffle(int[] values, SplittableRandom rng) {
        for (int k = values.length - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            int t = values[k];
            values[k] = values[r];
            values[r] = t;
        }
    }

    /** Fisher–Yates, in place (the same draws as for an int array of that length). */
    public static <T> void shuffle(T[] values, SplittableRandom rng) {
        for (int k = values.length - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            T t = values[k];
            values[k] = values[r];
            values[r] = t;
        }
    }
}
