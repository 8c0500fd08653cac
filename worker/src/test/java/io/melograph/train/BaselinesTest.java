package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import io.melograph.util.TopK;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {

    /** Users 0-3 like items 0-2, users 4-7 like items 3-5; user 0 has not heard item 2, user 4 not item 5. */
    static InteractionMatrix twoTastes() {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(8, 7);
        for (int u = 0; u < 4; u++) {
            for (int i = 0; i < 3; i++) {
                if (!(u == 0 && i == 2)) {
                    b.add(u, i, 1);
                }
            }
        }
        for (int u = 4; u < 8; u++) {
            for (int i = 3; i < 6; i++) {
                if (!(u == 4 && i == 5)) {
                    b.add(u, i, 1);
                }
            }
        }
        b.add(1, 6, 1);
        return b.build();
    }

    @Test
    void popularityCountsUsers() {
        PopularityScorer p = new PopularityScorer();
        p.fit(twoTastes(), KnowledgeTriples.empty(7), 1);
        float[] out = new float[7];
        p.scoreItems(0, out);
        assertArrayEquals(new float[] {4, 4, 3, 4, 4, 3, 1}, out);
    }

    @Test
    void itemKnnRecommendsWithinTheTaste() {
        ItemKnnScorer knn = new ItemKnnScorer();
        knn.configure(Map.of("k", 10, "shrink", 0.0));
        knn.fit(twoTastes(), KnowledgeTriples.empty(7), 1);
        float[] out = new float[7];
        knn.scoreItems(0, out);
        assertTrue(out[2] > out[5], "user 0 gets their own block's unheard item first");
        assertEquals(0f, out[5], "nothing links user 0's items to the other block");
        // sim(0, 2) = |{1,2,3}| / sqrt(4 * 3) = 3 / sqrt(12); sim(1, 2) the same; user 0 has items 0 and 1
        assertEquals(2 * 3 / Math.sqrt(12), out[2], 1e-6);
    }

    @Test
    void topKBreaksTiesByLowerIndex() {
        int[] top = TopK.of(new float[] {1, 3, 3, 2, 5}, 3, i -> i == 4);
        assertArrayEquals(new int[] {1, 2, 3}, top);
        TopK k = new TopK(2);
        k.offer(7, 1f);
        k.offer(3, 1f);
        k.offer(9, 0.5f);
        assertArrayEquals(new int[] {3, 7}, k.items());
    }
}
