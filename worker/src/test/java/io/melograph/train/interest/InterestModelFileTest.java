package io.melograph.train.interest;

import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.NowSteps;
import io.melograph.interest.NowModel;
import io.melograph.interest.InterestModelFile;
import io.melograph.interest.InterestModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored model answers exactly as the trained one; a damaged file fails with its name, never as an empty model. */
class InterestModelFileTest {
    static InterestModel mind;
    static InterestModel single;
    static final List<String> IDS = IntStream.range(0, 30).mapToObj(i -> "song-" + i).toList();

    @BeforeAll
    static void train() {
        int[][] sequences = new int[40][];
        for (int u = 0; u < sequences.length; u++) {
            int base = (u % 3) * 10;
            int shift = u;
            sequences[u] = IntStream.range(0, 25).map(t -> base + (t * 7 + shift) % 10).toArray();
        }
        for (InterestModel.Kind kind : InterestModel.Kind.values()) {
            InterestModel m = new InterestTrainer(new InterestTrainer.Settings(kind, false, 8, 10, 3, 2, 0.01, 64, 16,
                    0.25, 2.0, 4, 20)).train(sequences, 30, SongNeighbourhood.none(30), 1).model();
            if (kind == InterestModel.Kind.MIND) {
                mind = m;
            } else {
                single = m;
            }
        }
    }

    @Test
    void aStoredModelAnswersAsTheTrainedOne(@TempDir Path dir) throws IOException {
        int[] history = {1, 2, 3, 14, 15, 16, 4, 17};
        for (InterestModel model : List.of(mind, single)) {
            Path file = dir.resolve(model.kind() + "-" + InterestModelFile.NAME);
            InterestModelFile.write(file, model, IDS);
            InterestModelFile.Stored stored = InterestModelFile.read(file);
            assertEquals(IDS, stored.songIds());
            assertEquals(model.kind(), stored.model().kind());
            float[][] before = model.interests(history);
            float[][] after = stored.model().interests(history);
            assertEquals(before.length, after.length);
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i]);
            }
            float[] a = new float[30];
            float[] b = new float[30];
            model.score(before, a);
            stored.model().score(after, b);
            assertArrayEquals(a, b);
        }
        assertEquals(3, mind.interests(history).length, "8 songs: log2 8 = 3 interests");
    }

    @Test
    void theShortTermModelTravelsWithTheLongTermOne(@TempDir Path dir) throws IOException {
        List<NowTrainer.Plays> plays = List.of(new NowTrainer.Plays(new int[] {1, 2, 3, 4, 5}, new int[] {1, 2, 1, 3, 1},
                new long[] {0, 60_000, 120_000, 180_000, 240_000}));
        NowModel now = new NowTrainer(new NowTrainer.Settings(4, 2, 0.01, 8, 4, 10)).train(plays, mind, 1).model();
        Path file = dir.resolve(InterestModelFile.NAME);
        InterestModelFile.write(file, mind, IDS, now, null);
        NowModel stored = InterestModelFile.read(file).now();
        List<NowSteps.Step> steps = List.of(new NowSteps.Step("song-3", NowSteps.SKIPPED, 0), new NowSteps.Step("song-7", NowSteps.LIKED, 1000));
        assertArrayEquals(now.now(steps, 2000, IDS::indexOf).vector(), stored.now(steps, 2000, IDS::indexOf).vector());
        assertEquals(null, InterestModelFile.read(writeWithout(dir)).now(), "a version without one loads without one");
    }

    private static Path writeWithout(Path dir) throws IOException {
        Path file = dir.resolve("long-term-only.bin");
        InterestModelFile.write(file, single, IDS);
        return file;
    }

    /** A version stored before format 4 was trained with a plain head, and still loads with it. */
    @Test
    void aFileOfFormat3LoadsWithoutTheResidualHead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(InterestModelFile.NAME);
        InterestModelFile.write(file, single, IDS);
        byte[] now = Files.readAllBytes(file);
        // magic, format, kind (UTF: length and bytes), dim, window, interests, then format 4's residual flag
        int flag = 4 + 4 + 2 + single.kind().name().length() + 4 + 4 + 4;
        byte[] old = new byte[now.length - 1];
        System.arraycopy(now, 0, old, 0, flag);
        System.arraycopy(now, flag + 1, old, flag, now.length - flag - 1);
        old[7] = 3; // the format number's last byte
        Files.write(file, old);
        InterestModel read = InterestModelFile.read(file).model();
        assertTrue(single.residual(), "trained models have the residual head");
        assertEquals(false, read.residual());
        int[] history = {1, 2, 3};
        float[] withResidual = single.interests(history)[0];
        float[] without = read.interests(history)[0];
        for (int c = 0; c < withResidual.length; c++) { // the residual adds the history's mean vector
            float mean = (single.songVector(1)[c] + single.songVector(2)[c] + single.songVector(3)[c]) / 3;
            assertEquals(withResidual[c], without[c] + mean, 1e-5);
        }
    }

    @Test
    void aDamagedFileFailsWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(InterestModelFile.NAME);
        IOException missing = assertThrows(IOException.class, () -> InterestModelFile.read(file));
        assertTrue(missing.getMessage().contains(file.toString()), missing.getMessage());
        InterestModelFile.write(file, mind, IDS);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));
        IOException cut = assertThrows(IOException.class, () -> InterestModelFile.read(file));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        Files.write(file, "not a model".getBytes());
        IOException other = assertThrows(IOException.class, () -> InterestModelFile.read(file));
        assertTrue(other.getMessage().contains("not an interest model file"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InterestModelFile.write(file, mind, IDS.subList(0, 3)));
    }
}
