package io.melograph.metric;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NdcgTest {

    /** 1 / log2(3) = ln 2 / ln 3. */
    private static final double D3 = 0.6309297535714574;

    @Test
    void fewerRelevantThanKAndListShorterThanK() {
        // ranked [5, 1, 7], relevant {1, 9}, k = 5: DCG = 1/log2(2+1) = D3 (item 1 at position 2)
        // IDCG over min(5, 2) = 2 positions = 1/log2(2) + 1/log2(3) = 1 + D3
        // NDCG = D3 / (1 + D3) = 0.6309297535714574 / 1.6309297535714574 = 0.38685280723454163
        assertEquals(0.38685280723454163, Ndcg.at(new int[] {5, 1, 7}, Set.of(1, 9), 5), 1e-12);
    }

    @Test
    void singleRelevantItemAtPositionTwo() {
        // IDCG = 1 (one relevant item), DCG = 1/log2(3)
        assertEquals(D3, Ndcg.at(new int[] {3, 1, 2}, Set.of(1), 3), 1e-12);
    }

    @Test
    void relevantOnlyAtTheCutoff() {
        // ranked [4, 1, 2, 3], relevant {2, 3, 8}, k = 3: only 2 counts, at position 3 -> DCG = 1/log2(4) = 0.5
        // IDCG over min(3, 3) = 3 positions = 1 + D3 + 0.5 = 2.1309297535714574
        // NDCG = 0.5 / 2.1309297535714574 = 0.23463936301137822
        assertEquals(0.5 / (1 + D3 + 0.5), Ndcg.at(new int[] {4, 1, 2, 3}, Set.of(2, 3, 8), 3), 1e-12);
        assertEquals(0.23463936301137822, Ndcg.at(new int[] {4, 1, 2, 3}, Set.of(2, 3, 8), 3), 1e-12);
    }

    @Test
    void perfectRankings() {
        assertEquals(1.0, Ndcg.at(new int[] {9, 1, 3}, Set.of(1, 9), 2), 1e-12);
        // more relevant than k: the ideal is k relevant items, which the list achieves
        assertEquals(1.0, Ndcg.at(new int[] {1, 2, 3}, Set.of(1, 2, 3, 4, 5), 3), 1e-12);
    }

    @Test
    void zeroWithoutHits() {
        assertEquals(0.0, Ndcg.at(new int[] {5, 6}, Set.of(1), 2), 1e-12);
        assertEquals(0.0, Ndcg.at(new int[0], Set.of(1), 2), 1e-12);
    }

    @Test
    void nanWhenNothingIsRelevant() {
        assertTrue(Double.isNaN(Ndcg.at(new int[] {1, 2}, Set.of(), 2)));
    }

    @Test
    void penalisedItemsSubtractTheirDiscount() {
        // ranked [7, 1, 3], relevant {1}, penalised {7, 1}: 7 at position 1 costs 1, 1 is relevant (it wins) at 2: +D3
        // IDCG = 1 -> (D3 - 1) / 1
        assertEquals(D3 - 1, Ndcg.at(new int[] {7, 1, 3}, Set.of(1), Set.of(7, 1), 3), 1e-12);
        // leaving the penalised item out scores higher than ranking it anywhere in the top k
        assertEquals(D3, Ndcg.at(new int[] {3, 1}, Set.of(1), Set.of(7), 3), 1e-12);
        assertEquals(D3 - 0.5, Ndcg.at(new int[] {3, 1, 7}, Set.of(1), Set.of(7), 3), 1e-12);
        // beyond the cutoff a penalty does not count; with none it is plain NDCG
        assertEquals(D3, Ndcg.at(new int[] {3, 1, 7}, Set.of(1), Set.of(7), 2), 1e-12);
        assertEquals(Ndcg.at(new int[] {4, 1, 2, 3}, Set.of(2, 3, 8), 3), Ndcg.at(new int[] {4, 1, 2, 3}, Set.of(2, 3, 8), Set.of(), 3), 1e-15);
        assertTrue(Double.isNaN(Ndcg.at(new int[] {7}, Set.of(), Set.of(7), 1)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Ndcg.at(new int[] {1}, Set.of(1), 0));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.at(new int[] {1, 1}, Set.of(1), 2));
    }
}
