package io.melograph.rank.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.melograph.djl.Djl;
import io.melograph.rank.BehaviourSequences;
import io.melograph.util.Seeded;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * DIEN's fused extractor and stepped evolution, and the session model's per-session pooling, against the models'
 * definitions written out plainly: a GRU one step at a time whose padded steps keep the state, and a session vector
 * computed for every song of the session and counted once per session.
 */
class SequenceCellsTest {
    private static final int B = 5;
    private static final int L = RankingBatch.L;
    private static final int D = 6;

    @Test
    void dienMatchesItsStepByStepDefinition() {
        SplittableRandom r = new SplittableRandom(11);
        try (NDManager m = Djl.manager()) {
            float[] real = mask(r);
            NDArray mask = m.create(real, new Shape(B, L));
            NDArray h = m.create(Seeded.gaussian(B * L * D, 1, r), new Shape(B, L, D));
            NDArray w = m.create(Seeded.gaussian(D * 3 * D, 0.5, r), new Shape(D, 3 * D));
            NDArray u = m.create(Seeded.gaussian(D * 3 * D, 0.5, r), new Shape(D, 3 * D));
            NDArray bias = m.create(Seeded.gaussian(3 * D, 0.5, r), new Shape(3 * D));
            NDArray states = DienRanker.extract(h, real, w, u, bias);
            NDArray expected = gru(h, mask, w, u, bias, null);
            // real steps only: a padded step's state is read by nothing
            assertArrayEquals(expected.mul(mask.expandDims(2)).toFloatArray(), states.mul(mask.expandDims(2)).toFloatArray(), 1e-5f);

            NDArray attention = m.create(Seeded.gaussian(B * L, 1, r), new Shape(B, L)).softmax(1).mul(mask);
            boolean[] steps = new boolean[L];
            for (int k = 0; k < real.length; k++) {
                steps[k % L] |= real[k] > 0;
            }
            NDArray last = DienRanker.evolve(states, attention, steps, w, u, bias);
            NDArray evolved = gru(expected, mask, w, u, bias, attention);
            assertArrayEquals(evolved.get(":, " + (L - 1) + ", :").toFloatArray(), last.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void theSessionModelPoolsEachSessionOnce() {
        SplittableRandom r = new SplittableRandom(12);
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        DnnRanker.Settings s = new DnnRanker.Settings(D / 3, 4, new int[] {8}, 1, d.learningRate(), 64, 0, d.l2());
        SessionRanker model = new SessionRanker(s);
        try (NDManager m = Djl.manager()) {
            RankingVocabulary v = RankingVocabulary.of(DnnRankerTest.data(50, 3));
            DnnRanker.Network net = DnnRanker.Network.init(m, s, v, 10, 1, model.ownShapes(s), r);
            // the recency factors start at 0: give them values, so a wrong session index would show
            net.own(11).set(m.create(Seeded.gaussian(RankingBatch.SESSIONS, 0.5, r)).toFloatArray());
            float[] real = mask(r);
            int[] back = new int[B * L];
            for (int k = 0; k < back.length; k++) {
                back[k] = Math.min(RankingBatch.SESSIONS - 1, (L - 1 - k % L) / 4);
            }
            NDArray mask = m.create(real, new Shape(B, L));
            NDArray sessions = m.create(back, new Shape(B, L));
            NDArray h = m.create(Seeded.gaussian(B * L * D, 1, r), new Shape(B, L, D));
            NDArray target = m.create(Seeded.gaussian(B * D, 1, r), new Shape(B, D));
            NDArray one = m.create(1f);
            NDArray pooled = model.pool(BehaviourSequences.Kind.PLAY, h, mask, sessions, target, net, one).vector();
            assertArrayEquals(perSong(h, mask, sessions, target, net, one).toFloatArray(), pooled.toFloatArray(), 1e-4f);
        }
    }

    /** Rows with leading padding of different lengths, one with holes (songs outside the vocabulary), one empty. */
    private static float[] mask(SplittableRandom r) {
        float[] real = new float[B * L];
        for (int row = 0; row < B - 1; row++) {
            int from = row == 0 ? 0 : r.nextInt(L);
            for (int t = from; t < L; t++) {
                real[row * L + t] = row == 1 && t % 3 == 0 ? 0f : 1f;
            }
        }
        return real;
    }

    /** A GRU one step at a time, a padded step keeping the state; with attention, an AUGRU. Every step's state. */
    private static NDArray gru(NDArray x, NDArray mask, NDArray w, NDArray u, NDArray bias, NDArray attention) {
        NDArray inputs = x.matMul(w).add(bias);
        NDArray state = x.getManager().zeros(new Shape(B, D));
        NDArray[] states = new NDArray[L];
        for (int t = 0; t < L; t++) {
            NDArray in = inputs.get(":, " + t + ", :");
            NDArray rec = state.matMul(u);
            NDArray reset = Activation.sigmoid(in.get(":, 0:" + D).add(rec.get(":, 0:" + D)));
            NDArray update = Activation.sigmoid(in.get(":, " + D + ":" + 2 * D).add(rec.get(":, " + D + ":" + 2 * D)));
            NDArray candidate = Activation.tanh(in.get(":, " + 2 * D + ":").add(reset.mul(rec.get(":, " + 2 * D + ":"))));
            if (attention != null) {
                update = update.mul(attention.get(":, " + t).expandDims(1));
            }
            NDArray next = state.add(update.mul(candidate.sub(state)));
            state = state.add(mask.get(":, " + t).expandDims(1).mul(next.sub(state)));
            states[t] = state;
        }
        return NDArrays.stack(new NDList(states), 1);
    }

    /** The session model as defined per song: song i carries its session's vector, weighed once per session. */
    private static NDArray perSong(NDArray h, NDArray mask, NDArray sessions, NDArray target, DnnRanker.Network net, NDArray one) {
        NDManager m = h.getManager();
        NDArray same = sessions.expandDims(2).eq(sessions.expandDims(1)).toType(DataType.FLOAT32, false)
                .mul(mask.expandDims(2)).mul(mask.expandDims(1));
        NDArray scores = h.matMul(net.own(4)).matMul(h.matMul(net.own(5)).transpose(0, 2, 1)).div(m.create((float) Math.sqrt(D)));
        NDArray attention = scores.add(same.sub(one).mul(m.create(1e9f))).softmax(2).mul(same);
        NDArray songs = h.add(attention.matMul(h.matMul(net.own(6))));
        NDArray inside = DinRanker.activation(songs, target, net);
        NDArray session = same.matMul(songs.mul(inside));
        NDArray recency = Djl.rows(sessions, net.own(11).expandDims(1)).add(one);
        NDArray across = DinRanker.activation(session, target, net, 7).mul(recency);
        NDArray perSession = mask.expandDims(2).div(same.sum(new int[] {2}, true).maximum(one));
        return session.mul(across).mul(perSession).sum(new int[] {1});
    }
}
