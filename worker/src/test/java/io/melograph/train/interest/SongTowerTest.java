package io.melograph.train.interest;

import io.melograph.interest.CatalogFacts;
import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.SongTower;
import io.melograph.interest.NowSteps;
import io.melograph.interest.NowModel;
import io.melograph.interest.InterestModelFile;
import io.melograph.interest.InterestModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served song tower gives a song added after training the vector the trainer gives a song nobody played (the same
 * neighbourhood, the same attention, no id embedding), also after a trip through the model file.
 */
class SongTowerTest {
    static final int MOODS = 3;
    static final int PER_MOOD = 8;

    /** Three moods (artist, album, genre each); {@code song:cold} is on mood 1's album and nobody plays it. */
    private static CatalogFacts catalog() {
        CatalogFacts facts = new CatalogFacts();
        for (int s = 0; s < MOODS * PER_MOOD; s++) {
            facts.songFact("song:" + s, "PERFORMED_BY", "artist:" + s / PER_MOOD).songFact("song:" + s, "ON_ALBUM", "album:" + s / PER_MOOD);
        }
        facts.songFact("song:cold", "ON_ALBUM", "album:1").songFact("song:cold", "TAGGED", "tag:nobody-else");
        for (int m = 0; m < MOODS; m++) {
            facts.entityFact("album:" + m, "BY", "artist:" + m).entityFact("artist:" + m, "HAS_GENRE", "genre:" + m);
        }
        return facts;
    }

    @Test
    void aNewSongGetsTheVectorTrainingGivesAnUnheardOne(@TempDir Path dir) throws IOException {
        CatalogFacts facts = catalog();
        SplittableRandom rng = new SplittableRandom(3);
        int[][] sequences = new int[40][30];
        for (int u = 0; u < sequences.length; u++) {
            for (int t = 0; t < 30; t++) {
                sequences[u][t] = (u % MOODS) * PER_MOOD + rng.nextInt(PER_MOOD);
            }
        }
        int songs = facts.songIds().size();
        InterestTrainer.Trained trained = new InterestTrainer(new InterestTrainer.Settings(InterestModel.Kind.SINGLE, true, 8, 10, 1, 3,
                0.01, 64, 16, 0.25, 2.0, 4, 20)).train(sequences, songs, SongNeighbourhood.of(facts, 4), 5);
        SongTower tower = trained.tower();
        assertNotNull(tower, "a knowledge-aware model keeps its tower");
        int cold = facts.songIndex().get("song:cold");

        // the catalog later: only the new song's facts and those next to them, as CatalogFacts.readSongs reads them
        CatalogFacts later = new CatalogFacts().songFact("song:cold", "ON_ALBUM", "album:1").songFact("song:cold", "TAGGED", "tag:nobody-else")
                .entityFact("album:1", "BY", "artist:1").entityFact("artist:1", "HAS_GENRE", "genre:1");
        Map<String, float[]> vectors = tower.vectors(later);
        // in the model's song space (length 1), as the service adds it
        InterestModel added = trained.model().withSongs(vectors.get("song:cold"));
        assertArrayEquals(trained.model().songVector(cold), added.songVector(trained.model().songs()), 1e-5f);

        Path file = dir.resolve(InterestModelFile.NAME);
        InterestModelFile.write(file, trained.model(), facts.songIds(), null, tower);
        SongTower stored = InterestModelFile.read(file).tower();
        assertArrayEquals(vectors.get("song:cold"), stored.vectors(later).get("song:cold"), 0f);

        CatalogFacts unknown = new CatalogFacts().songFact("song:stranger", "PERFORMED_BY", "artist:new");
        unknown.song("song:bare");
        assertTrue(tower.vectors(unknown).isEmpty(), "no neighbour the tower knows: no vector");

        InterestTrainer.Trained idOnly = new InterestTrainer(new InterestTrainer.Settings(InterestModel.Kind.SINGLE, false, 8, 10, 1, 1,
                0.01, 64, 16, 0.25, 2.0, 4, 20)).train(sequences, songs, SongNeighbourhood.none(songs), 5);
        assertNull(idOnly.tower(), "an id-only model has no tower for new songs");
        InterestModelFile.write(file, idOnly.model(), facts.songIds());
        assertNull(InterestModelFile.read(file).tower());
    }

    @Test
    void theShortTermVectorOfANewSongIsItsLongTermOneThroughP() {
        CatalogFacts facts = catalog();
        int songs = facts.songIds().size();
        int[][] sequences = new int[20][12];
        for (int u = 0; u < sequences.length; u++) {
            for (int t = 0; t < 12; t++) {
                sequences[u][t] = (u * 7 + t) % (MOODS * PER_MOOD);
            }
        }
        InterestModel longTerm = new InterestTrainer(new InterestTrainer.Settings(InterestModel.Kind.SINGLE, true, 8, 10, 1, 1, 0.01, 64, 16,
                0.25, 2.0, 4, 20)).train(sequences, songs, SongNeighbourhood.of(facts, 4), 5).model();
        List<NowTrainer.Plays> plays = Arrays.stream(sequences).map(seq -> new NowTrainer.Plays(seq,
                Arrays.stream(seq).map(x -> NowSteps.COMPLETED).toArray(), LongStream.range(0, seq.length).map(t -> t * 200_000).toArray())).toList();
        NowModel now = new NowTrainer(new NowTrainer.Settings(5, 1, 0.01, 64, 16, 20)).train(plays, longTerm, 5).model();
        int cold = facts.songIndex().get("song:cold");
        assertArrayEquals(now.songVector(cold), now.fromLongTerm(longTerm.songVector(cold)), 1e-5f,
                "nobody played it in training: its short-term vector is the long-term one through P");
        float[] added = now.fromLongTerm(longTerm.songVector(cold));
        NowModel more = now.withSongs(added);
        assertEquals(now.songs() + 1, more.songs());
        // exactly the vector given (the trained one above went through PyTorch's summation order: equal within 1e-5)
        assertArrayEquals(added, more.songVector(now.songs()), 0f);
    }
}
