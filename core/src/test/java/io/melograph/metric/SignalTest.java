package io.melograph.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalTest {

    @Test
    void constantScoresCarryNoSignal() {
        assertTrue(Signal.none(new double[] {0.3, 0.3, 0.3}));
        assertTrue(Signal.none(new double[] {}));
        assertFalse(Signal.none(new double[] {0.3, 0.3, 0.31}));
        assertFalse(Signal.none(new double[] {Double.NEGATIVE_INFINITY, 0}));
        assertThrows(IllegalArgumentException.class, () -> Signal.none(new double[] {0.1, Double.NaN}));
    }
}
