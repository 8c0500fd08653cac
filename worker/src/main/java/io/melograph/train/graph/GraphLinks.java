package io.melograph.train.graph;

import io.melograph.interest.KnowledgeTriples;

import java.util.Arrays;

/**
 * The knowledge graph as adjacency lists for the hops the graph scorers walk: item → attribute (tag, genre, label ...)
 * and user → user (friend, follows). Lists are ascending without repeats, so scores do not depend on triple order.
 */
final class GraphLinks {
    private GraphLinks() {}

    /**
     * For each item, the entities that are neither items nor users and share a triple with it, in either direction
     * ({@code artist –tagged→ tag}, {@code tag –labels→ artist}). Item–item and item–user triples are not attributes.
     */
    static int[][] attributesOfItems(KnowledgeTriples g, int items) {
        Pairs pairs = new Pairs();
        for (int k = 0; k < g.size(); k++) {
            int h = g.heads()[k];
            int t = g.tails()[k];
            if (h < items && t >= items && g.userOf(t) < 0) {
                pairs.add(h, t);
            } else if (t < items && h >= items && g.userOf(h) < 0) {
                pairs.add(t, h);
            }
        }
        return pairs.rows(items);
    }

    /**
     * For each user, the users their triples point to ({@code u –friend→ f}: f's taste counts for u). HetRec lists each
     * friendship in both directions; a follows relation counts only for the follower.
     */
    static int[][] usersLinkedFrom(KnowledgeTriples g, int users) {
        Pairs pairs = new Pairs();
        for (int k = 0; k < g.size(); k++) {
            int u = g.userOf(g.heads()[k]);
            int f = g.userOf(g.tails()[k]);
            if (u >= 0 && f >= 0 && u != f && u < users && f < users) {
                pairs.add(u, f);
            }
        }
        return pairs.rows(users);
    }

    /** For each target {@code 0..targets-1}, the rows that hold it, ascending. */
    static int[][] transpose(int[][] rows, int targets) {
        Pairs pairs = new Pairs();
        for (int r = 0; r < rows.length; r++) {
            for (int t : rows[r]) {
                pairs.add(t, r);
            }
        }
        return pairs.rows(targets);
    }

    /** (row, column) pairs packed in longs; sorting them orders rows, then columns. */
    private static final class Pairs {
        private long[] packed = new long[1024];
        private int size;

        void add(int row, int column) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = ((long) row << 32) | column;
        }

        int[][] rows(int n) {
            long[] sorted = Arrays.copyOf(packed, size);
            Arrays.sort(sorted);
            int[] counts = new int[n];
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    counts[(int) (sorted[k] >>> 32)]++;
                }
            }
            int[][] out = new int[n][];
            for (int r = 0; r < n; r++) {
                out[r] = new int[counts[r]];
            }
            int[] fill = new int[n];
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    int r = (int) (sorted[k] >>> 32);
                    out[r][fill[r]++] = (int) sorted[k];
                }
            }
            return out;
        }
    }
}
