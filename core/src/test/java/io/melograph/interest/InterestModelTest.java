package io.melograph.interest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The capsules' squash, as serving computes it (the trainer's DJL version is checked against the model in InterestModelsTest). */
class InterestModelTest {

    @Test
    void squashKeepsTheDirectionAndBoundsTheLength() {
        float[] out = InterestModel.squash(new float[] {3, 4});
        assertEquals(25.0 / 26, Math.hypot(out[0], out[1]), 1e-5);
        assertEquals(0.75, out[0] / out[1], 1e-5);
        assertArrayEquals(new float[] {0, 0}, InterestModel.squash(new float[] {0, 0}));
    }

    /** Head weights of zero leave the residual head with its input alone: the single interest is the history's mean. */
    @Test
    void theResidualHeadAddsItsInputAndAnOldModelsHeadDoesNot() {
        float[] songs = {1, 0, 0, 1, 1, 1}; // three songs of two dimensions
        float[] zero = new float[4];
        InterestModel residual = new InterestModel(InterestModel.Kind.SINGLE, 2, 5, 1, songs, zero, new float[5], zero,
                new float[2], zero, true);
        InterestModel plain = new InterestModel(InterestModel.Kind.SINGLE, 2, 5, 1, songs, zero, new float[5], zero,
                new float[2], zero, false);
        assertArrayEquals(new float[] {0.5f, 0.5f}, residual.interests(new int[] {0, 1})[0], 1e-6f);
        assertArrayEquals(new float[] {0f, 0f}, plain.interests(new int[] {0, 1})[0], 1e-6f);
        assertEquals(true, residual.withSongs(new float[] {2, 2}).residual(), "a model with songs added keeps its head");
    }
}
