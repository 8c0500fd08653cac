package io.melograph.eval;

import io.melograph.train.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplittersTest {

    /** 20 users; user u interacted with items u..u+9 of 60, at hour u+k on day 1 or day 2. */
    static Dataset sample() {
        Dataset.Builder b = new Dataset.Builder("sample");
        for (int u = 0; u < 20; u++) {
            for (int k = 0; k < 10; k++) {
                long time = (k < 6 ? 0 : 86_400_000L) + k * 60_000L;
                b.interaction("u" + u, "i" + (u + k), 1 + k, time, null);
            }
        }
        return b.build("none");
    }

    @Test
    void ctrSplitHasOneUnseenNegativePerPositiveAndSixTwoTwo() {
        Dataset d = sample();
        CtrSplit s = CtrSplitter.split(d, 7);
        assertEquals(400, s.size());
        long positives = 0;
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < s.size(); r++) {
            positives += s.labels()[r] ? 1 : 0;
            assertTrue(seen.add(s.users()[r] + "/" + s.items()[r]), "no pair twice");
            if (!s.labels()[r]) {
                int u = s.users()[r];
                int i = s.items()[r];
                assertFalse(d.matrix(null).contains(u, i), "a negative is never an interaction");
            }
        }
        assertEquals(200, positives);
        assertEquals(240, s.trainEnd());
        assertEquals(320, s.validEnd());
        CtrSplit again = CtrSplitter.split(d, 7);
        assertArrayEquals(s.items(), again.items(), "same seed, same split");
        assertFalse(java.util.Arrays.equals(s.items(), CtrSplitter.split(d, 8).items()));
    }

    @Test
    void holdoutTakesATwentyPercentShareOfEveryUser() {
        InteractionMatrix all = sample().matrix(null);
        HoldoutSplit s = UserHoldoutSplitter.split(all, 0.2, 3);
        for (int u = 0; u < 20; u++) {
            assertEquals(2, s.heldOut()[u].length);
            assertEquals(8, s.train().itemsOf(u).length);
            for (int i : s.heldOut()[u]) {
                assertFalse(s.train().contains(u, i));
                assertTrue(all.contains(u, i));
            }
        }
        assertEquals(40, s.heldOutCount());
    }

    @Test
    void lastSessionIsTheTest() {
        Dataset d = sample();
        SessionSplit s = LastSessionSplitter.split(d, null, LastSessionSplitter.SESSION_GAP_MILLIS);
        assertEquals(20 * 6, s.trainRows().length);
        assertEquals(20 * 4, s.testRows().length);
        assertEquals(4, s.targets()[0].length, "items 6..9 of user 0 are the last session");
        SessionSplit inner = LastSessionSplitter.split(d, s.trainRows(), LastSessionSplitter.SESSION_GAP_MILLIS);
        assertNull(inner.targets()[0], "one session left: train only");
    }

    @Test
    void plattCalibrationIsMonotoneAndCalibrated() {
        double[] scores = new double[200];
        boolean[] labels = new boolean[200];
        for (int k = 0; k < 200; k++) {
            scores[k] = k;
            labels[k] = k >= 100 ? k % 10 != 0 : k % 10 == 0;
        }
        PlattCalibration p = PlattCalibration.fit(scores, labels);
        assertTrue(p.probability(10) < p.probability(190));
        assertTrue(p.probability(5) < 0.3 && p.probability(195) > 0.7);
        assertEquals(0.5, p.probability(99.5), 0.1);
    }
}
