package io.melograph.interest;

import io.melograph.vectors.VectorMath;

import java.util.Arrays;

/**
 * A trained listener-interest model in plain Java arrays, so recall can compute a listener's interests on the request
 * path without the training engine: song vectors (the song tower's output, graph included), and the listener tower
 * that turns the latest {@code window} songs heard into one vector (single) or K interest capsules (MIND).
 *
 * <p>Single (YouTube-DNN style): the mean of the history's song vectors through a two-layer residual head
 * {@code x + relu(x·W1 + b1)·W2} (models of files before format 4: without the {@code x}; the residual keeps the
 * history's own direction, which the bottleneck alone lost: docs/eval/interests.md). Since format 5 its song vectors
 * and interest have length 1 (its trainer's sampled softmax runs over cosines divided by a temperature).
 *
 * <p>MIND (Li et al. 2019): behaviour-to-interest dynamic routing — each song vector mapped by a shared bilinear matrix
 * S, routing logits started from fixed Gaussian values per (interest, position) so capsules differ without a random
 * draw at serving time, three iterations of softmax over interests / weighted sum / squash / agreement update,
 * K = max(1, min(K_max, ⌊log2 n⌋)) interests for n songs in the window. Since format 5 each capsule adds the
 * routing-weighted mean of its songs' own vectors (the capsule alone lives in the bilinear map's space and lost the
 * songs' direction, as the single model's head did before its residual); then each goes through the same head.
 *
 * <p>A song's score is its best dot product with any interest. {@link Form} says which of these a stored model has. The
 * trainer ({@code train.interest.InterestTrainer}) computes exactly this in DJL while learning.
 */
public final class InterestModel {
    /** Keeps the squash defined at a zero capsule; the trainer uses the same. */
    public static final double SQUASH_EPSILON = 1e-9;
    public static final int ROUTING_ITERATIONS = 3;

    public enum Kind { SINGLE, MIND }

    /**
     * How the listener tower is built, which changed as models improved; a stored model keeps the form it was trained
     * in. {@code residual}: the head adds its input (since file format 4). {@code normalised}: song vectors and
     * interests have length 1, so a song scores its cosine (format 5). {@code routedMean}: each MIND capsule adds the
     * mean of its history songs' own vectors weighted by the routing, before the head (format 5).
     */
    public record Form(boolean residual, boolean normalised, boolean routedMean) {
        /** In words, for model cards: "residual head, cosine over unit vectors". */
        public String describe() {
            return (residual ? "residual head" : "plain head") + (normalised ? ", cosine over unit vectors" : "")
                    + (routedMean ? ", capsules plus their songs' mean" : "");
        }
    }

    private final Kind kind;
    private final int dim;
    private final int window;
    private final int maxInterests;
    private final float[] songs;      // songs × dim
    private final float[] bilinear;   // dim × dim (MIND)
    private final float[] routing;    // maxInterests × window (MIND)
    private final float[] w1;         // dim × dim
    private final float[] b1;         // dim
    private final float[] w2;         // dim × dim
    private final Form form;

    public InterestModel(Kind kind, int dim, int window, int maxInterests, float[] songs, float[] bilinear, float[] routing,
                  float[] w1, float[] b1, float[] w2, Form form) {
        this.kind = kind;
        this.dim = dim;
        this.window = window;
        this.maxInterests = maxInterests;
        this.songs = songs;
        this.bilinear = bilinear;
        this.routing = routing;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.form = form;
    }

    public Kind kind() {
        return kind;
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

    public Form form() {
        return form;
    }

    /** K_max, the most interests MIND computes (kept but unused by the single-vector model). */
    public int maxInterests() {
        return maxInterests;
    }

    /** How many arrays {@link #arrays()} gives and {@link #of} takes. */
    static final int ARRAYS = 6;

    /** The learned arrays in a fixed order (songs, bilinear, routing, W1, b1, W2), for {@link InterestModelFile}. */
    float[][] arrays() {
        return new float[][] {songs, bilinear, routing, w1, b1, w2};
    }

    /** The model from {@link #arrays()}; throws when their sizes do not fit the dimensions. */
    static InterestModel of(Kind kind, int dim, int window, int maxInterests, Form form, float[][] arrays) {
        if (dim < 1 || window < 1 || maxInterests < 1) {
            throw new IllegalArgumentException("dimensions, window and interests must be positive: " + dim + ", " + window
                    + ", " + maxInterests);
        }
        int[] expected = {-1, dim * dim, maxInterests * window, dim * dim, dim, dim * dim};
        for (int a = 0; a < ARRAYS; a++) {
            boolean fits = a == 0 ? arrays[a].length % dim == 0 : arrays[a].length == expected[a];
            if (!fits) {
                throw new IllegalArgumentException("array " + a + " has " + arrays[a].length + " values, which does not fit "
                        + dim + " dimensions, window " + window + ", " + maxInterests + " interests");
            }
        }
        return new InterestModel(kind, dim, window, maxInterests, arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5],
                form);
    }

    /** Interests for a history of K songs heard: K = max(1, min(K_max, ⌊log2 n⌋)); 1 for the single-vector model. */
    public static int interestsFor(int historyLength, int maxInterests) {
        int log2 = historyLength < 1 ? 0 : 31 - Integer.numberOfLeadingZeros(historyLength);
        return Math.max(1, Math.min(maxInterests, log2));
    }

    /** The same model with more songs after its own (their vectors, songs × dim, in order). */
    public InterestModel withSongs(float[] more) {
        if (more.length % dim != 0) {
            throw new IllegalArgumentException(more.length + " values are not whole vectors of " + dim);
        }
        float[] added = more;
        if (form.normalised()) { // as the trainer's song vectors are
            added = more.clone();
            VectorMath.normaliseRows(added, dim);
        }
        float[] all = Arrays.copyOf(songs, songs.length + added.length);
        System.arraycopy(added, 0, all, songs.length, added.length);
        return new InterestModel(kind, dim, window, maxInterests, all, bilinear, routing, w1, b1, w2, form);
    }

    /** The song's vector (a copy). */
    public float[] songVector(int song) {
        return Arrays.copyOfRange(songs, song * dim, (song + 1) * dim);
    }

    /**
     * The listener's interests from the songs heard, oldest first (only the latest {@link #window()} count); no
     * interest when the history is empty.
     */
    public float[][] interests(int[] history) {
        int n = Math.min(window, history.length);
        if (n == 0) {
            return new float[0][];
        }
        float[][] e = new float[n][];
        for (int j = 0; j < n; j++) {
            e[j] = songVector(history[history.length - n + j]);
        }
        if (kind == Kind.SINGLE) {
            float[] mean = new float[dim];
            for (float[] v : e) {
                for (int c = 0; c < dim; c++) {
                    mean[c] += v[c] / n;
                }
            }
            return new float[][] {head(mean)};
        }
        int k = interestsFor(n, maxInterests);
        float[][] mapped = new float[n][];
        for (int j = 0; j < n; j++) {
            mapped[j] = VectorMath.times(e[j], bilinear, dim);
        }
        // positions are right-aligned in the window: the latest song is always position window-1
        float[][] logits = new float[k][n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                logits[i][j] = routing[i * window + (window - n + j)];
            }
        }
        float[][] capsules = new float[k][];
        for (int iteration = 0; iteration < ROUTING_ITERATIONS; iteration++) {
            float[][] z = new float[k][dim];
            boolean addMean = form.routedMean() && iteration == ROUTING_ITERATIONS - 1;
            float[][] mean = new float[k][dim]; // the songs' own vectors, weighted alike
            float[] mass = new float[k];
            for (int j = 0; j < n; j++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    max = Math.max(max, logits[i][j]);
                }
                double sum = 0;
                double[] w = new double[k];
                for (int i = 0; i < k; i++) {
                    w[i] = Math.exp(logits[i][j] - max);
                    sum += w[i];
                }
                for (int i = 0; i < k; i++) {
                    float weight = (float) (w[i] / sum);
                    mass[i] += weight;
                    for (int c = 0; c < dim; c++) {
                        z[i][c] += weight * mapped[j][c];
                    }
                    if (addMean) {
                        for (int c = 0; c < dim; c++) {
                            mean[i][c] += weight * e[j][c];
                        }
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                capsules[i] = squash(z[i]);
                if (addMean) {
                    for (int c = 0; c < dim; c++) {
                        capsules[i][c] += mean[i][c] / Math.max(1f, mass[i]);
                    }
                }
            }
            if (iteration < ROUTING_ITERATIONS - 1) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < n; j++) {
                        logits[i][j] += VectorMath.dot(capsules[i], 0, mapped[j], 0, dim);
                    }
                }
            }
        }
        float[][] out = new float[k][];
        for (int i = 0; i < k; i++) {
            out[i] = head(capsules[i]);
        }
        return out;
    }

    /** Writes each song's score, its best dot product with any of the interests, into {@code out}. */
    public void score(float[][] interests, float[] out) {
        int count = songs();
        Arrays.fill(out, 0, count, interests.length == 0 ? 0f : Float.NEGATIVE_INFINITY);
        for (float[] interest : interests) {
            for (int s = 0; s < count; s++) {
                out[s] = Math.max(out[s], VectorMath.dot(interest, 0, songs, s * dim, dim));
            }
        }
    }

    /** Which of the interests a song is closest to (index), for saying why it was recommended. */
    public int closestInterest(float[][] interests, int song) {
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < interests.length; i++) {
            float s = VectorMath.dot(interests[i], 0, songs, song * dim, dim);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private float[] head(float[] x) {
        float[] h = VectorMath.times(x, w1, dim);
        for (int c = 0; c < dim; c++) {
            h[c] = Math.max(0f, h[c] + b1[c]);
        }
        float[] out = VectorMath.times(h, w2, dim);
        if (form.residual()) {
            for (int c = 0; c < dim; c++) {
                out[c] += x[c];
            }
        }
        return form.normalised() ? VectorMath.normalised(out) : out;
    }

    /** MIND's squash: keeps the direction, maps the length to |z|²/(1+|z|²). */
    static float[] squash(float[] z) {
        double norm2 = 0;
        for (float v : z) {
            norm2 += v * v;
        }
        double scale = norm2 / (1 + norm2) / Math.sqrt(norm2 + SQUASH_EPSILON);
        float[] out = new float[z.length];
        for (int c = 0; c < z.length; c++) {
            out[c] = (float) (z[c] * scale);
        }
        return out;
    }
}
