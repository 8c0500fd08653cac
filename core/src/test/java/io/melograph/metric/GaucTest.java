package io.melograph.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaucTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void weightsGroupsByRowsAndSkipsSingleClassGroups() {
        // group 7 (3 rows): pos 0.9; neg 0.2, 0.5            -> AUC 2/2 = 1
        // group 3 (4 rows): pos 0.1, 0.6; neg 0.6, 0.3
        //     (0.1,0.6)=0 (0.1,0.3)=0 (0.6,0.6)=1/2 (0.6,0.3)=1  -> AUC 1.5/4 = 0.375
        // group 5 (2 rows): both positive                     -> skipped
        // GAUC = (3 * 1 + 4 * 0.375) / (3 + 4) = 4.5 / 7
        int[] groups = {7, 3, 5, 7, 3, 3, 5, 7, 3};
        double[] scores = {0.9, 0.1, 0.4, 0.2, 0.6, 0.6, 0.8, 0.5, 0.3};
        boolean[] labels = {T, T, T, F, F, T, T, F, F};
        assertEquals(4.5 / 7, Gauc.of(groups, scores, labels), 1e-12);
    }

    @Test
    void singleGroupEqualsAuc() {
        double[] scores = {0.9, 0.8, 0.8, 0.3};
        boolean[] labels = {T, F, T, F};
        assertEquals(0.875, Gauc.of(new int[] {-1, -1, -1, -1}, scores, labels), 1e-12);
    }

    @Test
    void nanWhenNoGroupQualifies() {
        int[] groups = {1, 1, 2, 2};
        assertTrue(Double.isNaN(Gauc.of(groups, new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {T, T, F, F})));
        assertTrue(Double.isNaN(Gauc.of(new int[0], new double[0], new boolean[0])));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Gauc.of(new int[] {1}, new double[] {0.1, 0.2}, new boolean[] {T, F}));
        assertThrows(IllegalArgumentException.class,
                () -> Gauc.of(new int[] {1, 1}, new double[] {0.1, 0.2}, new boolean[] {T}));
        assertThrows(IllegalArgumentException.class,
                () -> Gauc.of(new int[] {1, 1}, new double[] {0.1, Double.NaN}, new boolean[] {T, F}));
    }
}
