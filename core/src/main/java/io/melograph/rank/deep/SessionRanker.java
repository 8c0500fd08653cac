package io.melograph.rank.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.melograph.djl.Djl;
import io.melograph.onnx.OnnxGraph;
import io.melograph.rank.BehaviourSequences;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The session-aware multi-behaviour model: plays, completes, skips and likes stay separate sequences (as in every
 * rung), and each is read as sessions, after DSIN (Feng et al., IJCAI 2019). Inside a session, self-attention lets
 * each song see the others of its session (a song skipped among finished ones says something else than one skipped
 * among skips), and the song being ranked attends to the session's songs (DIN's local activation unit): one vector
 * per session. Across sessions, a second activation unit weighs each session for the target, times a learned factor
 * for how many sessions back it was (in place of DSIN's Bi-LSTM across sessions: our histories hold a few sessions of
 * at most 30 songs). Sessions come from {@link BehaviourSequences}; sessions 7 or more back count as one.
 */
public final class SessionRanker extends DinRanker {
    private static final int DIN_PARAMETERS = 4;

    public SessionRanker() {
        super();
    }

    public SessionRanker(Settings settings) {
        super(settings);
    }

    @Override
    protected List<long[]> ownShapes(Settings s) {
        long d = 3L * s.dim();
        List<long[]> shapes = new ArrayList<>(super.ownShapes(s));                       // the unit inside sessions
        shapes.addAll(List.of(new long[] {d, d}, new long[] {d, d}, new long[] {d, d})); // query, key, value maps
        shapes.addAll(super.ownShapes(s));                                                 // the unit across sessions
        shapes.add(new long[] {RankingBatch.SESSIONS});                                    // recency factor − 1 per session back
        return shapes;
    }

    @Override
    protected Pooled pool(BehaviourSequences.Kind kind, NDArray h, NDArray mask, NDArray sessions, NDArray target, Network net,
                          NDArray one) {
        int p = DIN_PARAMETERS;
        NDManager m = h.getManager();
        // [B, L, L]: 1 where songs i and j are both real and of the same session
        NDArray same = sessions.expandDims(2).eq(sessions.expandDims(1)).toType(DataType.FLOAT32, false)
                .mul(mask.expandDims(2)).mul(mask.expandDims(1));
        double scale = Math.sqrt(h.getShape().get(2));
        NDArray scores = h.matMul(net.own(p)).matMul(h.matMul(net.own(p + 1)).transpose(0, 2, 1)).div(m.create((float) scale));
        NDArray attention = scores.add(same.sub(one).mul(m.create(1e9f))).softmax(2).mul(same);
        NDArray songs = h.add(attention.matMul(h.matMul(net.own(p + 2))));                  // each song in its session's context
        NDArray inside = DinRanker.activation(songs, target, net);                          // [B, L, 1]
        // [B, S, L]: 1 where real song j is of session s back (of the sessions the batch has); a session's vector for
        // the target is Σ its songs
        NDArray present = Djl.input(m, present(sessions.toIntArray(), mask.toFloatArray()));
        long s = present.getShape().get(0);
        NDArray member = present.reshape(1, s, 1).eq(sessions.expandDims(1)).toType(DataType.FLOAT32, false).mul(mask.expandDims(1));
        NDArray session = member.mul(inside.transpose(0, 2, 1)).matMul(songs);               // [B, S, D]
        NDArray recency = Djl.rows(present, Djl.on(m, net.own(p + 7).expandDims(1))).add(one).expandDims(0);  // [1, S, 1]
        NDArray across = DinRanker.activation(session, target, net, p + 3).mul(recency);
        return new Pooled(session.mul(across).sum(new int[] {1}), null);
    }

    /**
     * {@link #pool(BehaviourSequences.Kind, NDArray, NDArray, NDArray, NDArray, Network, NDArray)} in the scoring graph;
     * the sessions the batch has come in as {@link RankerGraph.Sequence#present()} ({@link #present}).
     */
    @Override
    String pool(RankerGraph n, BehaviourSequences.Kind kind, RankerGraph.Sequence s, String target) {
        OnnxGraph g = n.g;
        int p = DIN_PARAMETERS;
        String h = s.h();
        String mask = s.mask();
        String same = g.mul(g.mul(g.equal(g.unsqueeze(s.sessions(), 2), g.unsqueeze(s.sessions(), 1)), g.unsqueeze(mask, 2)),
                g.unsqueeze(mask, 1));                                                                   // [Bh, L, L]
        float scale = (float) Math.sqrt(n.ownShape(p)[0]);
        String scores = g.div(g.matMul(g.matMul(h, n.own(p)), g.transpose(g.matMul(h, n.own(p + 1)), 0, 2, 1)), g.scalar(scale));
        String attention = n.maskedSoftmax(scores, same, 2);
        String songs = g.add(h, g.matMul(attention, g.matMul(h, n.own(p + 2))));
        String inside = DinRanker.activation(n, songs, n.shared, target, 0);                                 // [B, L, 1]
        String present = g.input(s.present(), false, "P" + s.kind());
        String member = g.mul(g.equal(g.reshape(present, 1, -1, 1), g.unsqueeze(s.sessions(), 1)), g.unsqueeze(mask, 1));
        String session = g.matMul(g.mul(member, g.transpose(inside, 0, 2, 1)), songs);             // [B, P, D]
        String recency = g.reshape(g.add(g.gather(n.own(p + 7), present), n.one), 1, -1, 1);
        String across = g.mul(DinRanker.activation(n, session, false, target, p + 3), recency);
        return g.sum(g.mul(session, across), 1, false);
    }

    /** Session 0 and every other session (how many back) some real song of the batch is from, in order. */
    static int[] present(int[] sessions, float[] mask) {
        boolean[] seen = new boolean[RankingBatch.SESSIONS];
        seen[0] = true; // cheaper than an empty batch of sessions, and without members it adds nothing
        for (int k = 0; k < sessions.length; k++) {
            seen[sessions[k]] |= mask[k] > 0;
        }
        return IntStream.range(0, seen.length).filter(k -> seen[k]).toArray();
    }
}
