package io.melograph.rank.deep;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.melograph.rank.BehaviourSequences;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fitted deep ranker scored by ONNX Runtime: its {@link RankerGraph} in one session, fed a {@link RankingBatch} and
 * the table rows the batch uses. Scoring needs no PyTorch, so the serving image carries ONNX Runtime's one library
 * (16 MB) instead of PyTorch's (106 MiB compressed); training stays on DJL. A session is safe to run from several
 * threads at once.
 */
public final class RankerSession implements AutoCloseable {
    /** Intra-op threads of a session; the service sets 1 ({@link #serving()}), anything else scores with 2. */
    static final String THREADS = "melograph.ranker.threads";
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    /** The graph for one history row shared by every target ({@link RankerGraph}), and the one for a row each. */
    private final OrtSession shared;
    private final OrtSession rows;
    private final DnnRanker.Weights weights;
    private final int heads;

    RankerSession(DnnRanker model) {
        weights = model.weights();
        heads = model.heads();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Integer.parseInt(System.getProperty(THREADS, "2")));
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            shared = env.createSession(RankerGraph.of(model, true), options);
            rows = env.createSession(RankerGraph.of(model, false), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused the " + model.getClass().getSimpleName() + " graph", e);
        }
    }

    /**
     * One intra-op thread, for a process that serves requests (unless given on the command line): on our 2-core
     * machines concurrent requests then use the cores side by side, and no second thread's wake-ups make the tail
     * (measured for PyTorch before: docs/benchmarks.md).
     */
    public static void serving() {
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
    }

    /** The logits of the batch, [exposure][head]. */
    float[][] logits(RankingBatch b) {
        OrtSession session = b.historyRows == 1 ? shared : rows;
        Set<String> inputs = session.getInputNames();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            int d = weights.dim();
            put(feed, inputs, "songRows", rows(weights.songs(), b.songs, d), b.songs.length, d);
            put(feed, inputs, "artistRows", rows(weights.artists(), b.artists, d), b.artists.length, d);
            put(feed, inputs, "userRows", rows(weights.users(), b.users, d), b.users.length, d);
            put(feed, inputs, "wideRows", rows(weights.wide(), b.buckets, heads), b.buckets.length, heads);
            int g = RankingVocabulary.GENRES;
            put(feed, inputs, "songArtist", b.songArtist, b.songs.length);
            put(feed, inputs, "songGenres", b.songGenres, b.songs.length, g);
            put(feed, inputs, "songGenreMask", b.songGenreMask, b.songs.length, g, 1);
            put(feed, inputs, "target", b.target, b.size);
            put(feed, inputs, "user", b.user, b.size);
            put(feed, inputs, "scene", b.scene, b.size);
            put(feed, inputs, "hour", b.hour, b.size);
            put(feed, inputs, "position", b.position, b.size);
            put(feed, inputs, "popularity", b.popularity, b.size, 1);
            put(feed, inputs, "wide", b.wide, b.size, b.wideWidth);
            put(feed, inputs, "wideMask", b.wideMask, b.size, b.wideWidth, 1);
            int l = RankingBatch.L;
            for (int k = 0; k < RankingBatch.KINDS; k++) {
                put(feed, inputs, "history" + k, b.history[k], b.historyRows, l);
                put(feed, inputs, "mask" + k, b.historyMask[k], b.historyRows, l);
                put(feed, inputs, "sessions" + k, b.historySessions[k], b.historyRows, l);
                if (inputs.contains("present" + k)) {
                    int[] present = SessionRanker.present(b.historySessions[k], b.historyMask[k]);
                    put(feed, inputs, "present" + k, present, present.length);
                }
            }
            if (inputs.contains("order")) {
                int[][] packing = DienRanker.packing(b.historyMask[BehaviourSequences.Kind.PLAY.ordinal()], l);
                put(feed, inputs, "order", packing[0], packing[0].length);
                put(feed, inputs, "inverse", packing[1], packing[1].length);
            }
            try (OrtSession.Result r = session.run(feed)) {
                return (float[][]) r.get(0).getValue();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("scoring " + b.size + " exposures failed", e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** The rows {@code ids} of a table of rows × {@code width}. */
    private static float[] rows(float[] table, long[] ids, int width) {
        float[] out = new float[ids.length * width];
        for (int k = 0; k < ids.length; k++) {
            System.arraycopy(table, (int) ids[k] * width, out, k * width, width);
        }
        return out;
    }

    /** Puts the input {@code name} if the graph has it (a history's sessions only the session model reads, say). */
    private void put(Map<String, OnnxTensor> feed, Set<String> inputs, String name, float[] values, long... shape) throws OrtException {
        if (inputs.contains(name)) {
            feed.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape));
        }
    }

    private void put(Map<String, OnnxTensor> feed, Set<String> inputs, String name, int[] values, long... shape) throws OrtException {
        if (inputs.contains(name)) {
            feed.put(name, OnnxTensor.createTensor(env, IntBuffer.wrap(values), shape));
        }
    }

    @Override
    public void close() {
        try {
            shared.close();
            rows.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
