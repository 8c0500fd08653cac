package io.melograph.train.interest;

import io.melograph.interest.SongNeighbourhood;
import io.melograph.vectors.VectorMath;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void filesOfFormats3And4LoadInTheFormTheyWereTrainedIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(InterestModelFile.NAME);
        assertEquals(InterestTrainer.formOf(InterestModel.Kind.SINGLE), single.form());
        assertEquals(InterestTrainer.formOf(InterestModel.Kind.MIND), mind.form());
        for (InterestModel model : List.of(single, mind)) {
            InterestModelFile.write(file, model, IDS);
            byte[] now = Files.readAllBytes(file);
            // magic, format, kind (UTF: length and bytes), dim, window, interests, then format 4's residual flag and
            // format 5's two
            int flags = 4 + 4 + 2 + model.kind().name().length() + 4 + 4 + 4;
            assertEquals(new InterestModel.Form(true, false, false), readWithout(file, now, flags + 1, 2, 4).form());
            assertEquals(new InterestModel.Form(false, false, false), readWithout(file, now, flags, 3, 3).form());
        }
        // what each form computes, on the single model: format 5 scales to length 1, the residual adds the mean
        InterestModelFile.write(file, single, IDS);
        byte[] now = Files.readAllBytes(file);
        int flags = 4 + 4 + 2 + single.kind().name().length() + 4 + 4 + 4;
        int[] history = {1, 2, 3};
        float[] unit = single.interests(history)[0];
        float[] withResidual = readWithout(file, now, flags + 1, 2, 4).interests(history)[0];
        float[] without = readWithout(file, now, flags, 3, 3).interests(history)[0];
        double norm = Math.sqrt(VectorMath.dot(withResidual, withResidual));
        for (int c = 0; c < unit.length; c++) {
            assertEquals(unit[c], withResidual[c] / norm, 1e-5, "format 5 scales the interest to length 1");
            float mean = (single.songVector(1)[c] + single.songVector(2)[c] + single.songVector(3)[c]) / 3;
            assertEquals(withResidual[c], without[c] + mean, 1e-5, "the residual adds the history's mean vector");
        }
    }

    /** The model of the file with {@code count} bytes cut at {@code at} and the format number set to {@code format}. */
    private static InterestModel readWithout(Path file, byte[] bytes, int at, int count, int format) throws IOException {
        byte[] old = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, old, 0, at);
        System.arraycopy(bytes, at + count, old, at, bytes.length - at - count);
        old[7] = (byte) format; // the format number's last byte
        Files.write(file, old);
        return InterestModelFile.read(file).model();
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
