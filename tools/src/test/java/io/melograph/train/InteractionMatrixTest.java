package io.melograph.train;

import io.melograph.eval.Dataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Sequence models read a listener's songs in the order heard, repeats included; the set view stays sorted. */
class InteractionMatrixTest {
    @Test
    void theSequenceKeepsAddOrderAndRepeats() {
        InteractionMatrix m = new InteractionMatrix.Builder(1, 5).add(0, 3, 1f).add(0, 1, 1f).add(0, 3, 2f).build();
        assertArrayEquals(new int[] {3, 1, 3}, m.sequenceOf(0));
        assertArrayEquals(new int[] {1, 3}, m.itemsOf(0));
    }

    @Test
    void aDatasetsMatrixAddsRowsInTimeOrder() {
        Dataset d = new Dataset("t", "x", List.of("u"), List.of("a", "b", "c"), new int[] {0, 0, 0},
                new int[] {0, 1, 2}, new float[] {1, 1, 1}, new long[] {30, 10, 20}, null, null, List.of());
        assertArrayEquals(new int[] {1, 2, 0}, d.matrix(null).sequenceOf(0));
        assertArrayEquals(new int[] {1, 0}, d.matrix(new int[] {0, 1}).sequenceOf(0));
    }
}
