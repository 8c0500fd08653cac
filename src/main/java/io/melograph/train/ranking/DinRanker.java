package io.melograph.train.ranking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
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

    /** Σ w_i e_i over the sequence, w_i from the local activation unit. */
    static NDArray attend(NDArray h, NDArray mask, NDArray target, Network net) {
        return h.mul(activation(h, target, net).mul(mask.expandDims(2))).sum(new int[] {1});        // [B, D]
    }

    /** The local activation unit's weight of each e_i for the target, [B, L, 1]. */
    static NDArray activation(NDArray h, NDArray target, Network net) {
        return activation(h, target, net, 0);
    }

    /** A local activation unit whose four parameters start at {@code net.own(first)}. */
    static NDArray activation(NDArray h, NDArray target, Network net, int first) {
        NDArray t = target.expandDims(1).broadcast(h.getShape());
        NDArray in = NDArrays.concat(new NDList(h, t, h.sub(t), h.mul(t)), 2);                       // [B, L, 4D]
        return Activation.sigmoid(in.matMul(net.own(first)).add(net.own(first + 1))).matMul(net.own(first + 2))
                .add(net.own(first + 3));
    }
}
