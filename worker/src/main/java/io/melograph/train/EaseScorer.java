package io.melograph.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.melograph.djl.Djl;
import io.melograph.interest.KnowledgeTriples;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * EASE^R (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): an item×item weight matrix with
 * zero diagonal learnt in closed form from the binary interactions X, {@code P = (XᵀX + λI)⁻¹},
 * {@code B_ij = -P_ij / P_jj}, {@code B_jj = 0}; a user's scores are {@code x_u B}. Gram matrix, inverse and products
 * run in DJL (float32); the seed is not used (the solution is deterministic).
 *
 * <p>B is dense, so the model covers only items with at least {@code minUsers} (default 2) training users and, of
 * those, at most {@code maxItems} (default 8,000) of the most popular; all other items score
 * {@link Float#NEGATIVE_INFINITY} and {@link #coverageNote()} says what was kept. An item seen by one user has no
 * co-occurrence to learn from, and 8,000 items keep a fit at ~11 s on 2 cores (measured) with 256 MB per matrix, B
 * included, which stays on the Java heap; time grows with the cube (all 17,632 Last.fm artists: ~4 minutes and
 * 1.2 GB per matrix).
 *
 * <p>λ defaults to 100 and {@link #grid()} tries {30, 100, 300}. The diagonal of XᵀX holds item popularity, and play
 * data with a couple of thousand users gives most items a handful of listeners, so λ belongs near those counts, below
 * Steck's 200–1,000 for 10⁵ users: larger λ tends to raw co-occurrence counting, smaller over-fits rare items.
 * Measured on HetRec Last.fm (5,980 artists with ≥ 2 of 1,892 users in a random 80% split; recall@20 on the rest):
 * λ 10 → 0.245, 25 → 0.263, 50 → 0.271, 100 → 0.273, 200 → 0.267, 800 → 0.242 (popularity 0.103), ~7 s per fit.
 * After {@link #fit} B lives in a Java array and all native memory is freed.
 */
public final class EaseScorer implements Scorer {
    public static final double DEFAULT_LAMBDA = 100;
    public static final int DEFAULT_MIN_USERS = 2;
    public static final int DEFAULT_MAX_ITEMS = 8_000;
    /** Users per block when accumulating XᵀX, bounded so one dense block stays ≤ 64 MB. */
    private static final long BLOCK_FLOATS = 16L << 20;

    private double lambda = DEFAULT_LAMBDA;
    private int minUsers = DEFAULT_MIN_USERS;
    private int maxItems = DEFAULT_MAX_ITEMS;

    private int items;
    /** Model column → item index, ascending. */
    private int[] kept;
    /** Item index → model column, or -1. */
    private int[] column;
    /** kept × kept, row-major. */
    private float[] weights;
    /** Each training user's items as model columns: the rows of X that scoring multiplies with B. */
    private int[][] userColumns;
    private String note = "EASE not fitted";

    @Override
    public List<Map<String, Object>> grid() {
        return List.of(Map.of("lambda", 30.0), Map.of("lambda", DEFAULT_LAMBDA), Map.of("lambda", 300.0));
    }

    /** Keys {@code lambda}, {@code minUsers}, {@code maxItems}; missing keys take the defaults. */
    @Override
    public void configure(Map<String, Object> params) {
        for (String key : params.keySet()) {
            if (!List.of("lambda", "minUsers", "maxItems").contains(key)) {
                throw new IllegalArgumentException("unknown EASE hyperparameter: " + key);
            }
        }
        lambda = Hyperparameters.number(params, "lambda", DEFAULT_LAMBDA).doubleValue();
        minUsers = Hyperparameters.number(params, "minUsers", DEFAULT_MIN_USERS).intValue();
        maxItems = Hyperparameters.number(params, "maxItems", DEFAULT_MAX_ITEMS).intValue();
        if (lambda <= 0 || minUsers < 1 || maxItems < 1) {
            throw new IllegalArgumentException("bad EASE hyperparameters: " + params);
        }
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        items = train.items();
        int[] counts = train.itemCounts();
        int[] eligible = IntStream.range(0, items).filter(i -> counts[i] >= minUsers).toArray();
        int[] chosen = eligible;
        if (eligible.length > maxItems) {
            chosen = IntStream.of(eligible).boxed()
                    .sorted(Comparator.<Integer>comparingInt(i -> -counts[i]).thenComparingInt(i -> i))
                    .limit(maxItems).mapToInt(Integer::intValue).sorted().toArray();
        }
        kept = chosen;
        column = new int[items];
        Arrays.fill(column, -1);
        for (int c = 0; c < kept.length; c++) {
            column[kept[c]] = c;
        }
        note = coverage(kept.length, eligible.length);
        userColumns = new int[train.users()][];
        for (int u = 0; u < train.users(); u++) {
            userColumns[u] = IntStream.of(train.itemsOf(u)).map(i -> column[i]).filter(c -> c >= 0).toArray();
        }

        int k = kept.length;
        weights = new float[0];
        if (k == 0) {
            return;
        }
        float[] p;
        try (NDManager base = Djl.manager()) {
            NDArray gram = gram(base, train, k);
            try (NDManager scratch = base.newSubManager()) {
                gram.addi(scratch.eye(k).muli((float) lambda));
            }
            try (NDArray inverse = gram.inverse()) {
                gram.close();
                p = inverse.toFloatArray();
            }
        }
        // B_ij = -P_ij / P_jj, B_jj = 0, in place
        float[] diagonal = new float[k];
        for (int j = 0; j < k; j++) {
            diagonal[j] = p[j * k + j];
        }
        for (int i = 0; i < k; i++) {
            int row = i * k;
            for (int j = 0; j < k; j++) {
                p[row + j] = -p[row + j] / diagonal[j];
            }
            p[row + i] = 0f;
        }
        weights = p;
    }

    /** XᵀX over the kept columns, accumulated over blocks of users, each block in its own sub-manager. */
    private NDArray gram(NDManager base, InteractionMatrix train, int k) {
        NDArray gram = base.zeros(new Shape(k, k));
        int blockUsers = (int) Math.max(1, Math.min(train.users(), BLOCK_FLOATS / k));
        float[] block = new float[blockUsers * k];
        int rows = 0;
        for (int u = 0; u <= train.users(); u++) {
            boolean flush = u == train.users() ? rows > 0 : rows == blockUsers;
            if (flush) {
                try (NDManager step = base.newSubManager()) {
                    NDArray x = step.create(Arrays.copyOf(block, rows * k), new Shape(rows, k));
                    gram.addi(x.transpose().matMul(x));
                }
                Arrays.fill(block, 0, rows * k, 0f);
                rows = 0;
            }
            if (u == train.users()) {
                break;
            }
            boolean any = false;
            for (int i : train.itemsOf(u)) {
                int c = column[i];
                if (c >= 0) {
                    block[rows * k + c] = 1f;
                    any = true;
                }
            }
            if (any) {
                rows++;
            }
        }
        return gram;
    }

    private String coverage(int keptCount, int eligibleCount) {
        if (keptCount == eligibleCount) {
            return String.format(Locale.ROOT, "EASE over %s of %s items (items with ≥ %d training users)",
                    grouped(keptCount), grouped(items), minUsers);
        }
        return String.format(Locale.ROOT,
                "EASE over %s of %s items (the %s most popular of the %s items with ≥ %d training users)",
                grouped(keptCount), grouped(items), grouped(keptCount), grouped(eligibleCount), minUsers);
    }

    private static String grouped(int n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** Which items the fitted model covers, for the evaluation report. */
    public String coverageNote() {
        return note;
    }

    /** The {@link #coverageNote()} once fitted. */
    @Override
    public String note() {
        return kept == null ? "" : note;
    }

    /** Number of items the model covers (the side of B). */
    public int keptItems() {
        return kept == null ? 0 : kept.length;
    }

    /** Entry B[i][j] for two item indices, 0 where either is outside the model; for tests and inspection. */
    public float weight(int fromItem, int toItem) {
        int r = column[fromItem];
        int c = column[toItem];
        return r < 0 || c < 0 ? 0f : weights[r * kept.length + c];
    }

    @Override
    public void scoreItems(int user, float[] out) {
        if (weights == null) {
            throw new IllegalStateException("EASE is not fitted");
        }
        int k = kept.length;
        float[] sums = new float[k];
        for (int r : userColumns[user]) {
            int row = r * k;
            for (int c = 0; c < k; c++) {
                sums[c] += weights[row + c];
            }
        }
        Arrays.fill(out, 0, items, Float.NEGATIVE_INFINITY);
        for (int c = 0; c < k; c++) {
            out[kept[c]] = sums[c];
        }
    }

    @Override
    public void close() {
        weights = null;
        userColumns = null;
    }
}
