package io.melograph.train.interest;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.melograph.djl.Djl;
import io.melograph.interest.InterestModel;
import io.melograph.util.Seeded;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trainer's MIND listener tower (DJL: routing, the songs' routed mean, head) and the served one
 * ({@link InterestModel#interests}, plain Java) compute the same interests from the same weights, in each form MIND
 * may be trained in ({@link InterestTrainer#formsOf}): a history shorter
 * than the window (padded positions), uneven routing logits and a random bilinear map, so every term counts.
 */
class ListenerTowerParityTest {

    @Test
    void theServedMindTowerComputesWhatTheTrainerTrainedInEachForm() {
        for (InterestModel.Form form : InterestTrainer.formsOf(InterestModel.Kind.MIND)) {
            theServedTowerComputesWhatTheTrainerTrained(form);
        }
    }

    private static void theServedTowerComputesWhatTheTrainerTrained(InterestModel.Form form) {
        int d = 4;
        int window = 6;
        int kMax = 3;
        int songs = 7;
        int[] history = {5, 0, 3, 3, 6}; // five songs in a window of six: one padded position, K = 2 interests
        SplittableRandom rng = new SplittableRandom(11);
        float[] table = Seeded.gaussian(songs * d, 1.0, rng);
        float[] bilinear = Seeded.gaussian(d * d, 0.7, rng);
        float[] routing = Seeded.gaussian(kMax * window, 1.0, rng);
        float[] w1 = Seeded.gaussian(d * d, 0.5, rng);
        float[] b1 = Seeded.gaussian(d, 0.5, rng);
        float[] w2 = Seeded.gaussian(d * d, 0.5, rng);
        InterestModel served = new InterestModel(InterestModel.Kind.MIND, d, window, kMax, table, bilinear, routing, w1, b1, w2,
                form);
        int k = InterestModel.interestsFor(history.length, kMax);
        assertEquals(2, k);

        float[] h = new float[window * d];
        float[] hMask = new float[window];
        for (int j = 0; j < history.length; j++) {
            int at = window - history.length + j; // right-aligned, as both sides place the latest song
            System.arraycopy(table, history[j] * d, h, at * d, d);
            hMask[at] = 1f;
        }
        float[] kMask = new float[kMax];
        for (int i = k; i < kMax; i++) {
            kMask[i] = InterestTrainer.MASKED;
        }
        float[] trained;
        try (NDManager m = Djl.manager()) {
            NDArray capsules = InterestTrainer.route(m.create(h, new Shape(1, window, d)), m.create(hMask, new Shape(1, window)),
                    m.create(kMask, new Shape(1, kMax)), m.create(bilinear, new Shape(d, d)), m.create(routing, new Shape(1, kMax, window)),
                    form.routedMean(), m.create(1f), m.create((float) InterestModel.SQUASH_EPSILON));
            trained = InterestTrainer.head(capsules, m.create(w1, new Shape(d, d)), m.create(b1, new Shape(d)), m.create(w2, new Shape(d, d)))
                    .toFloatArray();
        }
        float[][] interests = served.interests(history);
        assertEquals(k, interests.length);
        for (int i = 0; i < k; i++) {
            float[] row = new float[d];
            System.arraycopy(trained, i * d, row, 0, d);
            assertArrayEquals(row, interests[i], 1e-4f, form.describe() + ", interest " + i);
        }
    }
}
