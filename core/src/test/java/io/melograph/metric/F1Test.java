package io.melograph.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class F1Test {

    private static final boolean T = true;
    private static final boolean F = false;

    private static final double[] PROBS = {0.9, 0.5, 0.49, 0.2, 0.7};
    private static final boolean[] LABELS = {T, T, T, F, F};

    @Test
    void probabilityEqualToThresholdCountsAsPositive() {
        // threshold 0.5: predicted positive 0.9 (T, TP), 0.5 (T, TP - exactly at the threshold), 0.7 (F, FP);
        // 0.49 (T) is a FN, 0.2 (F) a TN. TP=2 FP=1 FN=1 -> P = R = 2/3, F1 = 2*2 / (2*2 + 1 + 1) = 2/3
        assertEquals(2.0 / 3, F1.of(PROBS, LABELS, 0.5), 1e-12);
    }

    @Test
    void thresholdJustAboveDropsTheEdgeRow() {
        // threshold 0.5000001: TP = {0.9}, FP = {0.7}, FN = {0.5, 0.49} -> 2*1 / (2 + 1 + 2) = 0.4
        assertEquals(0.4, F1.of(PROBS, LABELS, 0.5000001), 1e-12);
    }

    @Test
    void zeroWhenNoPredictedAndNoActualPositives() {
        assertEquals(0.0, F1.of(new double[] {0.1, 0.2}, new boolean[] {F, F}, 0.5), 1e-12);
        assertEquals(0.0, F1.of(new double[0], new boolean[0], 0.5), 1e-12);
    }

    @Test
    void zeroWithoutTruePositives() {
        assertEquals(0.0, F1.of(new double[] {0.9, 0.2}, new boolean[] {F, T}, 0.5), 1e-12);
    }

    @Test
    void perfect() {
        assertEquals(1.0, F1.of(new double[] {0.9, 0.2}, new boolean[] {T, F}, 0.5), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> F1.of(new double[] {0.1}, new boolean[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> F1.of(new double[] {Double.NaN}, new boolean[] {T}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> F1.of(new double[] {0.1}, new boolean[] {T}, Double.NaN));
    }
}
