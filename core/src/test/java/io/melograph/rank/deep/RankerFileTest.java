package io.melograph.rank.deep;

import io.melograph.rank.BehaviourData;
import io.melograph.rank.Head;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankerFileTest {
    @TempDir
    Path dir;

    /** A stored multi-task model scores exactly as the one that was fitted, head by head. */
    @Test
    void aStoredModelScoresAsTheFittedOne() throws IOException {
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        EsmmRanker fitted = new EsmmRanker(new DnnRanker.Settings(d.dim(), d.context(), d.hidden(), 2, d.learningRate(), 512,
                d.validationShare(), d.l2()));
        BehaviourData plays = DnnRankerTest.data(1_500, 1);
        fitted.fit(Map.of(Head.CLICK, DnnRankerTest.data(1_000, 3), Head.COMPLETE, plays, Head.LIKE, plays), 7);
        Path file = dir.resolve(RankerFile.NAME);
        RankerFile.write(file, fitted);

        DnnRanker read = RankerFile.read(file);
        assertTrue(read instanceof EsmmRanker, read.getClass().getName());
        assertEquals(fitted.note(), read.note());
        BehaviourData test = DnnRankerTest.data(300, 2);
        for (Head head : Head.values()) {
            assertArrayEquals(fitted.probabilities(head, test.exposures()), ((EsmmRanker) read).probabilities(head, test.exposures()),
                    1e-6, head.wire());
        }
    }

    @Test
    void anUnfittedModelOrABrokenFileIsRefusedWithWhy() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> RankerFile.write(dir.resolve("x.bin"), new DnnRanker()));
        Path other = Files.writeString(dir.resolve("other.bin"), "not a model at all");
        assertTrue(assertThrows(IOException.class, () -> RankerFile.read(other)).getMessage().contains("not a ranker file"));

        DnnRanker fitted = new DnnRanker(new DnnRanker.Settings(8, 4, new int[] {16}, 1, 0.002, 256, 0, 0.1));
        fitted.fit(DnnRankerTest.data(500, 1), 7);
        Path file = dir.resolve(RankerFile.NAME);
        RankerFile.write(file, fitted);
        byte[] whole = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(whole, whole.length / 2));
        IOException e = assertThrows(IOException.class, () -> RankerFile.read(cut));
        assertTrue(e.getMessage().contains("cut.bin") && e.getMessage().contains("cut short"), e.getMessage());
        assertTrue(assertThrows(IOException.class, () -> RankerFile.read(dir.resolve("none.bin"))).getMessage().contains("no ranker here"));
    }
}
