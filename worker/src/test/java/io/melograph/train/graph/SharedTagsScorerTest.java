package io.melograph.train.graph;

import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedTagsScorerTest {
    static final int ROCK = 7;
    static final int SHOEGAZE = 8;

    /**
     * Items 0-6. Item 0 is "rock" and "shoegaze"; items 1-4 are plain "rock" (common), item 5 plain "shoegaze" (rare),
     * item 6 has no tags. User 0 has item 0 only; user 1 has items 1 and 2.
     */
    static KnowledgeTriples tags() {
        GraphFixtures g = new GraphFixtures(9);
        for (int i = 0; i <= 4; i++) {
            g.add(i, "tagged", ROCK);
        }
        g.add(0, "tagged", SHOEGAZE).add(5, "tagged", SHOEGAZE);
        return g.build();
    }

    static InteractionMatrix plays() {
        return new InteractionMatrix.Builder(2, 7).add(0, 0, 10).add(1, 1, 1).add(1, 2, 1).build();
    }

    private static float[] score(Map<String, Object> params, int user) {
        SharedTagsScorer s = new SharedTagsScorer();
        s.configure(params);
        s.fit(plays(), tags(), 1);
        float[] out = new float[7];
        s.scoreItems(user, out);
        return out;
    }

    @Test
    void aRareSharedTagOutweighsACommonOne() {
        float[] out = score(Map.of("alpha", 1.0), 0);
        assertTrue(out[5] > out[1], "shoegaze (2 of 6 tagged items) says more than rock (5 of 6)");
        assertEquals(out[1], out[4], 1e-6f, "items with the same tags score the same");
        assertEquals(0f, out[6], "an untagged item is unreachable");
    }

    @Test
    void withoutRarityBothTagsCountAlike() {
        float[] out = score(Map.of("alpha", 0.0), 0);
        assertEquals(out[5], out[1], 1e-6f);
    }

    @Test
    void theTruncatedProfileKeepsOnlyTheStrongestTags() {
        float[] out = score(Map.of("alpha", 1.0, "profile", 1), 0);
        assertTrue(out[5] > 0);
        assertEquals(0f, out[1], "rock was cut from user 0's one-tag profile");
    }

    @Test
    void scoresAreACosineSoTheyDoNotGrowWithHistory() {
        // user 1's profile is all rock: an item tagged exactly rock scores the full cosine 1
        float[] out = score(Map.of("alpha", 1.0), 1);
        assertEquals(1f, out[3], 1e-6f);
        assertEquals(0f, out[5], "nothing of user 1's leads to shoegaze");
    }
}
