package io.melograph.train;

import io.melograph.djl.Djl;
import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BPR learns a planted two-block structure and is bit-for-bit reproducible from its seed, in and across JVMs. */
class BprScorerTest {
    /** The defaults, with fewer dimensions for speed. */
    static final Map<String, Object> SMALL = Map.of("dim", 32);
    static final long SEED = 42;

    static InteractionMatrix train;
    static float[][] first;
    static volatile byte[] garbage;

    @BeforeAll
    static void fitOnce() {
        train = PlantedBlocks.matrix();
        first = fitAndScore(train, SEED);
    }

    static float[][] fitAndScore(InteractionMatrix matrix, long seed) {
        BprScorer bpr = new BprScorer();
        bpr.configure(SMALL);
        bpr.fit(matrix, KnowledgeTriples.empty(matrix.items()), seed);
        float[][] scores = new float[matrix.users()][matrix.items()];
        for (int u = 0; u < matrix.users(); u++) {
            bpr.scoreItems(u, scores[u]);
        }
        bpr.close();
        return scores;
    }

    @Test
    void ranksUnseenItemsOfTheUsersOwnBlockAboveTheOtherBlock() {
        for (int u = 0; u < train.users(); u++) {
            float margin = PlantedBlocks.margin(train, u, first[u]);
            assertTrue(margin > 0, "user " + u + ": own block not above the other, margin " + margin);
        }
    }

    @Test
    void sameSeedGivesIdenticalScoresAndAnotherSeedDoesNot() {
        float[][] again = fitAndScore(train, SEED);
        for (int u = 0; u < train.users(); u++) {
            assertTrue(Arrays.equals(first[u], again[u]), "user " + u + " differs on a second fit");
        }
        float[][] other = fitAndScore(train, SEED + 1);
        assertFalse(Arrays.equals(first[0], other[0]));
    }

    /**
     * A constant that autograd keeps until backward must not be a DJL scalar it has already closed: the garbage
     * collector frees its buffer, and training came out different on every run (sometimes NaN). See {@link Djl}.
     */
    @Test
    void garbageCollectionDuringTrainingChangesNothing() throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                garbage = new byte[1 << 20];
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            for (int run = 0; run < 2; run++) {
                assertEquals(digest(first), digest(fitAndScore(train, SEED)), "run " + run);
            }
        } finally {
            running.set(false);
            collector.join();
        }
    }

    /** Engine started on the test thread; the harness may fit on another (PyTorch's grad mode is per thread). */
    @Test
    void fitsOnAnotherThread() throws Exception {
        AtomicReference<float[][]> scores = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                scores.set(fitAndScore(train, SEED));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        worker.join();
        if (failure.get() != null) {
            throw new AssertionError("fit failed on another thread", failure.get());
        }
        assertEquals(digest(first), digest(scores.get()));
    }

    @Test
    void sameSeedGivesIdenticalScoresInANewJvm() throws IOException, InterruptedException {
        Path args = Files.createTempFile("bpr-jvm", ".args");
        try {
            // an argument file: the test class path is longer than one command-line argument may be
            String classPath = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(args, "-cp \"" + classPath + "\"\n");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "@" + args, Fingerprint.class.getName(),
                    Long.toString(SEED)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
            assertEquals(0, child.exitValue(), output);
            List<String> lines = output.lines().toList();
            assertEquals(digest(first), lines.get(lines.size() - 1));
        } finally {
            Files.deleteIfExists(args);
        }
    }

    @Test
    void gridHasAtMostThreeSettingsAndConfigureRejectsUnknownKeys() {
        BprScorer bpr = new BprScorer();
        List<Map<String, Object>> grid = bpr.grid();
        assertTrue(grid.size() >= 1 && grid.size() <= 3);
        grid.forEach(bpr::configure);
        assertThrows(IllegalArgumentException.class, () -> bpr.configure(Map.of("rank", 8)));
    }

    static String digest(float[][] scores) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (float[] row : scores) {
                ByteBuffer bytes = ByteBuffer.allocate(row.length * Float.BYTES);
                for (float s : row) {
                    bytes.putInt(Float.floatToRawIntBits(s));
                }
                sha.update(bytes.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Run in a fresh JVM: fits on the planted matrix with the given seed and prints the digest of all scores. */
    static final class Fingerprint {
        public static void main(String[] args) {
            InteractionMatrix matrix = PlantedBlocks.matrix();
            System.out.println(digest(fitAndScore(matrix, Long.parseLong(args[0]))));
        }
    }
}
