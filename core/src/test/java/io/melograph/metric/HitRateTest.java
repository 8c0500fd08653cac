package io.melograph.metric;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HitRateTest {

    private static final int[] RANKED = {4, 8, 15, 16, 23};

    @Test
    void hitOnlyWhenARelevantItemIsWithinK() {
        // 16 is at position 4: not in the top 3, in the top 4
        assertEquals(0.0, HitRate.at(RANKED, Set.of(16, 42), 3), 1e-12);
        assertEquals(1.0, HitRate.at(RANKED, Set.of(16, 42), 4), 1e-12);
        assertEquals(1.0, HitRate.at(RANKED, Set.of(4), 1), 1e-12);
    }

    @Test
    void listShorterThanK() {
        assertEquals(1.0, HitRate.at(new int[] {16}, Set.of(16), 10), 1e-12);
        assertEquals(0.0, HitRate.at(new int[] {1, 2}, Set.of(16), 10), 1e-12);
        assertEquals(0.0, HitRate.at(new int[0], Set.of(16), 10), 1e-12);
    }

    @Test
    void nanWhenNothingIsRelevant() {
        assertTrue(Double.isNaN(HitRate.at(RANKED, Set.of(), 3)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> HitRate.at(RANKED, Set.of(4), 0));
        assertThrows(IllegalArgumentException.class, () -> HitRate.at(new int[] {1, 2, 1}, Set.of(4), 3));
    }
}
