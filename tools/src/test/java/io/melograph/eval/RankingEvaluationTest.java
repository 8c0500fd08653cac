package io.melograph.eval;

import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.train.Scorer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cold targets (fewer than five training users) get their own hit rate, over the users who have one. */
class RankingEvaluationTest {
    /** Scores item i as i: the highest index ranks first. */
    private static final Scorer BY_INDEX = new Scorer() {
        @Override
        public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        }

        @Override
        public void scoreItems(int user, float[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = i;
            }
        }
    };

    @Test
    void coldHitRateCountsOnlyColdTargets() {
        int items = 120;
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(8, items);
        for (int u = 0; u < 8; u++) {
            b.add(u, 0, 1f);   // item 0 is warm (8 users); every other item is cold
        }
        InteractionMatrix train = b.build();
        int[][] targets = {
                {119},       // cold, ranked first: a cold hit
                {10},        // cold, ranked 110th: a miss
                {0},         // warm only: not a cold user
                null, null, null, null, null};
        Map<String, Double> m = RankingEvaluation.run(BY_INDEX, train, targets, false).metrics(items, new boolean[items]);
        assertEquals(0.5, m.get("cold hitrate@50"), 1e-9);
        assertEquals(2.0, m.get("cold users"));
        assertEquals(1.0 / 3, m.get("hitrate@50"), 1e-9);
    }
}
