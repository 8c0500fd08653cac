package io.melograph.rank.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.melograph.djl.Djl;
import io.melograph.onnx.OnnxGraph;
import io.melograph.rank.BehaviourSequences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DIEN (Zhou et al., AAAI 2019) over the play sequence, DIN's target attention over the others. Interest extractor:
 * a GRU over the plays, whose state h_t must score the next real play above another listener's play at the same step
 * (the auxiliary loss, without which h_t is no interest). Interest evolution: an AUGRU, a GRU whose update gate is
 * scaled by the attention of h_t to the song being ranked (softmax over the sequence), so the interests that matter
 * for that song drive the final state, which is the plays' pooled vector. The extractor is PyTorch's fused GRU; DJL
 * has no AUGRU, so the evolution is written from gates and runs step by step ({@link RankingBatch#L} steps at most).
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
        float[] real = mask.toFloatArray();
        NDArray states = extract(h, real, net.own(p), net.own(p + 1), net.own(p + 2));               // [B, L, D]
        // attention of each interest to the target, over the sequence's real steps
        NDManager m = h.getManager();
        NDArray scores = states.matMul(net.own(p + 6)).mul(target.expandDims(1)).sum(new int[] {2});  // [B, L]
        NDArray attention = scores.add(mask.sub(one).mul(m.create(1e9f))).softmax(1).mul(mask);
        NDArray last = evolve(states, attention, anyReal(real, h.getShape().get(1)), net.own(p + 3), net.own(p + 4), net.own(p + 5));
        return new Pooled(last, auxiliaryLoss(states, h, mask, one));
    }

    /**
     * The interest extractor, PyTorch's fused GRU: each row's real steps are moved to the front (as a packed sequence
     * is), run from a zero state and put back, so a real step's state is the GRU's over the real steps before it (a
     * padded step's state is read by nothing: the attention, the evolution and the auxiliary loss mask it).
     * {@code w} [D, 3D], {@code u} [D, 3D] and {@code bias} [3D] hold the reset, update and candidate gates in that
     * order, the update gate weighing the candidate (PyTorch's weighs the old state: its gate is ours negated).
     *
     * @param real the mask [B, L] as read from it, 1 for a real step
     */
    static NDArray extract(NDArray h, float[] real, NDArray w, NDArray u, NDArray bias) {
        NDManager m = h.getManager();
        long b = h.getShape().get(0);
        int steps = (int) h.getShape().get(1);
        long d = u.getShape().get(0);
        int[][] packing = packing(real, steps);
        NDArray packed = Djl.rows(Djl.input(m, packing[0]), h.reshape(b * steps, d)).reshape(b, steps, d);
        float[] flip = new float[(int) (3 * d)];
        Arrays.fill(flip, 1f);
        Arrays.fill(flip, (int) d, (int) (2 * d), -1f);
        NDArray sign = Djl.input(m, flip, 3 * d);
        NDList gates = new NDList(Djl.on(m, w.transpose()).mul(sign.expandDims(1)), Djl.on(m, u.transpose()).mul(sign.expandDims(1)),
                Djl.on(m, bias.mul(sign)), m.zeros(new Shape(3 * d)));
        NDArray states = packed.getNDArrayInternal().gru(packed, m.zeros(new Shape(1, b, d)), gates, true, 1, 0, false, false, true)
                .get(0);
        return Djl.rows(Djl.input(m, packing[1]), states.reshape(b * steps, d)).reshape(b, steps, d);
    }

    /**
     * Each row's real steps moved to its front, as a packed sequence: {packed position → position, position → packed
     * position}, over the mask [rows × steps] as read from it.
     */
    static int[][] packing(float[] real, int steps) {
        int[] order = new int[real.length];
        int[] inverse = new int[real.length];
        for (int row = 0; row < real.length / steps; row++) {
            int next = row * steps;
            for (int pass = 0; pass < 2; pass++) { // the real steps, then the padded ones
                for (int t = row * steps; t < (row + 1) * steps; t++) {
                    if ((real[t] > 0) == (pass == 0)) {
                        inverse[t] = next;
                        order[next++] = t;
                    }
                }
            }
        }
        return new int[][] {order, inverse};
    }

    /**
     * {@link #pool(BehaviourSequences.Kind, NDArray, NDArray, NDArray, NDArray, Network, NDArray)} in the scoring graph.
     * The extractor is ONNX's GRU on the packed plays ({@code order}, {@code inverse}: {@link #packing}); the evolution
     * runs every step (a step without attention leaves the state as it was, so skipping none changes nothing).
     */
    @Override
    String pool(RankerGraph n, BehaviourSequences.Kind kind, RankerGraph.Sequence s, String target) {
        if (kind != BehaviourSequences.Kind.PLAY) {
            return super.pool(n, kind, s, target);
        }
        OnnxGraph g = n.g;
        int p = DIN_PARAMETERS;
        int d = (int) n.ownShape(p + 1)[0];
        int l = RankingBatch.L;
        String flat = g.reshape(s.h(), -1, d);
        String packed = g.reshape(g.gather(flat, g.input("order", false, "BhL")), -1, l, d);
        String[] gru = g.nodes("GRU", new String[] {g.transpose(packed, 1, 0, 2), gruWeights(n, p, d), gruWeights(n, p + 1, d),
                gruBias(n, p, d)}, 2, "hidden_size", (long) d, "linear_before_reset", 1L);
        String run = g.reshape(g.transpose(g.squeeze(gru[0], 1), 1, 0, 2), -1, d);                 // [Bh·L, D]
        String states = g.reshape(g.gather(run, g.input("inverse", false, "BhL")), -1, l, d);      // [Bh, L, D]
        String keys = g.matMul(states, n.own(p + 6));                                                // [Bh, L, D]
        String scores = n.shared ? g.matMul(target, g.transpose(g.squeeze(keys, 0), 1, 0))             // [B, L]
                : g.sum(g.mul(keys, g.unsqueeze(target, 1)), 2, false);
        String attention = n.maskedSoftmax(scores, s.mask(), 1);
        // the evolution in 2-D products, the gates' with its addend in one Gemm: the steps' input gates [Bh, 2D] and
        // candidates [Bh, D] from one split, the recurrent weights as two constants
        String in = g.reshape(g.add(g.matMul(states, n.own(p + 3)), n.own(p + 5)), -1, 3L * d * l);  // [Bh, L·3D]
        long[] sizes = new long[2 * l];
        for (int t = 0; t < l; t++) {
            sizes[2 * t] = 2L * d;
            sizes[2 * t + 1] = d;
        }
        String[] steps = g.nodes("Split", new String[] {in, g.longs(sizes)}, 2 * l, "axis", 1L);
        long[] ones = new long[l];
        Arrays.fill(ones, 1);
        String[] weights = g.nodes("Split", new String[] {attention, g.longs(ones)}, l, "axis", 1L);    // L × [B, 1]
        float[] u = n.ownValues(p + 4);                                                              // [D, 3D]
        float[] gatesU = new float[2 * d * d];
        float[] candidateU = new float[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(u, i * 3 * d, gatesU, i * 2 * d, 2 * d);
            System.arraycopy(u, i * 3 * d + 2 * d, candidateU, i * d, d);
        }
        String recurrentGates = g.floats(gatesU, d, 2L * d);
        String recurrentCandidate = g.floats(candidateU, d, d);
        String gateSplit = g.longs(d, d);
        String state = null; // 0 before the first step, which therefore has no recurrent term
        for (int t = 0; t < l; t++) {
            String gates = state == null ? steps[2 * t] : g.op("Gemm", state, recurrentGates, steps[2 * t]);
            String[] resetUpdate = g.nodes("Split", new String[] {g.sigmoid(gates), gateSplit}, 2, "axis", 1L);
            String z = g.mul(resetUpdate[1], weights[t]);
            String candidate = g.op("Tanh", state == null ? steps[2 * t + 1]
                    : g.add(steps[2 * t + 1], g.mul(resetUpdate[0], g.matMul(state, recurrentCandidate))));
            state = state == null ? g.mul(z, candidate) : g.add(state, g.mul(z, g.sub(candidate, state)));
        }
        return state;
    }

    /*
     * Our gates (reset, update, candidate; the update weighing the candidate) in ONNX's GRU order (update, reset,
     * hidden; its update weighing the old state, so negated), as [1, 3D, D] and the bias [1, 6D] (no recurrent bias).
     */

    /** Own parameter {@code k}, an input or recurrent weight matrix [D, 3D]. */
    private static String gruWeights(RankerGraph n, int k, int d) {
        return n.g.floats(onnxGates(n.ownValues(k), d, d), 1, 3L * d, d);
    }

    private static String gruBias(RankerGraph n, int p, int d) {
        float[] ours = onnxGates(n.ownValues(p + 2), 1, d);
        return n.g.floats(Arrays.copyOf(ours, 6 * d), 1, 6L * d);
    }

    /** {@code w} [in, 3D] (reset, update, candidate columns) as ONNX's [3D, in] rows: −update, reset, candidate. */
    private static float[] onnxGates(float[] w, int in, int d) {
        float[] out = new float[3 * d * in];
        int[] from = {d, 0, 2 * d};
        float[] sign = {-1f, 1f, 1f};
        for (int gate = 0; gate < 3; gate++) {
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < in; i++) {
                    out[(gate * d + j) * in + i] = sign[gate] * w[i * 3 * d + from[gate] + j];
                }
            }
        }
        return out;
    }

    /** Steps where some row of the mask [B, L] has a song: the others leave every state as it was. */
    private static boolean[] anyReal(float[] real, long steps) {
        boolean[] any = new boolean[(int) steps];
        for (int k = 0; k < real.length; k++) {
            any[(int) (k % steps)] |= real[k] > 0;
        }
        return any;
    }

    /**
     * The interest evolution, an AUGRU over the states [B, L, D] (the extractor's gates): the update gate times the
     * step's attention [B, L], so a step without attention (padding among them) leaves the state as it was and is
     * skipped where {@code steps} says no row has one. The last state, [B, D].
     */
    static NDArray evolve(NDArray x, NDArray attention, boolean[] steps, NDArray w, NDArray u, NDArray bias) {
        NDManager m = x.getManager();
        int l = (int) x.getShape().get(1);
        long d = u.getShape().get(0);
        NDList in = x.matMul(w).add(bias).split(new long[] {2 * d}, 2);                              // [B, L, 2D], [B, L, D]
        NDList gates = in.get(0).split(l, 1);                                                      // L × [B, 1, 2D]
        NDList candidate = in.get(1).split(l, 1);                                                  // L × [B, 1, D]
        NDList weight = attention.expandDims(2).split(l, 1);                                       // L × [B, 1, 1]
        NDArray state = m.zeros(new Shape(1, 1, d));
        for (int t = 0; t < l; t++) {
            if (!steps[t]) {
                continue;
            }
            NDList rec = state.matMul(u).split(new long[] {2 * d}, 2);
            NDList resetUpdate = Activation.sigmoid(gates.get(t).add(rec.get(0))).split(2, 2);
            NDArray z = resetUpdate.get(1).mul(weight.get(t));
            NDArray n = Activation.tanh(candidate.get(t).add(resetUpdate.get(0).mul(rec.get(1))));
            state = state.add(z.mul(n.sub(state)));
        }
        return state.squeeze(1).broadcast(new Shape(attention.getShape().get(0), d));
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
}
