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
}
