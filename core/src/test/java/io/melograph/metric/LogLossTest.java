package io.melograph.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLossTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void meanCrossEntropy() {
        // -(ln 0.8 + ln(1 - 0.4)) / 2 = -(-0.22314355131420976 - 0.5108256237659907) / 2 = 0.36698458754010023
        double expected = -(Math.log(0.8) + Math.log(0.6)) / 2;
        assertEquals(0.36698458754010023, expected, 1e-15);
        assertEquals(expected, LogLoss.of(new double[] {0.8, 0.4}, new boolean[] {T, F}), 1e-12);
    }

    @Test
    void zeroProbabilityForAPositiveIsClipped() {
        // p = 0 is clipped to 1e-15: -ln(1e-15) = 15 ln 10 = 34.538776394910684
        assertEquals(34.538776394910684, LogLoss.of(new double[] {0.0}, new boolean[] {T}), 1e-12);
        // averaged with a perfect row (p = 1 for a positive, clipped to 1 - 1e-15, loss ~1e-15)
        assertEquals(34.538776394910684 / 2, LogLoss.of(new double[] {0.0, 1.0}, new boolean[] {T, T}), 1e-12);
    }

    @Test
    void oneProbabilityForANegativeIsClipped() {
        // p = 1 is clipped to 1 - 1e-15, which as a double is 0.999999999999999 (1 - 9.992e-16),
        // so the loss is -ln(9.992007221626409e-16) = 34.53957599234088, not exactly -ln(1e-15)
        double loss = LogLoss.of(new double[] {1.0}, new boolean[] {F});
        assertEquals(-Math.log(1 - (1 - 1e-15)), loss, 1e-12);
        assertEquals(34.5396, loss, 1e-4);
    }

    @Test
    void nanForEmptyInput() {
        assertTrue(Double.isNaN(LogLoss.of(new double[0], new boolean[0])));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new double[] {0.5}, new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new double[] {1.5}, new boolean[] {T}));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new double[] {-0.1}, new boolean[] {T}));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new double[] {Double.NaN}, new boolean[] {T}));
    }
}
