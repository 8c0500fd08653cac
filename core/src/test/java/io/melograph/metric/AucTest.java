package io.melograph.metric;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AucTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void tieBetweenAPositiveAndANegativeCountsOneHalf() {
        // positives 0.9, 0.8; negatives 0.8, 0.3. Pairs (pos, neg):
        // (0.9,0.8)=1  (0.9,0.3)=1  (0.8,0.8)=1/2  (0.8,0.3)=1  -> 3.5 / 4 = 0.875
        // rank sum: ascending 0.3->1, 0.8,0.8->2.5 each, 0.9->4; R+ = 4 + 2.5 = 6.5; U = 6.5 - 2*3/2 = 3.5
        assertEquals(0.875, Auc.of(new double[] {0.9, 0.8, 0.8, 0.3}, new boolean[] {T, F, T, F}), 1e-12);
    }

    @Test
    void tiesAcrossSeveralGroups() {
        // positives 3, 1, 2; negatives 2, 2, 1.
        // 3 vs (2,2,1): 1+1+1 = 3;  1 vs (2,2,1): 0+0+1/2 = 0.5;  2 vs (2,2,1): 1/2+1/2+1 = 2  -> 5.5 / 9
        assertEquals(5.5 / 9, Auc.of(new double[] {3, 1, 2, 2, 2, 1}, new boolean[] {T, T, F, T, F, F}), 1e-12);
    }

    @Test
    void allScoresTiedGivesOneHalf() {
        assertEquals(0.5, Auc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {T, F, F, T}), 1e-12);
    }

    @Test
    void negativeZeroTiesWithZero() {
        assertEquals(0.5, Auc.of(new double[] {0.0, -0.0}, new boolean[] {T, F}), 1e-12);
        assertEquals(0.5, Auc.of(new double[] {-0.0, 0.0}, new boolean[] {T, F}), 1e-12);
    }

    @Test
    void perfectAndInvertedOrderingWithArbitraryRealScores() {
        double[] scores = {Double.POSITIVE_INFINITY, 12.5, -3, Double.NEGATIVE_INFINITY};
        assertEquals(1.0, Auc.of(scores, new boolean[] {T, T, F, F}), 1e-12);
        assertEquals(0.0, Auc.of(scores, new boolean[] {F, F, T, T}), 1e-12);
        // positives inf, -3; negatives 12.5, -inf: (inf,12.5)=1 (inf,-inf)=1 (-3,12.5)=0 (-3,-inf)=1 -> 3/4
        assertEquals(0.75, Auc.of(scores, new boolean[] {T, F, T, F}), 1e-12);
    }

    @Test
    void nanWithoutBothClasses() {
        assertTrue(Double.isNaN(Auc.of(new double[] {0.1, 0.9}, new boolean[] {T, T})));
        assertTrue(Double.isNaN(Auc.of(new double[] {0.1, 0.9}, new boolean[] {F, F})));
        assertTrue(Double.isNaN(Auc.of(new double[0], new boolean[0])));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {0.1}, new boolean[] {T, F}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {Double.NaN, 1}, new boolean[] {T, F}));
    }

    @Test
    void agreesWithPairCountingOnRandomTiedData() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(7) - 3; // few distinct values -> many ties
                labels[i] = random.nextBoolean();
            }
            long twiceWins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (labels[i] && !labels[j]) {
                        pairs++;
                        twiceWins += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0;
                    }
                }
            }
            double expected = pairs == 0 ? Double.NaN : twiceWins / (2.0 * pairs);
            assertEquals(expected, Auc.of(scores, labels), 1e-12);
        }
    }
}
