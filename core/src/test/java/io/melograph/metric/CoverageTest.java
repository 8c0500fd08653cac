package io.melograph.metric;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CoverageTest {

    private static final List<int[]> LISTS = List.of(new int[] {0, 1, 2}, new int[] {2, 3}, new int[] {9, 1, 5});

    @Test
    void distinctItemsInTopKOverCatalogue() {
        // top 2: {0,1} {2,3} {9,1} -> {0,1,2,3,9} = 5 of 10
        assertEquals(0.5, Coverage.of(LISTS, 2, 10), 1e-12);
        // top 3 adds 5 (the second list is shorter than k and used whole) -> 6 of 10
        assertEquals(0.6, Coverage.of(LISTS, 3, 10), 1e-12);
    }

    @Test
    void noListsCoverNothing() {
        assertEquals(0.0, Coverage.of(List.of(), 5, 10), 1e-12);
        assertEquals(0.0, Coverage.of(List.of(new int[0]), 5, 10), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Coverage.of(LISTS, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> Coverage.of(LISTS, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Coverage.of(LISTS, 2, 5)); // item 9
        assertThrows(IllegalArgumentException.class, () -> Coverage.of(List.of(new int[] {-1}), 2, 5));
    }
}
