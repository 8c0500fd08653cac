package io.melograph.eval.fm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmSessionMetricsTest {

    /** S = skipped, C = completed, L = completed and liked. */
    private static List<FmSessionMetrics.Played> session(String played) {
        List<FmSessionMetrics.Played> out = new ArrayList<>();
        for (char c : played.toCharArray()) {
            out.add(new FmSessionMetrics.Played(c == 'S', c == 'L'));
        }
        return out;
    }

    @Test
    void readsSkipRateFirstLikeAndTheFirstBurst() {
        FmSessionMetrics m = FmSessionMetrics.of(session("CSCSSCSCCLSSC"), 20);
        assertEquals(13, m.songs());
        assertEquals(6, m.skips());
        assertEquals(6 / 13.0, m.skipRate(), 1e-12);
        assertEquals(10, m.firstLike());
        assertEquals(5, m.burstEnd(), "the second skip of the first run of two");
        assertEquals(5, m.afterBurst());
        assertEquals(1, m.afterBurstSkips(), "songs 6-10: C S C C L");
    }

    @Test
    void onlyTheFirstSongsOfTheSessionCount() {
        FmSessionMetrics m = FmSessionMetrics.of(session("SCCCLSS"), 4);
        assertEquals(4, m.songs());
        assertEquals(1, m.skips());
        assertEquals(0, m.firstLike(), "the like at 5 is past the session length");
        assertFalse(m.liked());
        assertEquals(0, m.burstEnd());
        assertEquals(0, m.afterBurst());
    }

    @Test
    void aLateBurstHasFewerSongsAfterIt() {
        FmSessionMetrics m = FmSessionMetrics.of(session("CCCSSSC"), 7);
        assertEquals(5, m.burstEnd());
        assertEquals(2, m.afterBurst());
        assertEquals(1, m.afterBurstSkips());
        assertEquals(0, FmSessionMetrics.of(List.of(), 20).skipRate());
    }

    @Test
    void armSummaryCountsNeverLikedSessions() {
        List<FmSessionMetrics> sessions = List.of(
                FmSessionMetrics.of(session("CCL"), 3),   // like at 3, no burst
                FmSessionMetrics.of(session("SSC"), 3),   // never, burst at 2, then 1 song: C
                FmSessionMetrics.of(session("SSS"), 3));  // never, burst at 2, then 1 song: S
        FmArmSummary a = FmArmSummary.of(sessions, 3);
        assertEquals(3, a.sessions());
        assertEquals(9, a.songs());
        assertEquals(5 / 9.0, a.skipRate(), 1e-12);
        assertEquals(1 / 3.0, a.likedShare(), 1e-12);
        assertTrue(Double.isInfinite(a.firstLikeMedian()), "two of three never liked: the median is never");
        assertEquals(3.0, a.firstLikeMeanLiked(), 1e-12);
        assertEquals((3 + 4 + 4) / 3.0, a.firstLikeMeanCensored(), 1e-12, "never counts as length + 1");
        assertEquals(2, a.burstSessions());
        assertEquals(2, a.afterBurstSongs());
        assertEquals(0.5, a.afterBurstSkipRate(), 1e-12);
    }

    @Test
    void theMedianIsFiniteWhenHalfTheSessionsLiked() {
        FmArmSummary a = FmArmSummary.of(List.of(FmSessionMetrics.of(session("CL"), 2), FmSessionMetrics.of(session("CC"), 2),
                FmSessionMetrics.of(session("L"), 2), FmSessionMetrics.of(session("SS"), 2)), 2);
        assertEquals(2.0, a.firstLikeMedian(), 1e-12, "positions 1, 2, never, never: lower median 2");
        assertTrue(Double.isNaN(a.afterBurstSkipRate()), "a burst on the last song leaves nothing after it");
    }
}
