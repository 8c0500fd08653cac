package io.melograph.interest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served listener tower's arithmetic (the trainer's DJL version is checked against it in ListenerTowerParityTest). */
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
                new float[2], zero, new InterestModel.Form(true, false, false));
        InterestModel plain = new InterestModel(InterestModel.Kind.SINGLE, 2, 5, 1, songs, zero, new float[5], zero,
                new float[2], zero, new InterestModel.Form(false, false, false));
        assertArrayEquals(new float[] {0.5f, 0.5f}, residual.interests(new int[] {0, 1})[0], 1e-6f);
        assertArrayEquals(new float[] {0f, 0f}, plain.interests(new int[] {0, 1})[0], 1e-6f);
        assertEquals(true, residual.withSongs(new float[] {2, 2}).form().residual(), "a model with songs added keeps its head");
    }

    /** A normalised model's interests and added songs have length 1, so a song scores its cosine with an interest. */
    @Test
    void aNormalisedModelScoresCosinesAndNormalisesSongsAddedLater() {
        float[] songs = {0.6f, 0.8f, 1, 0}; // two songs of length 1
        float[] zero = new float[4];
        InterestModel model = new InterestModel(InterestModel.Kind.SINGLE, 2, 5, 1, songs, zero, new float[5], zero,
                new float[2], zero, new InterestModel.Form(true, true, false));
        float[] interest = model.interests(new int[] {0, 1})[0]; // the mean (0.8, 0.4), scaled to length 1
        assertArrayEquals(new float[] {(float) (0.8 / Math.sqrt(0.8)), (float) (0.4 / Math.sqrt(0.8))}, interest, 1e-6f);
        InterestModel more = model.withSongs(new float[] {0, 3});
        assertArrayEquals(new float[] {0, 1}, more.songVector(2), 1e-6f);
        float[] out = new float[3];
        more.score(new float[][] {interest}, out);
        assertEquals(0.4 / Math.sqrt(0.8), out[2], 1e-6);
        assertTrue(more.form().normalised());
    }

    /** With a zero bilinear map the capsules are zero; the routed mean then gives each interest its songs' mean. */
    @Test
    void aMindCapsuleAddsTheRoutingWeightedMeanOfItsSongs() {
        float[] songs = {1, 0, 0, 1, 1, 1, 3, 0}; // four songs of two dimensions: K = 2 interests
        float[] zero = new float[4];
        float[] routing = new float[2 * 5]; // equal logits: every song weighs 1/2 in each interest
        InterestModel withMean = new InterestModel(InterestModel.Kind.MIND, 2, 5, 2, songs, zero, routing, zero,
                new float[2], zero, new InterestModel.Form(true, false, true));
        InterestModel without = new InterestModel(InterestModel.Kind.MIND, 2, 5, 2, songs, zero, routing, zero,
                new float[2], zero, new InterestModel.Form(true, false, false));
        float[][] interests = withMean.interests(new int[] {0, 1, 2, 3});
        assertEquals(2, interests.length);
        for (float[] interest : interests) {
            assertArrayEquals(new float[] {1.25f, 0.5f}, interest, 1e-6f);
        }
        assertArrayEquals(new float[] {0, 0}, without.interests(new int[] {0, 1, 2, 3})[0], 1e-6f);
    }
}
