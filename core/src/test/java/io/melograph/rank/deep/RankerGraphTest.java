package io.melograph.rank.deep;

import ai.djl.ndarray.NDManager;
import io.melograph.djl.Djl;
import io.melograph.events.Action;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import io.melograph.rank.Head;
import io.melograph.util.Seeded;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every deep ranker scores with ONNX Runtime ({@link RankerGraph}, {@link RankerSession}) what its DJL network
 * (training's forward pass) computes: the same logits, for one listener's candidates sharing a history and for
 * exposures each with their own, over several sessions so the session model's graph is exercised.
 */
class RankerGraphTest {

    @Test
    void onnxRuntimeScoresAsTheTrainedNetwork() {
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        DnnRanker.Settings quick = new DnnRanker.Settings(8, 4, new int[] {16, 8}, 2, d.learningRate(), 256, 0, d.l2());
        BehaviourData train = DnnRankerTest.sessions(1_500, 5);
        // 1,100 exposures with their own histories: more input than a thread's first staging area holds
        BehaviourData others = DnnRankerTest.sessions(1_200, 6);
        Exposure[] own = Arrays.copyOf(others.exposures(), 1_100);
        Exposure[] shared = sharedHistory();
        for (String name : RankerModels.names()) {
            DnnRanker model = DnnRankerTest.fitted(name, quick, train);
            // two epochs leave most weights near their small starting values, where a wrong gate or scale hardly shows
            model.restore(model.vocabulary(), spread(model.weights(), new SplittableRandom(11)), model.note());
            for (Exposure[] exposures : List.of(shared, own)) {
                RankingBatch b = new RankingBatch(List.of(exposures), model.vocabulary(), true);
                float[] reference = trainedNetwork(model, b);
                float[] onnx = flat(new RankerSession(model).logits(b));
                assertEquals(reference.length, onnx.length, name);
                double worst = 0;
                for (int k = 0; k < onnx.length; k++) {
                    worst = Math.max(worst, Math.abs(onnx[k] - reference[k]) / Math.max(1, Math.abs(reference[k])));
                }
                assertEquals(0, worst, 1e-4, name + ", " + b.historyRows + " history rows: largest logit difference");
                double[][] p = model.headProbabilities(exposures);
                int heads = model.heads();
                for (int k = 0; k < exposures.length; k++) { // ESMM's like: p(complete) · p(like | completed), as trained
                    for (int h = 0; h < heads; h++) {
                        double expected = sigmoid(reference[k * heads + h]) * (model instanceof EsmmRanker && h == Head.LIKE.ordinal()
                                ? sigmoid(reference[k * heads + Head.COMPLETE.ordinal()]) : 1);
                        assertEquals(expected, p[h][k], 1e-4, name + " head " + h);
                    }
                }
            }
        }
    }

    /** Weights of the same shapes drawn wide: N(0, 1/fan-in) for a matrix, N(0, 0.5²) for tables, vectors and biases. */
    private static DnnRanker.Weights spread(DnnRanker.Weights w, SplittableRandom r) {
        float[][] dense = new float[w.dense().length][];
        for (int k = 0; k < dense.length; k++) {
            long[] shape = w.shapes()[k];
            dense[k] = Seeded.gaussian(w.dense()[k].length, shape.length > 1 ? Math.sqrt(1.0 / shape[0]) : 0.5, r);
        }
        return new DnnRanker.Weights(w.dim(), Seeded.gaussian(w.songs().length, 0.5, r), Seeded.gaussian(w.artists().length, 0.5, r),
                Seeded.gaussian(w.users().length, 0.5, r), Seeded.gaussian(w.wide().length, 0.5, r), dense, w.shapes());
    }

    /** The logits of DJL's forward pass, as training computes them. */
    private static float[] trainedNetwork(DnnRanker model, RankingBatch b) {
        try (NDManager m = Djl.manager()) {
            DnnRanker.Network net = DnnRanker.Network.of(m, model.settings(), model.weights(), model.heads());
            return net.forward(m, b, false, model, m.create(1f)).logits().toFloatArray();
        }
    }

    private static double sigmoid(float z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rows[k], 0, out, k * rows[k].length, rows[k].length);
        }
        return out;
    }

    /** 40 candidates of one listener whose history spans four sessions of every behaviour, with gaps. */
    private static Exposure[] sharedHistory() {
        BehaviourSequences s = new BehaviourSequences();
        SplittableRandom r = new SplittableRandom(3);
        Action[] actions = {Action.PLAY, Action.COMPLETE, Action.SKIP, Action.LIKE, Action.PLAY};
        for (int k = 0; k < 70; k++) {
            s.add(r.nextInt(200), actions[k % actions.length], k / 18 * 3_600_000L + k * 1_000L);
        }
        BehaviourSequences.History history = s.at(5 * 3_600_000L);
        Exposure[] out = new Exposure[40];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Exposure(1, r.nextInt(200), 5 * 3_600_000L, "fm", 3, history);
        }
        return out;
    }
}
