package io.melograph.rank.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import io.melograph.djl.Djl;
import io.melograph.onnx.OnnxGraph;
import io.melograph.rank.BehaviourSequences;

import java.util.List;

/**
 * DIN (Zhou et al., KDD 2018): the base model ({@link DnnRanker}) with each behaviour sequence pooled by target
 * attention. A local activation unit weighs history song e_i for the song being ranked e_a by an MLP over
 * [e_i, e_a, e_i − e_a, e_i ⊙ e_a] ({@value #UNITS} sigmoid units, as the paper's code); the weights are not
 * normalised by a softmax, so how much of a history matches the target is kept, and the pooled vector is
 * Σ w_i e_i. One unit shared by the four sequences (plays, completes, skips, likes), whose pooled vectors enter the
 * MLP side by side.
 */
public class DinRanker extends DnnRanker {
    static final int UNITS = 36;

    public DinRanker() {
        super();
    }

    public DinRanker(Settings settings) {
        super(settings);
    }

    @Override
    protected List<long[]> ownShapes(Settings s) {
        long in = 4L * 3 * s.dim();
        return List.of(new long[] {in, UNITS}, new long[] {UNITS}, new long[] {UNITS, 1}, new long[] {1});
    }

    @Override
    protected Pooled pool(BehaviourSequences.Kind kind, NDArray h, NDArray mask, NDArray sessions, NDArray target, Network net,
                          NDArray one) {
        return new Pooled(attend(h, mask, target, net), null);
    }

    @Override
    String pool(RankerGraph n, BehaviourSequences.Kind kind, RankerGraph.Sequence s, String target) {
        OnnxGraph g = n.g;
        String w = g.mul(activation(n, s.h(), n.shared, target, 0), n.column(s.mask()));                    // [B, L, 1]
        if (n.shared) { // [B, L] × [L, D]
            return g.matMul(g.squeeze(w, 2), g.squeeze(s.h(), 0));
        }
        return g.sum(g.mul(w, s.h()), 1, false);
    }

    /**
     * {@link #activation(NDArray, NDArray, Network, int)} in the scoring graph, [B, L, 1] for the history h [Bh, L, D]
     * and the target [B, D]: its first layer in the same three blocks, W1 + W3, W2 − W3 and W4, summed before the graph
     * is written, and for a {@code shared} history (Bh = 1, L steps) the same one [B, D] × [D, L·UNITS] product.
     */
    static String activation(RankerGraph n, String h, boolean shared, String target, int first) {
        OnnxGraph g = n.g;
        int d = (int) (n.ownShape(first)[0] / 4);
        float[] w = n.ownValues(first);
        float[] own = new float[d * UNITS];
        float[] targetShare = new float[d * UNITS];
        float[] product = new float[d * UNITS];
        for (int k = 0; k < d * UNITS; k++) {
            float w3 = w[2 * d * UNITS + k];
            own[k] = w[k] + w3;
            targetShare[k] = w[d * UNITS + k] - w3;
            product[k] = w[3 * d * UNITS + k];
        }
        String ownShare = g.add(g.matMul(h, g.floats(own, d, UNITS)), n.own(first + 1));          // [Bh, L, UNITS]
        if (shared) {
            // G[k, i, j] = W2−W3[k, j] + e_ik W4[k, j], and the history's own share as G's last row, the target's
            // 1 meeting it: [B, D + 1] × [D + 1, L·UNITS] (an add of the [B, L·UNITS] result would cost as much again)
            String history = g.unsqueeze(g.transpose(g.squeeze(h, 0), 1, 0), 2);                  // [D, L, 1]
            String share = g.add(g.mul(history, g.floats(product, d, 1, UNITS)), g.floats(targetShare, d, 1, UNITS));
            String hidden = g.matMul(g.concat(1, target, g.expandAs(n.one, g.sum(target, 1, true))),
                    g.concat(0, g.reshape(share, d, -1), g.reshape(ownShare, 1, -1)));            // [B, L·UNITS]
            String out = g.add(g.matMul(g.reshape(g.sigmoid(hidden), -1, UNITS), n.own(first + 2)), n.own(first + 3));
            return g.reshape(out, -1, RankingBatch.L, 1);
        }
        String t = g.unsqueeze(target, 1);                                                           // [B, 1, D]
        String hidden = g.add(g.add(ownShare, g.matMul(t, g.floats(targetShare, d, UNITS))), g.matMul(g.mul(h, t), g.floats(product, d, UNITS)));
        return g.add(g.matMul(g.sigmoid(hidden), n.own(first + 2)), n.own(first + 3));
    }

    /** Σ w_i e_i over the sequence, w_i from the local activation unit. */
    static NDArray attend(NDArray h, NDArray mask, NDArray target, Network net) {
        NDArray w = activation(h, target, net).mul(mask.expandDims(2));                             // [B, L, 1]
        if (h.getShape().get(0) == 1) { // a shared history: [B, L] × [L, D], read once rather than copied per target
            return w.squeeze(2).matMul(h.get(0));                                                    // [B, D]
        }
        return w.transpose(0, 2, 1).matMul(h).squeeze(1);
    }

    /** The local activation unit's weight of each e_i for the target, [B, L, 1]. */
    static NDArray activation(NDArray h, NDArray target, Network net) {
        return activation(h, target, net, 0);
    }

    /**
     * A local activation unit whose four parameters start at {@code net.own(first)}. Its first layer over
     * [e_i, e_a, e_i − e_a, e_i ⊙ e_a] is computed without building that [B, L, 4D] input: with the layer's weights
     * in four blocks W1..W4, it equals e_i (W1 + W3) + e_a (W2 − W3) + (e_i ⊙ e_a) W4, so the target's share is
     * computed once per exposure rather than once per history song.
     */
    static NDArray activation(NDArray h, NDArray target, Network net, int first) {
        long d = h.getShape().get(2);
        NDManager m = h.getManager();
        NDArray w = net.own(first);                                                                  // [4D, UNITS]
        NDArray w1 = Djl.on(m, w.get("0:{}", d));
        NDArray w2 = Djl.on(m, w.get("{}:{}", d, 2 * d));
        NDArray w3 = Djl.on(m, w.get("{}:{}", 2 * d, 3 * d));
        NDArray w4 = Djl.on(m, w.get("{}:", 3 * d));
        NDArray own = h.matMul(Djl.on(m, w1.add(w3))).add(net.own(first + 1));                     // [B or 1, L, UNITS]
        NDArray hidden;
        long l = h.getShape().get(1);
        long b = target.getShape().get(0);
        if (h.getShape().get(0) == 1 && b > 1) {
            // one history for every target (serving): e_a (W2 − W3) + (e_i ⊙ e_a) W4 = e_a G with
            // G[k, i, j] = W2−W3[k, j] + e_ik W4[k, j], one [B, D] × [D, L·UNITS] product instead of a [B, L, D] copy
            NDArray g = h.get(0).transpose().expandDims(2).mul(w4.expandDims(1)).add(Djl.on(m, w2.sub(w3)).expandDims(1));
            hidden = target.matMul(g.reshape(d, l * UNITS)).reshape(b, l, UNITS).add(own);
        } else {
            NDArray t = target.expandDims(1);                                                        // [B, 1, D]
            hidden = own.add(t.matMul(Djl.on(m, w2.sub(w3)))).add(h.mul(t).matMul(w4));
        }
        return Activation.sigmoid(hidden).matMul(net.own(first + 2)).add(net.own(first + 3));       // [B, L, 1]
    }
}
