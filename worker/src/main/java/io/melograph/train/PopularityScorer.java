package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;

/** The most popular items first: score = number of training users of the item. The baseline every model must beat. */
public final class PopularityScorer implements Scorer {
    private float[] scores;

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        int[] counts = train.itemCounts();
        scores = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            scores[i] = counts[i];
        }
    }

    @Override
    public void scoreItems(int user, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }
}
