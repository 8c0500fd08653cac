package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import io.melograph.util.TopK;
import java.util.List;
import java.util.Map;

/**
 * Item-based k-nearest neighbours on co-occurrence: sim(i, j) = |U_i ∩ U_j| / (sqrt(|U_i| |U_j|) + shrink), the cosine
 * of binary item columns with shrinkage towards 0 for items with few users. Each item keeps its k most similar items;
 * a user's score for j sums sim(i, j) over the items i they have (Sarwar et al. 2001, Deshpande and Karypis 2004).
 */
public final class ItemKnnScorer implements Scorer {
    private int neighbours = 200;
    private double shrink = 10;
    private InteractionMatrix train;
    private int[][] neighbourOf;
    private float[][] similarityOf;

    @Override
    public List<Map<String, Object>> grid() {
        return List.of(
                Map.of("k", 50, "shrink", 0.0), Map.of("k", 50, "shrink", 10.0),
                Map.of("k", 200, "shrink", 0.0), Map.of("k", 200, "shrink", 10.0),
                Map.of("k", 1000, "shrink", 10.0));
    }

    @Override
    public void configure(Map<String, Object> params) {
        neighbours = Hyperparameters.number(params, "k", 200).intValue();
        shrink = Hyperparameters.number(params, "shrink", 10.0).doubleValue();
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        this.train = train;
        int items = train.items();
        int[] counts = train.itemCounts();
        // inverted index: the users of each item
        int[][] usersOf = new int[items][];
        int[] fill = new int[items];
        for (int i = 0; i < items; i++) {
            usersOf[i] = new int[counts[i]];
        }
        for (int u = 0; u < train.users(); u++) {
            for (int i : train.itemsOf(u)) {
                usersOf[i][fill[i]++] = u;
            }
        }
        neighbourOf = new int[items][];
        similarityOf = new float[items][];
        int[] together = new int[items];
        int[] touched = new int[items];
        for (int i = 0; i < items; i++) {
            int n = 0;
            for (int u : usersOf[i]) {
                for (int j : train.itemsOf(u)) {
                    if (j != i && together[j]++ == 0) {
                        touched[n++] = j;
                    }
                }
            }
            TopK top = new TopK(Math.min(neighbours, Math.max(n, 1)));
            for (int t = 0; t < n; t++) {
                int j = touched[t];
                double sim = together[j] / (Math.sqrt((double) counts[i] * counts[j]) + shrink);
                top.offer(j, (float) sim);
                together[j] = 0;
            }
            neighbourOf[i] = top.items();
            similarityOf[i] = top.scores();
        }
    }

    @Override
    public void scoreItems(int user, float[] out) {
        java.util.Arrays.fill(out, 0f);
        for (int i : train.itemsOf(user)) {
            int[] nbr = neighbourOf[i];
            float[] sim = similarityOf[i];
            for (int k = 0; k < nbr.length; k++) {
                out[nbr[k]] += sim[k];
            }
        }
    }
}
