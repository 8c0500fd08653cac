package io.melograph.util;

import java.util.Arrays;

/**
 * The k best (item, score) pairs seen, kept in a binary min-heap; ties go to the lower item index so results do not
 * depend on the order items are offered in.
 */
public final class TopK {
    private final int[] items;
    private final float[] scores;
    private int size;

    public TopK(int k) {
        items = new int[k];
        scores = new float[k];
    }

    public void offer(int item, float score) {
        if (items.length == 0 || Float.isNaN(score)) {
            return;
        }
        if (size < items.length) {
            items[size] = item;
            scores[size] = score;
            up(size++);
        } else if (better(item, score, items[0], scores[0])) {
            items[0] = item;
            scores[0] = score;
            down(0);
        }
    }

    /** Best first. */
    public int[] items() {
        return sorted()[0];
    }

    /** Aligned with {@link #items()}. */
    public float[] scores() {
        int[] order = sorted()[1];
        float[] out = new float[size];
        for (int k = 0; k < size; k++) {
            out[k] = scores[order[k]];
        }
        return out;
    }

    /** The best {@code k} items of a full score array, skipping those {@code exclude} marks. */
    public static int[] of(float[] all, int k, java.util.function.IntPredicate exclude) {
        TopK top = new TopK(k);
        for (int i = 0; i < all.length; i++) {
            if (!exclude.test(i)) {
                top.offer(i, all[i]);
            }
        }
        return top.items();
    }

    private int[][] sorted() {
        Integer[] idx = new Integer[size];
        for (int k = 0; k < size; k++) {
            idx[k] = k;
        }
        Arrays.sort(idx, (a, b) -> better(items[a], scores[a], items[b], scores[b]) ? -1 : (a.equals(b) ? 0 : 1));
        int[] outItems = new int[size];
        int[] positions = new int[size];
        for (int k = 0; k < size; k++) {
            outItems[k] = items[idx[k]];
            positions[k] = idx[k];
        }
        return new int[][] {outItems, positions};
    }

    private static boolean better(int itemA, float scoreA, int itemB, float scoreB) {
        return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
    }

    private void up(int k) {
        while (k > 0) {
            int parent = (k - 1) / 2;
            if (!better(items[parent], scores[parent], items[k], scores[k])) {
                break;
            }
            swap(k, parent);
            k = parent;
        }
    }

    private void down(int k) {
        while (true) {
            int l = 2 * k + 1;
            int r = l + 1;
            int worst = k;
            if (l < size && better(items[worst], scores[worst], items[l], scores[l])) {
                worst = l;
            }
            if (r < size && better(items[worst], scores[worst], items[r], scores[r])) {
                worst = r;
            }
            if (worst == k) {
                return;
            }
            swap(k, worst);
            k = worst;
        }
    }

    private void swap(int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
