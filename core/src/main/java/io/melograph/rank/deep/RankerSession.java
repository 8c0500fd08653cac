package io.melograph.rank.deep;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.melograph.djl.NativeAllocator;
import io.melograph.rank.BehaviourSequences;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A fitted deep ranker scored by ONNX Runtime: its {@link RankerGraph}s in sessions made at their first use (the
 * shared-history one when a version is swapped in, {@link #prepare()}), fed a {@link RankingBatch} and the table rows
 * the batch uses. Scoring needs no PyTorch, so the serving image carries ONNX Runtime's one library (16 MB) instead
 * of PyTorch's (106 MiB compressed); training stays on DJL. Safe to run from several threads at once, and to close
 * while they run: {@link #close()} waits for the calls under way, and a call after it is refused.
 */
public final class RankerSession implements AutoCloseable {
    /** Intra-op threads of a session; the service sets 1 ({@link #serving()}), anything else scores with 2. */
    static final String THREADS = "melograph.ranker.threads";
    /**
     * Direct memory each thread writes its inputs to, reused call after call: a heap array given to ONNX Runtime is
     * copied into fresh direct memory, freed only by a garbage collection (the tail {@code Djl.input} avoids).
     */
    private static final ThreadLocal<ByteBuffer> STAGING =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder()));
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final DnnRanker model;
    private final DnnRanker.Weights weights;
    private final int heads;
    /** The graph for one history row shared by every target ({@link RankerGraph}), and the one for a row each; null until used. */
    private volatile OrtSession shared;
    private volatile OrtSession perRow;
    private boolean closed;
    /** Held shared by each scoring call and alone by {@link #close()}: a session is never freed under a running call. */
    private final ReentrantReadWriteLock use = new ReentrantReadWriteLock();

    RankerSession(DnnRanker model) {
        this.model = model;
        weights = model.weights();
        heads = model.heads();
    }

    /**
     * One intra-op thread, for a process that serves requests (unless given on the command line): on our 2-core
     * machines concurrent requests then use the cores side by side, and no second thread's wake-ups make the tail
     * (docs/benchmarks.md).
     */
    public static void serving() {
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
    }

    /** Makes the session serving uses (one listener's candidates), so no request waits for it. */
    void prepare() {
        session(true);
    }

    private OrtSession session(boolean sharedHistory) {
        OrtSession s = sharedHistory ? shared : perRow;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the scoring session was closed");
            }
            s = sharedHistory ? shared : perRow;
            if (s == null) {
                s = open(RankerGraph.of(model, sharedHistory), sharedHistory);
                if (sharedHistory) {
                    shared = s;
                } else {
                    perRow = s;
                }
            }
            return s;
        }
    }

    private OrtSession open(byte[] graph, boolean sharedHistory) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (!sharedHistory) {
                // an evaluation's graph has no arena: it scores batches of 1,024 histories, an arena would keep the
                // largest for the session's life, and an evaluation holds many (a model per head, versions side by
                // side); glibc, told to keep freed blocks, reuses them instead. Serving's graph keeps its arena (its
                // batches are one listener's candidates; measured a little faster with it)
                NativeAllocator.keepFreedMemory();
                options.setCPUArenaAllocator(false);
                options.setMemoryPatternOptimization(false);
            }
            options.setIntraOpNumThreads(Integer.parseInt(System.getProperty(THREADS, "2")));
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(graph, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused the " + model.getClass().getSimpleName() + " graph", e);
        }
    }

    /** The logits of the batch, [exposure][head]. */
    float[][] logits(RankingBatch b) {
        use.readLock().lock();
        try {
            return logits(b, session(b.historyRows == 1));
        } finally {
            use.readLock().unlock();
        }
    }

    private float[][] logits(RankingBatch b, OrtSession session) {
        try (Feed feed = new Feed(session.getInputNames())) {
            int d = weights.dim();
            feed.put("songRows", rows(weights.songs(), b.songs, d), b.songs.length, d);
            feed.put("artistRows", rows(weights.artists(), b.artists, d), b.artists.length, d);
            feed.put("userRows", rows(weights.users(), b.users, d), b.users.length, d);
            feed.put("wideRows", rows(weights.wide(), b.buckets, heads), b.buckets.length, heads);
            int g = RankingVocabulary.GENRES;
            feed.put("songArtist", b.songArtist, b.songs.length);
            feed.put("songGenres", b.songGenres, b.songs.length, g);
            feed.put("songGenreMask", b.songGenreMask, b.songs.length, g, 1);
            feed.put("target", b.target, b.size);
            feed.put("user", b.user, b.size);
            feed.put("scene", b.scene, b.size);
            feed.put("hour", b.hour, b.size);
            feed.put("position", b.position, b.size);
            feed.put("popularity", b.popularity, b.size, 1);
            feed.put("wide", b.wide, b.size, b.wideWidth);
            feed.put("wideMask", b.wideMask, b.size, b.wideWidth, 1);
            int l = RankingBatch.L;
            for (int k = 0; k < RankingBatch.KINDS; k++) {
                feed.put("history" + k, b.history[k], b.historyRows, l);
                feed.put("mask" + k, b.historyMask[k], b.historyRows, l);
                feed.put("sessions" + k, b.historySessions[k], b.historyRows, l);
                if (feed.wants("present" + k)) {
                    int[] present = SessionRanker.present(b.historySessions[k], b.historyMask[k]);
                    feed.put("present" + k, present, present.length);
                }
            }
            if (feed.wants("order")) {
                int[][] packing = DienRanker.packing(b.historyMask[BehaviourSequences.Kind.PLAY.ordinal()], l);
                feed.put("order", packing[0], packing[0].length);
                feed.put("inverse", packing[1], packing[1].length);
            }
            try (OrtSession.Result r = session.run(feed.tensors)) {
                return (float[][]) r.get(0).getValue();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("scoring " + b.size + " exposures failed", e);
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

    /** One call's input tensors, written to the thread's staging memory; only the inputs the graph has. */
    private final class Feed implements AutoCloseable {
        final Map<String, OnnxTensor> tensors = new HashMap<>();
        private final Set<String> inputs;
        private ByteBuffer area = STAGING.get();
        private int used;

        Feed(Set<String> inputs) {
            this.inputs = inputs;
        }

        boolean wants(String name) {
            return inputs.contains(name);
        }

        void put(String name, float[] values, long... shape) throws OrtException {
            if (wants(name)) {
                FloatBuffer b = next(values.length).asFloatBuffer().put(values);
                tensors.put(name, OnnxTensor.createTensor(env, b.rewind(), shape));
            }
        }

        void put(String name, int[] values, long... shape) throws OrtException {
            if (wants(name)) {
                IntBuffer b = next(values.length).asIntBuffer().put(values);
                tensors.put(name, OnnxTensor.createTensor(env, b.rewind(), shape));
            }
        }

        /** Room for {@code n} 4-byte values; a larger area when full (the earlier inputs keep theirs until the call ends). */
        private ByteBuffer next(int n) {
            int bytes = n * 4;
            if (used + bytes > area.capacity()) {
                area = ByteBuffer.allocateDirect(Math.max(2 * area.capacity(), bytes)).order(ByteOrder.nativeOrder());
                STAGING.set(area);
                used = 0;
            }
            ByteBuffer slice = area.duplicate().position(used).limit(used + bytes).slice().order(ByteOrder.nativeOrder());
            used += bytes;
            return slice;
        }

        @Override
        public void close() {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /** Frees the sessions once the scoring calls under way have returned; later calls are refused. */
    @Override
    public void close() {
        use.writeLock().lock();
        try {
            synchronized (this) {
                closed = true;
                for (OrtSession s : new OrtSession[] {shared, perRow}) {
                    if (s != null) {
                        s.close();
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            shared = null;
            perRow = null;
            use.writeLock().unlock();
        }
    }
}
