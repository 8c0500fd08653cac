package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.vectors.VectorMath;
import io.melograph.interest.CatalogFacts;
import io.melograph.interest.InterestModel;
import io.melograph.interest.InterestModelFile;
import io.melograph.train.interest.InterestTrainer;
import io.melograph.interest.NowModel;
import io.melograph.interest.NowSteps;
import io.melograph.train.interest.NowTrainer;
import io.melograph.interest.SongNeighbourhood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A song added to the catalog after the live interest model was trained gets its vector from the model's song tower:
 * the watch finds it in the graph, the live version and both its indexes gain it, and it sits with its album's mood.
 */
class NewSongVectorsTest {
    static final int MOODS = 4;
    static final int PER_MOOD = 10;

    @TempDir
    Path home;

    @Test
    void aSongImportedAfterTrainingIsRecalledWithItsAlbumsMood() throws Exception {
        TestGraph.clear();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    UNWIND range(0, $moods - 1) AS m
                    CREATE (a:Artist {id: 'artist:' + m}), (al:Album {id: 'album:' + m}), (g:Genre {id: 'genre:' + m}),
                           (al)-[:BY]->(a), (a)-[:HAS_GENRE]->(g)
                    WITH m, a, al
                    UNWIND range(0, $per - 1) AS k
                    CREATE (s:Song {id: 'song:' + (m * $per + k)})-[:PERFORMED_BY]->(a), (s)-[:ON_ALBUM]->(al)
                    """, Map.of("moods", MOODS, "per", PER_MOOD)).consume();
        }
        CatalogFacts facts = CatalogFacts.read(TestGraph.connection());
        SplittableRandom rng = new SplittableRandom(11);
        int[][] sequences = new int[60][30];
        for (int u = 0; u < sequences.length; u++) {
            for (int t = 0; t < 30; t++) {
                sequences[u][t] = facts.songIndex().get("song:" + ((u % MOODS) * PER_MOOD + rng.nextInt(PER_MOOD)));
            }
        }
        int songs = facts.songIds().size();
        InterestTrainer.Trained trained = new InterestTrainer(new InterestTrainer.Settings(InterestModel.Kind.SINGLE, true, 16, 20, 1, 4,
                0.01, 128, 32, 0.5, 2.0, 4, 30)).train(sequences, songs, SongNeighbourhood.of(facts, 4), 42);
        List<NowTrainer.Plays> plays = new ArrayList<>();
        for (int[] seq : sequences) {
            plays.add(new NowTrainer.Plays(seq, Arrays.stream(seq).map(x -> NowSteps.COMPLETED).toArray(),
                    LongStream.range(0, seq.length).map(t -> t * 240_000L).toArray()));
        }
        NowModel now = new NowTrainer(new NowTrainer.Settings(10, 2, 0.01, 128, 32, 30)).train(plays, trained.model(), 42).model();
        ModelRegistry registry = new ModelRegistry(home);
        Path dir = registry.dir(InterestModelFile.KIND, "v1");
        Files.createDirectories(dir);
        InterestModelFile.write(dir.resolve(InterestModelFile.NAME), trained.model(), facts.songIds(), now, trained.tower());
        registry.store(new ModelCard(InterestModelFile.KIND, "v1", Instant.now().toString(), "2024-01-01T00:00:00Z",
                "2024-01-22T00:00:00Z", "x", Map.of(), "test"));
        registry.promote(InterestModelFile.KIND, "v1", "test");

        try (LiveInterests live = new LiveInterests(registry)) {
            assertTrue(live.swapToCurrent());
            NewSongVectors watch = new NewSongVectors(live, TestGraph.connection());
            assertEquals(0, watch.check(), "the model knows every song of the catalog");
            ServedInterests before = live.served().orElseThrow();

            try (Session s = TestGraph.connection().session()) {
                s.run("""
                        MATCH (a:Artist {id: 'artist:2'}), (al:Album {id: 'album:2'})
                        CREATE (n:Song {id: 'song:new'})-[:PERFORMED_BY]->(a), (n)-[:ON_ALBUM]->(al),
                               (:Song {id: 'song:stranger'})-[:PERFORMED_BY]->(:Artist {id: 'artist:unheard-of'})
                        """).consume();
            }
            assertEquals(1, watch.check(), "the new song on a known album gets a vector; one by an unknown artist does not");
            assertEquals(0, watch.check(), "nothing changed since");
            ServedInterests after = live.served().orElseThrow();
            int added = after.song("song:new");
            assertEquals(songs, added, "added after the trained songs");
            assertEquals(-1, after.song("song:stranger"));
            assertEquals(-1, before.song("song:new"), "an earlier snapshot keeps its own songs");

            // it sits with its album's mood: of the four moods' mean vectors, mood 2's scores it highest
            float[] vector = after.model().songVector(added);
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int m = 0; m < MOODS; m++) {
                float[] mean = new float[trained.model().dim()];
                for (int k = 0; k < PER_MOOD; k++) {
                    float[] v = trained.model().songVector(facts.songIndex().get("song:" + (m * PER_MOOD + k)));
                    for (int c = 0; c < mean.length; c++) {
                        mean[c] += v[c] / PER_MOOD;
                    }
                }
                float score = VectorMath.dot(mean, vector);
                if (score > bestScore) {
                    bestScore = score;
                    best = m;
                }
            }
            assertEquals(2, best, "the new song's vector comes from its album and artist");

            // both indexes answer with it; the earlier snapshot leaves it out
            assertTrue(after.nearest(vector, songs + 1, song -> false).stream().anyMatch(h -> h.id().equals("song:new")));
            assertTrue(before.nearest(vector, songs + 1, song -> false).stream().noneMatch(h -> h.id().equals("song:new")));
            float[] nowVector = after.now().orElseThrow().songVector(added);
            assertArrayEquals(now.fromLongTerm(vector), nowVector, 1e-6f);
            assertTrue(after.nearestNow(nowVector, songs + 1, song -> false).stream().anyMatch(h -> h.id().equals("song:new")),
                    "its short-term vector is in the short-term index");
            assertTrue(before.nearestNow(nowVector, songs + 1, song -> false).stream().noneMatch(h -> h.id().equals("song:new")));
        }
    }
}
