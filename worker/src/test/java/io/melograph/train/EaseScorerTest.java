package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EASE against a hand-solved example, on a planted two-block structure, and its item coverage rules. */
class EaseScorerTest {
    /** Comparable to the planted items' user counts (~30); much smaller over-fits 200 users' random picks. */
    static final double LAMBDA = 300;

    static InteractionMatrix train;
    static EaseScorer ease;

    @BeforeAll
    static void fitOnce() {
        train = PlantedBlocks.matrix();
        ease = new EaseScorer();
        ease.configure(Map.of("lambda", LAMBDA));
        ease.fit(train, KnowledgeTriples.empty(train.items()), 1);
    }

    static float[] scores(EaseScorer model, int user) {
        float[] out = new float[train.items()];
        model.scoreItems(user, out);
        return out;
    }

    /**
     * Users {0,1}, {1,2}, {0,1,2}, {0}: XᵀX + I = [[4,2,1],[2,4,2],[1,2,3]], its inverse is
     * [[8,-4,0],[-4,11,-6],[0,-6,12]] / 24, so B = [[0, 4/11, 0], [1/2, 0, 1/2], [0, 6/11, 0]].
     */
    @Test
    void matchesAHandSolvedThreeItemExample() {
        InteractionMatrix small = new InteractionMatrix.Builder(4, 3)
                .add(0, 0, 1).add(0, 1, 1)
                .add(1, 1, 1).add(1, 2, 7) // weights are ignored: X is binary
                .add(2, 0, 1).add(2, 1, 1).add(2, 2, 1)
                .add(3, 0, 2)
                .build();
        EaseScorer model = new EaseScorer();
        model.configure(Map.of("lambda", 1.0));
        model.fit(small, KnowledgeTriples.empty(3), 0);
        float[][] expected = {{0, 4f / 11, 0}, {0.5f, 0, 0.5f}, {0, 6f / 11, 0}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], model.weight(i, j), 1e-5, "B[" + i + "][" + j + "]");
            }
        }
        float[] out = new float[3];
        model.scoreItems(0, out); // x = (1, 1, 0): rows 0 + 1 of B
        assertArrayEquals(new float[] {0.5f, 4f / 11, 0.5f}, out, 1e-5f);
        model.scoreItems(3, out); // x = (1, 0, 0)
        assertArrayEquals(new float[] {0, 4f / 11, 0}, out, 1e-5f);
        assertEquals("EASE over 3 of 3 items (items with ≥ 2 training users)", model.coverageNote());
    }

    @Test
    void ranksUnseenItemsOfTheUsersOwnBlockAboveTheOtherBlock() {
        for (int u = 0; u < train.users(); u++) {
            float margin = PlantedBlocks.margin(train, u, scores(ease, u));
            assertTrue(margin > 0, "user " + u + ": own block not above the other, margin " + margin);
        }
    }

    @Test
    void diagonalIsZero() {
        for (int i = 0; i < 2 * PlantedBlocks.BLOCK; i++) {
            assertEquals(0f, ease.weight(i, i), "B[" + i + "][" + i + "]");
        }
        assertTrue(ease.weight(0, 1) != 0f, "off-diagonal weights were learnt");
    }

    @Test
    void itemsBelowMinUsersScoreMinusInfinityAndTheNoteSaysSo() {
        assertEquals(120, ease.keptItems());
        assertEquals("EASE over 120 of 122 items (items with ≥ 2 training users)", ease.coverageNote());
        assertEquals(ease.coverageNote(), ease.note());
        assertEquals("", new EaseScorer().note());
        for (int u = 0; u < train.users(); u++) {
            float[] s = scores(ease, u);
            assertEquals(Float.NEGATIVE_INFINITY, s[PlantedBlocks.SINGLE_USER_ITEM]);
            assertEquals(Float.NEGATIVE_INFINITY, s[PlantedBlocks.UNUSED_ITEM]);
            for (int i = 0; i < 2 * PlantedBlocks.BLOCK; i++) {
                assertTrue(Float.isFinite(s[i]));
            }
        }
        EaseScorer everyItem = new EaseScorer();
        everyItem.configure(Map.of("lambda", LAMBDA, "minUsers", 1));
        everyItem.fit(train, KnowledgeTriples.empty(train.items()), 1);
        assertEquals("EASE over 121 of 122 items (items with ≥ 1 training users)", everyItem.coverageNote());
        assertTrue(Float.isFinite(scores(everyItem, 1)[PlantedBlocks.SINGLE_USER_ITEM]));
    }

    @Test
    void maxItemsKeepsTheMostPopular() {
        EaseScorer capped = new EaseScorer();
        capped.configure(Map.of("lambda", LAMBDA, "maxItems", 10));
        capped.fit(train, KnowledgeTriples.empty(train.items()), 1);
        assertEquals("EASE over 10 of 122 items (the 10 most popular of the 120 items with ≥ 2 training users)",
                capped.coverageNote());
        int[] counts = train.itemCounts();
        float[] s = scores(capped, 0);
        int minKept = Integer.MAX_VALUE;
        int maxDropped = 0;
        for (int i = 0; i < train.items(); i++) {
            if (Float.isFinite(s[i])) {
                minKept = Math.min(minKept, counts[i]);
            } else {
                maxDropped = Math.max(maxDropped, counts[i]);
            }
        }
        assertEquals(10, capped.keptItems());
        assertTrue(minKept >= maxDropped, "kept an item less popular than a dropped one");
    }

    @Test
    void refittingGivesIdenticalScores() {
        EaseScorer again = new EaseScorer();
        again.configure(Map.of("lambda", LAMBDA));
        again.fit(train, KnowledgeTriples.empty(train.items()), 99);
        for (int u = 0; u < train.users(); u++) {
            assertTrue(Arrays.equals(scores(ease, u), scores(again, u)), "user " + u);
        }
    }

    @Test
    void gridIsTheLambdasAndConfigureRejectsUnknownKeys() {
        EaseScorer model = new EaseScorer();
        List<Map<String, Object>> grid = model.grid();
        assertEquals(3, grid.size());
        grid.forEach(model::configure);
        assertThrows(IllegalArgumentException.class, () -> model.configure(Map.of("l2", 1.0)));
    }
}
