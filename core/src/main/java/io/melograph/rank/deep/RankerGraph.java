package io.melograph.rank.deep;

import io.melograph.onnx.OnnxGraph;
import io.melograph.rank.BehaviourSequences;

import java.util.HashMap;
import java.util.Map;

/**
 * A fitted deep ranker's scoring pass ({@link DnnRanker.Network#forward}) written as an ONNX graph, so the service
 * scores with ONNX Runtime and needs no PyTorch. The dense parameters are the graph's constants; the big tables'
 * rows a batch uses come in as inputs ({@link RankerSession}). A history has {@code Bh} rows, 1 (one listener's
 * candidates: a shared graph) or one per exposure, and is broadcast against the {@code B} targets. Each model writes its own pooling
 * ({@link DnnRanker#pool(RankerGraph, BehaviourSequences.Kind, Sequence, String)}) beside its DJL one, and
 * {@code RankerGraphTest} holds the two to the same logits.
 */
final class RankerGraph {
    final OnnxGraph g = new OnnxGraph();
    /** The float 1. */
    final String one = g.scalar(1f);
    /** Whether the histories are one row for all targets (one listener's candidates): {@code Bh} = 1. */
    final boolean shared;
    private final DnnRanker.Weights weights;
    private final int layers;
    private final Map<Integer, String> constants = new HashMap<>();

    /** One behaviour sequence's inputs: song vectors [Bh, L, D], mask [Bh, L], sessions back [Bh, L]. */
    record Sequence(String h, String mask, String sessions, int kind) {
        /** The sessions present in the batch ({@link SessionRanker}), an input of this kind. */
        String present() {
            return "present" + kind;
        }
    }

    private RankerGraph(DnnRanker.Weights weights, int layers, boolean shared) {
        this.shared = shared;
        this.weights = weights;
        this.layers = layers;
    }

    /**
     * The ONNX model of {@code model}'s trained network: inputs as {@link RankerSession} names them, output "logits"
     * [B, H]. A {@code shared} graph takes one history row for every target, which lets target attention skip the
     * [B, L, D] products a row per target needs ({@link DinRanker#activation(RankerGraph, String, boolean, String, int)}).
     */
    static byte[] of(DnnRanker model, boolean shared) {
        RankerGraph n = new RankerGraph(model.weights(), model.settings().hidden().length + 1, shared);
        OnnxGraph g = n.g;
        int d = model.weights().dim();
        int heads = model.heads();
        String songRows = g.input("songRows", true, "S", Integer.toString(d));
        String artistRows = g.input("artistRows", true, "A", Integer.toString(d));
        String userRows = g.input("userRows", true, "U", Integer.toString(d));
        String wideRows = g.input("wideRows", true, "W", Integer.toString(heads));
        String genreMask = g.input("songGenreMask", true, "S", "G", "1");
        String genres = g.div(g.sum(g.mul(g.gather(n.dense(0), g.input("songGenres", false, "S", "G")), genreMask), 1, false),
                g.max(g.sum(genreMask, 1, false), n.one));
        String songVectors = g.concat(1, songRows, g.gather(artistRows, g.input("songArtist", false, "S")), genres);
        String target = g.gather(songVectors, g.input("target", false, "B"));
        String[] parts = new String[2 + RankingBatch.KINDS + 4];
        parts[0] = g.gather(userRows, g.input("user", false, "B"));
        parts[1] = target;
        for (BehaviourSequences.Kind kind : BehaviourSequences.Kind.values()) {
            int k = kind.ordinal();
            String length = Integer.toString(RankingBatch.L);
            String rows = shared ? "1" : "B";
            Sequence s = new Sequence(g.gather(songVectors, g.input("history" + k, false, rows, length)),
                    g.input("mask" + k, true, rows, length), g.input("sessions" + k, false, rows, length), k);
            parts[2 + k] = g.expandAs(model.pool(n, kind, s, target), target);
        }
        int c = 2 + RankingBatch.KINDS;
        parts[c] = g.gather(n.dense(1), g.input("scene", false, "B"));
        parts[c + 1] = g.gather(n.dense(2), g.input("hour", false, "B"));
        parts[c + 2] = g.gather(n.dense(3), g.input("position", false, "B"));
        parts[c + 3] = g.input("popularity", true, "B", "1");
        String x = g.concat(1, parts);
        for (int l = 0; l < n.layers; l++) {
            x = g.add(g.matMul(x, n.dense(DnnRanker.Network.BASE_DENSE + 2 * l)), n.dense(DnnRanker.Network.BASE_DENSE + 2 * l + 1));
            if (l < n.layers - 1) {
                x = g.op("Relu", x);
            }
        }
        String linear = g.sum(g.mul(g.gather(wideRows, g.input("wide", false, "B", "WW")), g.input("wideMask", true, "B", "WW", "1")),
                1, false);
        g.output(g.add(x, linear), "logits");
        return g.model();
    }

    /** Dense parameter {@code k} of the network ({@link DnnRanker.Network} order) as a constant, written once. */
    String dense(int k) {
        return constants.computeIfAbsent(k, i -> g.floats(weights.dense()[i], weights.shapes()[i]));
    }

    /** A subclass's own parameter {@code k} ({@link DnnRanker.Network#own}). */
    String own(int k) {
        return dense(ownIndex(k));
    }

    /** The values of own parameter {@code k}, for a constant derived from them. */
    float[] ownValues(int k) {
        return weights.dense()[ownIndex(k)];
    }

    long[] ownShape(int k) {
        return weights.shapes()[ownIndex(k)];
    }

    private int ownIndex(int k) {
        return DnnRanker.Network.BASE_DENSE + 2 * layers + k;
    }

    /** Softmax of {@code scores} over {@code axis} among the places {@code mask} keeps (1), 0 elsewhere. */
    String maskedSoftmax(String scores, String mask, long axis) {
        String masked = g.add(scores, g.mul(g.sub(mask, one), g.scalar(1e9f)));
        return g.mul(g.op("Softmax", new String[] {masked}, "axis", axis), mask);
    }

    /** mask [Bh, L] as [Bh, L, 1]. */
    String column(String mask) {
        return g.unsqueeze(mask, 2);
    }
}
