package io.melograph.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Implicit feedback as a sparse users × items matrix (compressed rows): for each user the items they interacted with,
 * ascending, and a weight for each (play count, or 1). Users and items are dense indices {@code 0..n-1}; the dataset
 * that built the matrix keeps the string ids. It also keeps each user's items in the order they were added (time order
 * when built from a dated dataset), repeats included, for the models that learn from sequences.
 */
public final class InteractionMatrix {
    private final int users;
    private final int items;
    private final int[][] itemsOf;
    private final float[][] weightsOf;
    private final int[] itemCounts;
    private final int[][] sequenceOf;

    private InteractionMatrix(int users, int items, int[][] itemsOf, float[][] weightsOf, int[][] sequenceOf) {
        this.users = users;
        this.items = items;
        this.itemsOf = itemsOf;
        this.weightsOf = weightsOf;
        this.sequenceOf = sequenceOf;
        this.itemCounts = new int[items];
        for (int[] row : itemsOf) {
            for (int i : row) {
                itemCounts[i]++;
            }
        }
    }

    /** Collects (user, item, weight) triples; a repeated pair adds up its weights. */
    public static final class Builder {
        private final int users;
        private final int items;
        private final List<List<long[]>> rows = new ArrayList<>();

        public Builder(int users, int items) {
            this.users = users;
            this.items = items;
            for (int u = 0; u < users; u++) {
                rows.add(new ArrayList<>());
            }
        }

        public Builder add(int user, int item, float weight) {
            if (item < 0 || item >= items) {
                throw new IllegalArgumentException("item index out of range: " + item);
            }
            rows.get(user).add(new long[] {item, Float.floatToIntBits(weight)});
            return this;
        }

        public InteractionMatrix build() {
            int[][] itemsOf = new int[users][];
            float[][] weightsOf = new float[users][];
            int[][] sequenceOf = new int[users][];
            for (int u = 0; u < users; u++) {
                List<long[]> row = rows.get(u);
                sequenceOf[u] = row.stream().mapToInt(e -> (int) e[0]).toArray();
                row.sort((a, b) -> Long.compare(a[0], b[0]));
                int[] is = new int[row.size()];
                float[] ws = new float[row.size()];
                int n = 0;
                for (long[] e : row) {
                    float w = Float.intBitsToFloat((int) e[1]);
                    if (n > 0 && is[n - 1] == (int) e[0]) {
                        ws[n - 1] += w;
                    } else {
                        is[n] = (int) e[0];
                        ws[n] = w;
                        n++;
                    }
                }
                itemsOf[u] = Arrays.copyOf(is, n);
                weightsOf[u] = Arrays.copyOf(ws, n);
            }
            return new InteractionMatrix(users, items, itemsOf, weightsOf, sequenceOf);
        }
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** The user's items, ascending. Do not modify. */
    public int[] itemsOf(int user) {
        return itemsOf[user];
    }

    /** Weights aligned with {@link #itemsOf}. Do not modify. */
    public float[] weightsOf(int user) {
        return weightsOf[user];
    }

    /** The user's items in the order they were added, repeats included. Do not modify. */
    public int[] sequenceOf(int user) {
        return sequenceOf[user];
    }

    public boolean contains(int user, int item) {
        return Arrays.binarySearch(itemsOf[user], item) >= 0;
    }

    /** How many users interacted with each item. Do not modify. */
    public int[] itemCounts() {
        return itemCounts;
    }

    public long nonZeros() {
        long n = 0;
        for (int[] row : itemsOf) {
            n += row.length;
        }
        return n;
    }
}
