package io.melograph.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lazy Adam: the rows a step touches move exactly as dense Adam moves them; the others stay where they are. */
class SparseTableTest {

    /** Loss Σ (row − target)² over the given rows, one Adam step each time, 30 steps. */
    @Test
    void touchedRowsMoveAsDenseAdamMovesThemUntouchedOnesStay() {
        float[] start = {1f, -2f, 0.5f, 3f, -1f, 2f}; // three rows of two
        float[] target = {0f, 0f, 1f, 1f, 0f, 0f};
        SparseTable sparse = new SparseTable(2, start.clone(), 0.05);
        try (NDManager base = Djl.manager()) {
            NDArray dense = base.create(start.clone(), new Shape(3, 2));
            dense.setRequiresGradient(true);
            DenseAdam adam = new DenseAdam(0.05f, dense);
            long[] touched = {0, 1}; // row 2 never
            for (int step = 0; step < 30; step++) {
                try (NDManager m = base.newSubManager()) {
                    adam.attachTo(m);
                    NDArray rows = sparse.gather(m, touched, true);
                    NDArray goal = m.create(new float[] {0f, 0f, 1f, 1f}, new Shape(2, 2));
                    try (GradientCollector c = base.getEngine().newGradientCollector()) {
                        c.backward(rows.sub(goal).square().sum());
                    }
                    sparse.update(touched, rows);
                    NDArray all = m.create(target, new Shape(3, 2));
                    try (GradientCollector c = base.getEngine().newGradientCollector()) {
                        c.backward(dense.get("0:2").sub(all.get("0:2")).square().sum());
                    }
                    adam.update();
                }
            }
            float[] d = dense.toFloatArray();
            float[] s = sparse.values();
            assertArrayEquals(Arrays.copyOf(d, 4), Arrays.copyOf(s, 4), 1e-5f, "touched rows: as dense Adam");
            assertEquals(-1f, s[4]);
            assertEquals(2f, s[5], "an untouched row does not move");
            assertTrue(Math.abs(s[0]) < Math.abs(start[0]) && Math.abs(s[2] - 1f) < Math.abs(start[2] - 1f), "towards the target");
        }
    }
}
