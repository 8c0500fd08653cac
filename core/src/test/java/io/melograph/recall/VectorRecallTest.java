package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.embeddings.EmbeddingProfile;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorRecallTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final int DIMENSIONS = 16;
    private static GraphConnection graph;
    private static VectorRecall songs;
    private static SimilarArtists artists;

    @BeforeAll
    static void trained() {
        TestGraph.withPlugins();
        graph = TestGraph.connection();
        TestGraph.clear();
        TwoScenes.write(graph);
        trainOnOneThread(7);
        songs = new VectorRecall(graph);
        artists = new SimilarArtists(graph);
    }

    /** One GDS thread: the same vectors on every run, whichever test ran before. */
    private static void trainOnOneThread(long seed) {
        GraphEmbeddings.train(graph, new GraphEmbeddings.Options(GraphEmbeddings.Algorithm.FASTRP, DIMENSIONS, seed,
                EmbeddingProfile.weighted(), 1, 0, false));
    }

    @Test
    void similarSongsComeFromTheSongsSceneWithReasonAndPathButNeverTheSeed() {
        List<Candidate> found = songs.recall(ListenerContext.ofSong("a-song-1-1", null), 5, BUDGET);
        assertEquals(5, found.size());
        for (Candidate c : found) {
            assertTrue(c.itemId().startsWith("a-song-1-"), found.toString());
            assertEquals("song", c.itemType());
            assertEquals(VectorRecall.NAME, c.channel());
            assertEquals(List.of("a-song-1-1", c.itemId()), c.path());
            assertEquals("Close to *Song a1-1* in the music graph", c.reason());
        }
        assertTrue(found.get(0).score() >= found.get(4).score(), "best first");
        assertEquals(3, songs.recall(ListenerContext.ofSong("a-song-1-1", null), 3, BUDGET).size(), "limit");
        assertEquals(List.of(), songs.recall(ListenerContext.ofSong("a-song-1-1", null), 0, BUDGET));
    }

    @Test
    void aListenersVectorComesFromTheirMostPlayedSongs() {
        ListenerContext listener = new ListenerContext("b-user", List.of(), List.of(), List.of("b-song-2-6"));
        List<Candidate> found = songs.recall(listener, 50, BUDGET);
        assertFalse(found.isEmpty());
        // all 12 of b's songs are seeds (the 50 most played), so nothing of b is left, and b-song-2-6 is excluded anyway
        assertTrue(found.stream().allMatch(c -> c.itemId().startsWith("a-")), found.toString());
        ListenerContext seeded = new ListenerContext("a-user",
                List.of(new ListenerContext.Seed("a-song-1-1", "Song a1-1", 1.0, 12)), List.of(), List.of("a-song-1-2"));
        List<Candidate> fromSeed = songs.recall(seeded, 4, BUDGET);
        assertEquals(4, fromSeed.size());
        assertTrue(fromSeed.stream().noneMatch(c -> c.itemId().equals("a-song-1-1") || c.itemId().equals("a-song-1-2")));
        assertEquals("Sounds like *Song a1-1*, which you played 12 times", fromSeed.get(0).reason());
    }

    @Test
    void similarArtistsAreTheSceneMates() {
        List<Candidate> found = artists.recall(ListenerContext.ofArtist("a-artist-1", null), 1, BUDGET);
        assertEquals(1, found.size());
        assertEquals("a-artist-2", found.get(0).itemId());
        assertEquals("artist", found.get(0).itemType());
        assertEquals(List.of("a-artist-1", "a-artist-2"), found.get(0).path());
        assertEquals("Close to *Artist a1* in the music graph", found.get(0).reason());
        // artist seeds steer the song channel too (one embedding space)
        List<Candidate> fromArtist = songs.recall(ListenerContext.ofArtist("b-artist-2", null), 3, BUDGET);
        assertTrue(fromArtist.stream().allMatch(c -> c.itemId().startsWith("b-song-2-")), fromArtist.toString());
    }

    @Test
    void hostileOrUnknownIdsFindNothing() {
        String hostile = "x' OR 1=1 //";
        assertEquals(List.of(), songs.recall(ListenerContext.ofSong(hostile, hostile), 10, BUDGET));
        assertEquals(List.of(), artists.recall(ListenerContext.ofArtist(hostile, null), 10, BUDGET));
        assertEquals(List.of(), songs.recall(new ListenerContext(hostile, List.of(), List.of(), List.of()), 10, BUDGET));
        assertEquals(List.of(), songs.recall(new ListenerContext(null, List.of(), List.of(), List.of()), 10, BUDGET));
    }

    @Test
    void theBudgetIsEnforced() {
        assertThrows(RecallTimeoutException.class,
                () -> songs.recall(ListenerContext.ofSong("a-song-1-1", null), 10, Duration.ofNanos(1)));
        assertThrows(RecallTimeoutException.class,
                () -> songs.recall(ListenerContext.ofSong("a-song-1-1", null), 10, Duration.ZERO));
        assertEquals(10, songs.recall(ListenerContext.ofSong("a-song-1-1", null), 10, BUDGET).size(), "and it recovers");
    }

    @Test
    void newEmbeddingsAreServedWithoutARestart() {
        try (Session s = graph.session()) {
            s.run("""
                    MATCH (artist:Artist {id: 'a-artist-2'}), (album:Album {id: 'a-album-2'})
                    CREATE (song:Song {id: 'a-song-2-new', name: 'New'})-[:PERFORMED_BY]->(artist),
                           (song)-[:ON_ALBUM]->(album)""").consume();
        }
        ListenerContext seed = ListenerContext.ofSong("a-song-2-1", null);
        assertTrue(songs.recall(seed, 20, BUDGET).stream().noneMatch(c -> c.itemId().equals("a-song-2-new")),
                "no embedding yet");
        GraphEmbeddings.foldIn(graph, EmbeddingProfile.weighted(), DIMENSIONS);
        assertTrue(songs.recall(seed, 20, BUDGET).stream().anyMatch(c -> c.itemId().equals("a-song-2-new")),
                "the same channel object serves the folded-in vector");
        trainOnOneThread(8);
        assertTrue(songs.recall(seed, 20, BUDGET).stream().anyMatch(c -> c.itemId().equals("a-song-2-new")),
                "and the retrained one");
        try (Session s = graph.session()) {
            s.run("MATCH (s:Song {id: 'a-song-2-new'}) DETACH DELETE s").consume();
        }
        // the other tests judge the vectors of @BeforeAll (the CI once ran this test first and they saw seed 8's)
        trainOnOneThread(7);
    }
}
