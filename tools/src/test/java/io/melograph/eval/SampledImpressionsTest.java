package io.melograph.eval;

import io.melograph.rank.Head;
import io.melograph.train.ChainExposures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampledImpressionsTest {

    /** Each distinct interaction: a missed item's impression, then the item's, then its play; on its side of the split. */
    @Test
    void everyInteractionIsAClickedImpressionBesideAMissDrawnFromItemsTheUserNeverHad() {
        // user 0 had items 0, 1 (twice at one moment: one interaction) and 2; user 1 had items 3 and 4
        int[] users = {0, 0, 0, 0, 1, 1};
        int[] items = {0, 1, 1, 2, 3, 4};
        long[] times = {1_000, 2_000, 2_000, 9_000_000, 1_000, 9_000_000};
        Dataset d = new Dataset("t", "x", List.of("a", "b"), List.of("i0", "i1", "i2", "i3", "i4", "i5"), users, items,
                new float[6], times, null, null, List.of());
        SessionSplit outer = new SessionSplit(new int[] {0, 1, 2, 4}, new int[] {3, 5}, new int[2][]);
        SampledImpressions s = SampledImpressions.of(d, outer, 7);
        assertEquals(5, s.interactions());
        ChainExposures.Events e = s.events();
        assertEquals(15, e.size());
        for (int k = 0; k < e.size(); k += 3) {
            assertArrayEquals(new String[] {"impression", "impression", "play"}, java.util.Arrays.copyOfRange(e.actions(), k, k + 3));
            assertEquals(e.items()[k + 1], e.items()[k + 2]);
            assertNotEquals(e.items()[k], e.items()[k + 1]);
            int user = e.users()[k];
            int miss = e.items()[k];
            assertTrue(user == 0 ? miss >= 3 : miss <= 2, "never one of the user's own items: " + miss);
            assertTrue(miss != 5, "only items seen in training are drawn");
        }
        assertEquals(9, s.split().trainRows().length, "three training interactions");
        assertEquals(6, s.split().testRows().length);
        ChainExposures.Labelled clicks = ChainExposures.of(e, s.split().trainRows(), Head.CLICK, ChainExposures.histories(e));
        assertEquals(6, clicks.labels().length);
        int clicked = 0;
        for (boolean l : clicks.labels()) {
            clicked += l ? 1 : 0;
        }
        assertEquals(3, clicked, "the interaction's own impression is clicked, the miss is not");
    }
}
