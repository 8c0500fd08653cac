package io.melograph.metric;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecallTest {

    private static final int[] RANKED = {4, 8, 15, 16, 23};

    @Test
    void hitsOverAllRelevant() {
        // relevant {8, 16, 42}: top 2 = {4, 8} -> 1 hit / 3; top 5 -> 8 and 16 -> 2 / 3
        assertEquals(1.0 / 3, Recall.at(RANKED, Set.of(8, 16, 42), 2), 1e-12);
        assertEquals(2.0 / 3, Recall.at(RANKED, Set.of(8, 16, 42), 5), 1e-12);
    }

    @Test
    void denominatorIsNotCappedAtK() {
        // 2 hits in the top 2, 5 relevant: 2/5, not 2/min(2, 5) = 1
        assertEquals(0.4, Recall.at(new int[] {1, 2, 3}, Set.of(1, 2, 3, 4, 5), 2), 1e-12);
    }

    @Test
    void listShorterThanK() {
        // only 8 recommended: 1 hit / 3 relevant
        assertEquals(1.0 / 3, Recall.at(new int[] {8}, Set.of(8, 16, 42), 10), 1e-12);
        assertEquals(0.0, Recall.at(new int[0], Set.of(8), 10), 1e-12);
    }

    @Test
    void nanWhenNothingIsRelevant() {
        assertTrue(Double.isNaN(Recall.at(RANKED, Set.of(), 3)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Recall.at(RANKED, Set.of(4), -1));
        assertThrows(IllegalArgumentException.class, () -> Recall.at(new int[] {8, 8}, Set.of(8), 2));
    }
}
