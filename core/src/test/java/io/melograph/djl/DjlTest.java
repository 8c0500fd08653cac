package io.melograph.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DjlTest {

    @Test
    void inputsKeepTheirValuesWhenTheStagingBufferIsReused() {
        try (NDManager base = Djl.manager(); NDManager m = base.newSubManager()) {
            NDArray first = Djl.input(m, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            NDArray indices = Djl.input(m, new int[] {7, 8, 9});
            // the same staging buffer, overwritten, then grown past its first capacity
            NDArray second = Djl.input(m, new float[] {-1, -2});
            NDArray large = Djl.input(m, new float[100_000]);
            System.gc();
            assertEquals(2, first.getShape().get(0));
            assertEquals(3, first.getShape().get(1));
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, first.toFloatArray());
            assertEquals(DataType.INT32, indices.getDataType());
            assertArrayEquals(new int[] {7, 8, 9}, indices.toIntArray());
            assertArrayEquals(new float[] {-1, -2}, second.toFloatArray());
            assertEquals(100_000, large.size());
            // a computation on them reads what was put there
            assertEquals(21f, first.sum().getFloat());
        }
    }

    @Test
    void inputsTakePartInGradients() {
        try (NDManager base = Djl.manager(); NDManager m = base.newSubManager()) {
            NDArray x = Djl.input(m, new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (var collector = m.getEngine().newGradientCollector()) {
                collector.backward(x.mul(x).sum());
            }
            assertArrayEquals(new float[] {2, 4, 6}, x.getGradient().toFloatArray());
        }
    }

    @Test
    void glibcKeepsFreedMemoryOnLinux() {
        assumeTrue(Platform.isLinux() && System.getenv("MALLOC_MMAP_THRESHOLD_") == null
                && System.getenv("MALLOC_TRIM_THRESHOLD_") == null);
        Djl.manager().close();
        assertTrue(NativeAllocator.keepFreedMemory(), "mallopt accepted both thresholds");
    }
}
