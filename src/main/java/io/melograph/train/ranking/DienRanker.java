package io.melograph.train.ranking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.melograph.rank.BehaviourSequences;

import java.util.ArrayList;
import java.util.List;

/**
 * DIEN (Zhou et al., AAAI 2019) over the play sequence, DIN's target attention over the others. Interest extractor:
 * a GRU over the plays, whose state h_t must score the next real play above another listener's play at the same step
 * (the auxiliary loss, without which h_t is no interest). Interest evolution: an AUGRU, a GRU whose update gate is
 * scaled by the attention of h_t to the song being ranked (softmax over the sequence), so the interests that matter
 * for that song drive the final state, which is the plays' pooled vector. DJL has no AUGRU: both cells are written
 * from gates and run step by step ({@link RankingBatch#L} steps).
 */
public final class DienRanker extends DinRanker {
    /** Weight of the auxiliary loss against the click/complete/like loss (the paper's α = 1). */
    static final float AUXILIARY = 1f;
    private static final int DIN_PARAMETERS = 4;

    public DienRanker() {
        super();
    }

    public DienRanker(Settings settings) {
        super(settings);
    }

    @Override
    protected List<long[]> ownShapes(Settings s) {
        long d = 3L * s.dim();
        List<long[]> shapes = new ArrayList<>(super.ownShapes(s));
        for (int gru = 0; gru < 2; gru++) { // the extractor, then the evolution: input and recurrent weights, bias
            shapes.addAll(List.of(new long[] {d, 3 * d}, new long[] {d, 3 * d}, new long[] {3 * d}));
        }
        shapes.add(new long[] {d, d}); // the attention's bilinear map between a state and the target
        return shapes;
    }

    @Override
    protected Pooled pool(BehaviourSequences.Kind kind, NDArray h, NDArray mask, NDArray sessions, NDArray target, Network net,
                          NDArray one) {
        if (kind != BehaviourSequences.Kind.PLAY) {
            return super.pool(kind, h, mask, sessions, target, net, one);
        }
        int p = DIN_PARAMETERS;
        NDArray states = gru(h, mask, net.own(p), net.own(p + 1), net.own(p + 2), null);            // [B, L, D]
        // attention of each interest to the target, over the sequence's real steps
        NDManager m = h.getManager();
        NDArray scores = states.matMul(net.own(p + 6)).mul(target.expandDims(1)).sum(new int[] {2});  // [B, L]
        NDArray attention = scores.add(mask.sub(one).mul(m.create(1e9f))).softmax(1).mul(mask);
        NDArray evolved = gru(states, mask, net.own(p + 3), net.own(p + 4), net.own(p + 5), attention);
        long steps = h.getShape().get(1);
        NDArray last = evolved.get(":, " + (steps - 1) + ", :");
        return new Pooled(last, auxiliaryLoss(states, h, mask, one));
    }

    /**
     * h_t against the next play and against another listener's play at the same step (the next exposure's in the
     * batch), binary cross-entropy over the steps where all three exist.
     */
    private static NDArray auxiliaryLoss(NDArray states, NDArray h, NDArray mask, NDArray one) {
        NDManager m = h.getManager();
        long steps = h.getShape().get(1);
        NDArray negatives = h.get("1:").concat(h.get(":1"), 0);
        NDArray negativeMask = mask.get("1:").concat(mask.get(":1"), 0);
        NDArray now = states.get(":, :" + (steps - 1) + ", :");
        NDArray next = h.get(":, 1:, :");
        NDArray valid = mask.get(":, :" + (steps - 1)).mul(mask.get(":, 1:")).mul(negativeMask.get(":, 1:"));
        NDArray positive = now.mul(next).sum(new int[] {2});
        NDArray negative = now.mul(negatives.get(":, 1:, :")).sum(new int[] {2});
        NDArray loss = DnnRanker.crossEntropy(positive, one, one).add(DnnRanker.crossEntropy(negative, m.create(0f), one));
        return loss.mul(valid).sum().div(valid.sum().maximum(one)).mul(m.create(AUXILIARY));
    }

    /**
     * A GRU over [B, L, D] (PyTorch's gate equations), a padded step keeping the state; with {@code attention} [B, L]
     * an AUGRU: the update gate times the step's attention. The states of every step, [B, L, D].
     */
    private static NDArray gru(NDArray x, NDArray mask, NDArray w, NDArray u, NDArray bias, NDArray attention) {
        long b = x.getShape().get(0);
        long steps = x.getShape().get(1);
        long d = u.getShape().get(0);
        NDArray inputs = x.matMul(w).add(bias);                                                        // [B, L, 3D]
        NDArray state = x.getManager().zeros(new Shape(b, d));
        NDList states = new NDList();
        for (long t = 0; t < steps; t++) {
            NDArray in = inputs.get(":, " + t + ", :");
            NDArray rec = state.matMul(u);
            NDArray reset = Activation.sigmoid(in.get(":, 0:" + d).add(rec.get(":, 0:" + d)));
            NDArray update = Activation.sigmoid(in.get(":, " + d + ":" + 2 * d).add(rec.get(":, " + d + ":" + 2 * d)));
            NDArray candidate = Activation.tanh(in.get(":, " + 2 * d + ":").add(reset.mul(rec.get(":, " + 2 * d + ":"))));
            if (attention != null) {
                update = update.mul(attention.get(":, " + t).expandDims(1));
            }
            NDArray next = state.add(update.mul(candidate.sub(state)));
            state = state.add(mask.get(":, " + t).expandDims(1).mul(next.sub(state)));
            states.add(state);
        }
        return NDArrays.stack(states, 1);
    }
}
