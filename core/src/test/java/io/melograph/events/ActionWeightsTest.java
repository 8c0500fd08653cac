package io.melograph.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionWeightsTest {

    @Test
    void finishingAndLikingPullSkippingAndDislikingPushExposureSaysNothing() {
        assertTrue(ActionWeights.of(Action.LIKE) > ActionWeights.of(Action.COMPLETE));
        assertTrue(ActionWeights.of(Action.COMPLETE) > ActionWeights.of(Action.PLAY));
        assertTrue(ActionWeights.of(Action.PLAY) > 0);
        assertTrue(ActionWeights.of(Action.SKIP) < 0 && ActionWeights.of(Action.DISLIKE) < ActionWeights.of(Action.SKIP));
        assertEquals(0, ActionWeights.of(Action.IMPRESSION));
        assertEquals(0, ActionWeights.of(Action.CLICK));
        assertTrue(ActionWeights.refuses(Action.SKIP) && ActionWeights.refuses(Action.DISLIKE));
        assertFalse(ActionWeights.refuses(Action.PLAY) || ActionWeights.refuses(Action.UNLIKE));
    }

    @Test
    void fondnessGrowsSlowlyWithPlaysByTheLikeWeightPerLikeAndFallsWithSkips() {
        assertEquals(0, ActionWeights.fondness(0, 0, 0, 0));
        assertEquals(Math.log(11), ActionWeights.fondness(6, 4, 0, 0), 1e-12);
        assertEquals(ActionWeights.of(Action.LIKE), ActionWeights.fondness(6, 4, 1, 0) - ActionWeights.fondness(6, 4, 0, 0), 1e-12);
        assertTrue(ActionWeights.fondness(1, 0, 0, 3) <= 0, "skipped more than played: no seed");
        assertTrue(ActionWeights.fondness(100, 0, 0, 0) < 2 * ActionWeights.fondness(10, 0, 0, 0), "a song on repeat does not drown the rest");
    }
}
