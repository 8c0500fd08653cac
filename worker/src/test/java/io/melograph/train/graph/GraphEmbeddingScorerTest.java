package io.melograph.train.graph;

import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kg-embedding scorer end to end: a scratch Neo4j with GDS per fit (two fits, ~10 s each). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphEmbeddingScorerTest {
    /** Two scenes of 10 users and 10 items each that share nothing; item 20 has neither listener nor tag. */
    static final int SCENE = 10;
    static final int LONELY_ITEM = 2 * SCENE;
    static final int ITEMS = 2 * SCENE + 1;
    static final int TAG_A = ITEMS;
    static final int TAG_B = ITEMS + 1;
    static final int FIRST_USER_ENTITY = ITEMS + 2;

    /** Built once: the scorer keeps the vectors of the last (matrix, graph, seed), so tests share one fit. */
    private static final KnowledgeTriples GRAPH = graph();
    private static InteractionMatrix train;
    private static float[] artists;

    /**
     * User u of scene s plays four of the scene's items (u, u+1, u+3, u+6 modulo 10), with play counts 1-40; user 0
     * plays items 0, 1, 3 and 6 of scene A, so items 2, 4, 5, 7, 8 and 9 are connected to them (co-listeners, tag)
     * and scene B's items are not connected at all.
     */
    static InteractionMatrix plays() {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(2 * SCENE, ITEMS);
        for (int u = 0; u < 2 * SCENE; u++) {
            int scene = u / SCENE * SCENE;
            int k = u % SCENE;
            for (int step : new int[] {0, 1, 3, 6}) {
                b.add(u, scene + (k + step) % SCENE, 1 + (u * 7 + step * 3) % 40);
            }
        }
        return b.build();
    }

    /** Scene A's items tagged A, scene B's tagged B; each user a friend of the next user of their scene. */
    static KnowledgeTriples graph() {
        int[] userEntities = new int[2 * SCENE];
        for (int u = 0; u < userEntities.length; u++) {
            userEntities[u] = FIRST_USER_ENTITY + u;
        }
        GraphFixtures g = new GraphFixtures(FIRST_USER_ENTITY + 2 * SCENE, userEntities);
        for (int i = 0; i < 2 * SCENE; i++) {
            g.add(i, "tagged", i < SCENE ? TAG_A : TAG_B);
        }
        for (int u = 0; u < 2 * SCENE; u++) {
            int next = u / SCENE * SCENE + (u + 1) % SCENE;
            g.add(FIRST_USER_ENTITY + u, "friend", FIRST_USER_ENTITY + next);
        }
        return g.build();
    }

    @BeforeAll
    static void fit() {
        train = plays();
        artists = score(train, Map.of("profile", "artists", "plays", "log"));
    }

    private static float[] score(InteractionMatrix matrix, Map<String, Object> params) {
        GraphEmbeddingScorer s = new GraphEmbeddingScorer();
        s.configure(params);
        s.fit(matrix, GRAPH, 11);
        float[] out = new float[ITEMS];
        s.scoreItems(0, out);
        return out;
    }

    @Test
    void itemsConnectedThroughTheGraphRankAboveUnconnectedOnes() {
        for (Map<String, Object> params : new GraphEmbeddingScorer().grid()) {
            float[] out = score(train, params);
            float worstConnected = Float.POSITIVE_INFINITY;
            float bestUnconnected = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < SCENE; i++) {
                if (!train.contains(0, i)) {
                    worstConnected = Math.min(worstConnected, out[i]);
                }
                bestUnconnected = Math.max(bestUnconnected, out[SCENE + i]);
            }
            assertTrue(worstConnected > bestUnconnected, params + ": scene A's unplayed items " + worstConnected
                    + " above scene B's " + bestUnconnected);
            assertEquals(-1f, out[LONELY_ITEM], params + ": an item without a vector ranks last");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it replaces the shared fit
    void theSameSeedGivesTheSameScores() {
        // a new matrix with the same content: the embedding is computed again in a new scratch graph
        assertArrayEquals(artists, score(plays(), Map.of("profile", "artists", "plays", "log")));
    }

    @Test
    void theNoteSaysWhatWasEmbedded() {
        GraphEmbeddingScorer s = new GraphEmbeddingScorer();
        s.fit(train, GRAPH, 11);
        String note = s.note();
        assertTrue(note.startsWith("20 of 21 items and 20 of 20 users have a vector"), note);
        assertTrue(note.contains("80 plays, 20 item-tag, 20 user-user"), note);
    }

    @Test
    void rejectsUnknownSettings() {
        GraphEmbeddingScorer s = new GraphEmbeddingScorer();
        assertThrows(IllegalArgumentException.class, () -> s.configure(Map.of("profile", "friends")));
        assertThrows(IllegalArgumentException.class, () -> s.configure(Map.of("plays", "sqrt")));
    }
}
