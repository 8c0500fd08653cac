package io.melograph.train.graph;

import io.melograph.eval.Dataset;
import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FriendsScorerTest {

    /**
     * Users 0-4 over items 0-9. User 0 has items 0-2. Friend 1 shares items 0-1 and has 5; friend 2 shares nothing and
     * has 6; user 3 is a friend of friend 1 only and has 7; user 4 is nobody's friend and has 8.
     */
    static InteractionMatrix plays() {
        return new InteractionMatrix.Builder(5, 10)
                .add(0, 0, 1).add(0, 1, 1).add(0, 2, 1)
                .add(1, 0, 1).add(1, 1, 1).add(1, 5, 1)
                .add(2, 6, 1)
                .add(3, 7, 1)
                .add(4, 8, 1)
                .build();
    }

    /** Entities 10-14 are users 0-4; friendships listed both ways, as HetRec does. */
    static KnowledgeTriples friends() {
        return new GraphFixtures(15, 10, 11, 12, 13, 14)
                .add(10, "friend", 11).add(11, "friend", 10)
                .add(10, "friend", 12).add(12, "friend", 10)
                .add(11, "friend", 13).add(13, "friend", 11)
                .build();
    }

    private static float[] score(Map<String, Object> params) {
        FriendsScorer s = new FriendsScorer();
        s.configure(params);
        s.fit(plays(), friends(), 1);
        float[] out = new float[10];
        s.scoreItems(0, out);
        return out;
    }

    @Test
    void aLikeMindedFriendsFavouritesComeFirst() {
        float[] out = score(Map.of("overlap", 1.0, "hops", 1));
        assertTrue(out[5] > out[6], "friend 1 shares two items with user 0, friend 2 none");
        assertTrue(out[6] > 0, "every friend counts a little");
        assertEquals(0f, out[7], "a friend of a friend needs two hops");
        assertEquals(0f, out[8], "strangers do not count");
    }

    @Test
    void withoutOverlapAllFriendsCountAlikeUpToListLength() {
        float[] out = score(Map.of("overlap", 0.0, "hops", 1));
        // weights 1/sqrt(3) and 1/sqrt(1), normalised by their sum
        double w1 = 1 / Math.sqrt(3);
        assertEquals(w1 / (w1 + 1), out[5], 1e-6);
        assertEquals(1 / (w1 + 1), out[6], 1e-6);
    }

    @Test
    void twoHopsReachFriendsOfFriendsAtLowerWeight() {
        float[] out = score(Map.of("overlap", 1.0, "hops", 2));
        assertTrue(out[7] > 0 && out[7] < out[6], "user 3 is reached through friend 1, at a quarter of a friend's weight");
        assertEquals(0f, out[8]);
    }

    @Test
    void friendsNamedByUserIdInTheDatasetAreFound() {
        Dataset d = new Dataset.Builder("t")
                .interaction("user:a", "artist:x", 1, Dataset.NO_TIME, null)
                .interaction("user:b", "artist:y", 1, Dataset.NO_TIME, null)
                .triple("user:a", "friend", "user:b")
                .triple("artist:x", "tagged", "tag:rock")
                .build("sum");
        FriendsScorer s = new FriendsScorer();
        s.fit(d.matrix(null), d.graph(), 1);
        float[] out = new float[2];
        s.scoreItems(0, out);
        assertEquals(1f, out[1], 1e-6f, "user a's only friend b has artist y");
        assertEquals(-1, d.graph().userOf(d.entityIds().indexOf("tag:rock")));
    }
}
