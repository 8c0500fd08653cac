package io.melograph.interest;

import io.melograph.vectors.VectorMath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The short-term (real-time) interest model as served, in plain Java: self-attention pooling over the listener's last
 * {@link #window()} plays. A play is {@code gate[a] · song + action[a] + recency[r]} (song vectors of its own space;
 * the gate lets a skip or a dislike count against a song); attention {@code softmax(q · tanh(x Wa))} weighs the plays,
 * the pooled vector through {@code Wo} is the listener's interest now, and a song scores its dot product with it.
 * Nothing here reads the graph: a new event changes the answer at once.
 */
public final class NowModel {
    private final int dim;
    private final int window;
    private final float[] songs;
    private final float[] actions;
    private final float[] gates;
    private final float[] recencies;
    private final float[] wa;
    private final float[] query;
    private final float[] wo;
    private final float[] projection; // dim × dim: long-term song vector → short-term (P); empty in format-2 files

    public NowModel(int dim, int window, float[] songs, float[] actions, float[] gates, float[] recencies, float[] wa, float[] query, float[] wo,
             float[] projection) {
        this.dim = dim;
        this.window = window;
        this.songs = songs;
        this.actions = actions;
        this.gates = gates;
        this.recencies = recencies;
        this.wa = wa;
        this.query = query;
        this.wo = wo;
        this.projection = projection;
    }

    /** Arrays in a file; files before the projection was kept have one fewer. */
    static final int ARRAYS = 8;

    /** The arrays in file order: songs, actions, gates, recencies, Wa, q, Wo, P. */
    float[][] arrays() {
        return new float[][] {songs, actions, gates, recencies, wa, query, wo, projection};
    }

    static NowModel of(int dim, int window, float[][] a) {
        float[] projection = a.length > 7 ? a[7] : new float[0];
        if (dim < 1 || window < 1 || a[0].length % dim != 0 || a[1].length != NowSteps.OUTCOMES * dim || a[2].length != NowSteps.OUTCOMES
                || a[3].length != NowSteps.RECENCIES * dim || a[4].length != dim * dim || a[5].length != dim || a[6].length != dim * dim
                || projection.length != 0 && projection.length != dim * dim) {
            throw new IllegalArgumentException("short-term model arrays do not fit " + dim + " dimensions");
        }
        return new NowModel(dim, window, a[0], a[1], a[2], a[3], a[4], a[5], a[6], projection);
    }

    /**
     * A song's short-term vector from its long-term one, as training gives a song nobody played (the long-term vector
     * through P, no own embedding); null when the model was stored without P.
     */
    public float[] fromLongTerm(float[] longTerm) {
        return projection.length == 0 ? null : times(longTerm, projection);
    }

    /** The same model with more songs after its own (their short-term vectors, songs × dim, in order). */
    public NowModel withSongs(float[] more) {
        float[] all = Arrays.copyOf(songs, songs.length + more.length);
        System.arraycopy(more, 0, all, songs.length, more.length);
        return new NowModel(dim, window, all, actions, gates, recencies, wa, query, wo, projection);
    }

    public int dim() {
        return dim;
    }

    public int window() {
        return window;
    }

    public int songs() {
        return songs.length / dim;
    }

    /** The song's vector in the short-term space (a copy). */
    public float[] songVector(int song) {
        return Arrays.copyOfRange(songs, song * dim, (song + 1) * dim);
    }

    /** The listener's interest now and how much each play counted (the plays the model knows, oldest first). */
    public record Now(float[] vector, List<NowSteps.Step> steps, float[] attention) {}

    /**
     * The interest from the latest plays as seen at {@code now}; null when the model knows none of their songs.
     *
     * @param songIndex the model's index of a song id, −1 when it has none
     */
    public Now now(List<NowSteps.Step> steps, long now, ToIntFunction<String> songIndex) {
        List<NowSteps.Step> known = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int j = steps.size() - 1; j >= 0 && known.size() < window; j--) {
            int s = songIndex.applyAsInt(steps.get(j).song());
            if (s >= 0) {
                known.add(0, steps.get(j));
                index.add(0, s);
            }
        }
        if (known.isEmpty()) {
            return null;
        }
        int n = known.size();
        float[][] x = new float[n][];
        double[] logits = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            x[j] = play(index.get(j), known.get(j).outcome(), NowSteps.recency(now - known.get(j).ts()));
            float[] k = times(x[j], wa);
            double l = 0;
            for (int c = 0; c < dim; c++) {
                l += query[c] * Math.tanh(k[c]);
            }
            logits[j] = l;
            max = Math.max(max, l);
        }
        double sum = 0;
        float[] attention = new float[n];
        for (int j = 0; j < n; j++) {
            attention[j] = (float) Math.exp(logits[j] - max);
            sum += attention[j];
        }
        float[] pooled = new float[dim];
        for (int j = 0; j < n; j++) {
            attention[j] /= (float) sum;
            for (int c = 0; c < dim; c++) {
                pooled[c] += attention[j] * x[j][c];
            }
        }
        return new Now(times(pooled, wo), List.copyOf(known), attention);
    }

    /** One play's vector: gated song vector plus its action's and its recency's embeddings. */
    private float[] play(int song, int outcome, int recency) {
        float[] x = new float[dim];
        for (int c = 0; c < dim; c++) {
            x[c] = gates[outcome] * songs[song * dim + c] + actions[outcome * dim + c] + recencies[recency * dim + c];
        }
        return x;
    }

    /** Writes each song's score, its dot product with the interest, into {@code out}. */
    public void score(float[] interest, float[] out) {
        for (int s = 0; s < songs(); s++) {
            out[s] = VectorMath.dot(interest, 0, songs, s * dim, dim);
        }
    }

    private float[] times(float[] x, float[] m) {
        return VectorMath.times(x, m, dim);
    }
}
