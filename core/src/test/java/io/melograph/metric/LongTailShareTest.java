package io.melograph.metric;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongTailShareTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void shareOfTopKSlots() {
        boolean[] tail = {F, F, T, T, T, T};
        // k = 3: [0,2,1] -> 3 slots, 1 tail (2); [3] -> 1 slot, 1 tail; [1,0,4] (5 is cut) -> 3 slots, 1 tail (4)
        // 3 tail of 7 slots
        List<int[]> lists = List.of(new int[] {0, 2, 1}, new int[] {3}, new int[] {1, 0, 4, 5});
        assertEquals(3.0 / 7, LongTailShare.of(lists, 3, tail), 1e-12);
        // k = 1: slots 0, 3, 1 -> 1 tail of 3
        assertEquals(1.0 / 3, LongTailShare.of(lists, 1, tail), 1e-12);
    }

    @Test
    void nanWithoutSlots() {
        boolean[] tail = {F, T};
        assertTrue(Double.isNaN(LongTailShare.of(List.of(), 3, tail)));
        assertTrue(Double.isNaN(LongTailShare.of(List.of(new int[0], new int[0]), 3, tail)));
    }

    @Test
    void rejectsBadLists() {
        boolean[] tail = {F, T};
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.of(List.of(new int[] {2}), 3, tail));
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.of(List.of(new int[] {1}), 0, tail));
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.of(List.of(new int[] {1, 1}), 2, tail));
    }

    // id:     0  1  2  3  4  5  6  7  8  9 10 11
    private static final int[] COUNTS = {5, 0, 9, 5, 1, 5, 2, 0, 3, 7, 1, 4};
    // 10 seen items (1 and 7 never seen); by popularity: 2(9) 9(7) 0(5) 3(5) 5(5) 11(4) 8(3) 6(2) 4(1) 10(1)

    @Test
    void headIsTheMostPopularShareOfSeenItems() {
        // ceil(0.2 * 10) = 2 -> head {2, 9}
        assertArrayEquals(tailExcept(2, 9), LongTailShare.longTailItems(COUNTS, 0.2));
        // ceil(0.25 * 10) = ceil(2.5) = 3 -> next is the count-5 tie {0, 3, 5}, lowest id 0 wins
        assertArrayEquals(tailExcept(2, 9, 0), LongTailShare.longTailItems(COUNTS, 0.25));
        // ceil(0.35 * 10) = 4 -> {2, 9, 0, 3}
        assertArrayEquals(tailExcept(2, 9, 0, 3), LongTailShare.longTailItems(COUNTS, 0.35));
    }

    @Test
    void extremeShares() {
        assertArrayEquals(tailExcept(), LongTailShare.longTailItems(COUNTS, 0.0));
        // all seen items are head; never-seen items 1 and 7 stay long tail
        assertArrayEquals(tailExcept(0, 2, 3, 4, 5, 6, 8, 9, 10, 11), LongTailShare.longTailItems(COUNTS, 1.0));
        assertArrayEquals(new boolean[] {T, T}, LongTailShare.longTailItems(new int[] {0, 0}, 0.2));
        assertArrayEquals(new boolean[0], LongTailShare.longTailItems(new int[0], 0.2));
    }

    @Test
    void floatingPointNoiseDoesNotGrowTheHead() {
        // 0.07 * 100 is 7.000000000000001 in double arithmetic; the head is still 7 items
        int[] counts = new int[100];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 100 - i; // item i is the (i+1)-th most popular
        }
        assertArrayEquals(tailOfSize(100, 0, 1, 2, 3, 4, 5, 6), LongTailShare.longTailItems(counts, 0.07));
    }

    @Test
    void rejectsBadSplitInput() {
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.longTailItems(COUNTS, -0.1));
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.longTailItems(COUNTS, 1.1));
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.longTailItems(COUNTS, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LongTailShare.longTailItems(new int[] {3, -1}, 0.2));
    }

    private static boolean[] tailExcept(int... head) {
        return tailOfSize(COUNTS.length, head);
    }

    private static boolean[] tailOfSize(int size, int... head) {
        boolean[] tail = new boolean[size];
        Arrays.fill(tail, true);
        for (int h : head) {
            tail[h] = false;
        }
        return tail;
    }
}
