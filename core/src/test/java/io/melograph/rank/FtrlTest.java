package io.melograph.rank;

import io.melograph.metric.Auc;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FtrlTest {
    private static final int BUCKETS = 1 << 12;

    /** Feature 1 (or 2) decides the label; features 100..199 are noise drawn independently of it. */
    private static int[] example(Random rng, boolean label) {
        return new int[] {0, label ? 1 : 2, 100 + rng.nextInt(100), 100 + rng.nextInt(100)};
    }

    @Test
    void learnsASeparableProblemAndPredictsHeldOutExamples() {
        Ftrl f = new Ftrl(BUCKETS, new Ftrl.Params(0.1, 1, 0.1, 0.1));
        Random rng = new Random(1);
        for (int k = 0; k < 2000; k++) {
            boolean y = rng.nextBoolean();
            f.update(example(rng, y), y);
        }
        double[] p = new double[400];
        boolean[] y = new boolean[400];
        for (int k = 0; k < p.length; k++) {
            y[k] = rng.nextBoolean();
            p[k] = f.predict(example(rng, y[k]));
            assertTrue(y[k] ? p[k] > 0.9 : p[k] < 0.1, "confident and right: " + p[k] + " for " + y[k]);
        }
        assertEquals(1.0, Auc.of(p, y), 1e-12);
        assertEquals(2000, f.updates());
        assertTrue(f.weight(1) > 0 && f.weight(2) < 0);
    }

    @Test
    void l1KeepsUninformativeWeightsAtExactlyZero() {
        Ftrl sparse = new Ftrl(BUCKETS, new Ftrl.Params(0.1, 1, 5, 0.1));
        Ftrl dense = new Ftrl(BUCKETS, new Ftrl.Params(0.1, 1, 0, 0.1));
        Random a = new Random(2);
        Random b = new Random(2);
        for (int k = 0; k < 3000; k++) {
            boolean y = k % 2 == 0;
            sparse.update(example(a, y), y);
            dense.update(example(b, y), y);
        }
        int zeroNoise = 0;
        for (int i = 100; i < 200; i++) {
            if (sparse.weight(i) == 0.0) {
                zeroNoise++;
            }
            assertNotEquals(0.0, dense.weight(i), "without L1 every touched weight moves");
        }
        assertTrue(zeroNoise >= 95, zeroNoise + " of 100 noise weights are exactly zero");
        assertTrue(sparse.weight(1) > 0 && sparse.weight(2) < 0, "the informative features survive L1");
        int nonZero = 0;
        for (int i = 0; i < BUCKETS; i++) {
            nonZero += sparse.weight(i) != 0.0 ? 1 : 0;
        }
        assertEquals(nonZero, sparse.nonZero());
        assertTrue(nonZero <= 8, nonZero + " non-zero weights");
    }

    @Test
    void aWrittenModelPredictsExactlyAsTheOriginal() throws IOException {
        Ftrl f = new Ftrl(BUCKETS, Ftrl.Params.defaults());
        Random rng = new Random(3);
        for (int k = 0; k < 500; k++) {
            boolean y = rng.nextInt(3) == 0;
            f.update(example(rng, y), y);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.write(new DataOutputStream(bytes));
        Ftrl back = Ftrl.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(f.updates(), back.updates());
        assertEquals(f.positives(), back.positives());
        for (int k = 0; k < 200; k++) {
            int[] x = example(rng, rng.nextBoolean());
            assertEquals(f.predict(x), back.predict(x), 0.0);
        }
        // and it learns on identically
        int[] x = example(rng, true);
        assertEquals(f.update(x, true), back.update(x, true), 0.0);
        assertEquals(f.predict(x), back.predict(x), 0.0);
    }
}
