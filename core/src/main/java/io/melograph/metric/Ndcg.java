package io.melograph.metric;

import java.util.Set;

/**
 * Normalised discounted cumulative gain at k for one user, binary relevance:
 * {@code DCG = sum_{p=1..k} rel_p / log2(p + 1)} with {@code rel_p} = 1 if the item at position p is relevant, else 0;
 * {@code IDCG = sum_{p=1..min(k, |relevant|)} 1 / log2(p + 1)} (all relevant items at the top);
 * {@code NDCG = DCG / IDCG}.
 * <p>
 * A list shorter than {@code k} contributes nothing for the missing positions, but IDCG still assumes
 * {@code min(k, |relevant|)} relevant items, so a short list is penalised.
 */
public final class Ndcg {
    private Ndcg() {}

    /**
     * @param ranked   recommendations, best first, no duplicates; may be shorter than {@code k}
     * @param relevant the user's held-out items
     * @param k        cutoff, at least 1
     * @return NDCG in [0, 1], or {@link Double#NaN} if {@code relevant} is empty
     * @throws IllegalArgumentException if {@code k < 1} or an item repeats within the top {@code k}
     */
    public static double at(int[] ranked, Set<Integer> relevant, int k) {
        return at(ranked, relevant, Set.of(), k);
    }

    /**
     * NDCG with penalties: an item of {@code penalised} (and not relevant) at position p adds {@code -1 / log2(p + 1)}
     * to DCG, so a list that puts them high scores below one that leaves them out (a skipped song, say); IDCG as
     * without penalties. The result is at most 1 and may be negative.
     *
     * @param penalised items the user turned away; an item also in {@code relevant} counts as relevant
     * @return as {@link #at(int[], Set, int)}
     */
    public static double at(int[] ranked, Set<Integer> relevant, Set<Integer> penalised, int k) {
        int n = Checks.cutoff(ranked, k);
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        double dcg = 0;
        for (int p = 1; p <= n; p++) {
            if (relevant.contains(ranked[p - 1])) {
                dcg += discount(p);
            } else if (penalised.contains(ranked[p - 1])) {
                dcg -= discount(p);
            }
        }
        double idcg = 0;
        int ideal = Math.min(k, relevant.size());
        for (int p = 1; p <= ideal; p++) {
            idcg += discount(p);
        }
        return dcg / idcg;
    }

    /** {@code 1 / log2(p + 1)}. */
    private static double discount(int p) {
        return Math.log(2) / Math.log(p + 1);
    }
}
