package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import io.melograph.neighbours.NeighbourStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The neighbour store answers similar songs exactly as the graph does — candidates, scores, sentences, paths — for
 * every song it was built for, and leaves songs added since to the graph.
 */
class NeighbourBuildTest {
    private RecallService recall;
    @TempDir
    Path home;

    @BeforeEach
    void graph() {
        TestGraph.clear();
        TwoScenes.write(TestGraph.connection());
        try (Session s = TestGraph.connection().session()) {
            // one link of each remaining item-level kind: co-listening, a playlist, a band member, a producer
            s.run("""
                    MATCH (a1:Song {id: 'a-song-1-1'}), (a2:Song {id: 'a-song-2-4'}), (b1:Song {id: 'b-song-1-2'}),
                          (art:Artist {id: 'a-artist-1'}), (art2:Artist {id: 'a-artist-2'})
                    CREATE (a1)-[:CO_LISTENED {weight: 5}]->(b1), (a2)-[:CO_LISTENED {weight: 2}]->(a1),
                           (pl:Playlist {id: 'pl-night', name: 'Night drive'}), (pl)-[:CONTAINS {pos: 1}]->(a1),
                           (pl)-[:CONTAINS {pos: 2}]->(b1), (member:Artist {id: 'a-member', name: 'Solo Member'}),
                           (member)-[:MEMBER_OF]->(art), (:Song {id: 'a-solo', name: 'Solo song'})-[:PERFORMED_BY]->(member),
                           (prod:Person {id: 'p-prod', name: 'A Producer'}), (a1)-[:PRODUCED_BY]->(prod), (b1)-[:PRODUCED_BY]->(prod),
                           (:Video {id: 'v-live', name: 'Live video'})-[:FEATURES]->(a1),
                           (:Mlog {id: 'm-clip', name: 'A clip'})-[:USES]->(a2)
                    """).consume();
        }
        TestGraph.withPlugins(); // graph embeddings for the vector channel: its neighbours are stored too
        GraphEmbeddings.train(TestGraph.connection(), GraphEmbeddings.Options.fastRp(16, 7)); // the harness's vector indexes: 16
        recall = new RecallService(TestGraph.connection(), new ListenerProfiles(TestGraph.connection(),
                new ListenerStates(new ItemCatalog(TestGraph.connection()))), Duration.ofSeconds(20), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        recall.close();
    }

    @Test
    void theCatalogInMemoryGivesWhatTheQueriesGive() {
        CatalogParity.assertSameAsQueries(recall.channels());
    }

    @Test
    void aCutOffHubFileIsReportedNotRead() throws IOException {
        Path dir = home.resolve("neighbours");
        NeighbourBuild.run(TestGraph.connection(), recall, dir, 2, null, NeighbourBuild.PER_SONG, List.of("kg-tags"));
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve("kg-tags.bin"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 4);
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class, () -> NeighbourStore.open(dir));
        assertTrue(e.getMessage().contains("kg-tags.bin") && e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void storedListsAnswerSimilarSongsAsTheGraphDoes() throws IOException {
        List<String> songs = List.of("a-song-1-1", "a-song-2-4", "b-song-1-2", "a-solo");
        Map<String, List<String>> live = new java.util.LinkedHashMap<>();
        for (String song : songs) {
            live.put(song, answer(song));
        }
        assertTrue(live.get("a-song-1-1").stream().anyMatch(line -> line.contains("vector=")), "the vector channel answers too");
        Path dir = home.resolve("neighbours");
        NeighbourBuild.Result built = NeighbourBuild.run(TestGraph.connection(), recall, dir, 2,
                GraphEmbeddings.liveVersion(TestGraph.connection()).orElse(null));
        assertEquals(List.of("kg-same-artist", "kg-same-album", "kg-band-members", "kg-same-writer", "kg-tags", "kg-artist-tags",
                "kg-co-listened", "kg-friends", "kg-videos", "kg-watched-songs", "kg-playlists", "vector", "pl-with-your-songs"),
                built.channels(), "the channels answering from one seed alone (friends: from the listener); of the playlist "
                        + "scene's, the one that sums over seed songs");
        assertEquals(25, built.songs(), "24 songs of the two scenes and the member's solo song");
        assertTrue(built.neighbours() > 0 && built.bytes() > 0);
        assertEquals(0, built.timeouts());

        // hub channels keep each hub's songs once: a tag's songs are not copied into every tagged song's list
        long tagsFile = java.nio.file.Files.size(dir.resolve("kg-tags.bin"));
        long listsFile = java.nio.file.Files.size(dir.resolve("kg-co-listened.bin"));
        assertTrue(tagsFile > 0 && listsFile > 0);
        NeighbourStore store = NeighbourStore.open(dir);
        // a one-artist song reads its artist's vias (kept once), itself left out
        List<String> artistList = store.neighbours("kg-same-artist", "a-artist-1").orElseThrow().stream().map(n -> n.id()).toList();
        List<String> songList = store.neighbours("kg-same-artist", "a-song-1-1").orElseThrow().stream().map(n -> n.id()).toList();
        assertTrue(artistList.contains("a-song-1-1") && !songList.contains("a-song-1-1"), artistList + " / " + songList);
        assertEquals(artistList.stream().filter(id -> !id.equals("a-song-1-1")).toList(), songList);

        recall.useNeighbours(store);
        for (String song : songs) {
            RecallService.Answer a = recall.similarSongs(song, 20).orElseThrow();
            assertEquals(RecallService.STORED, a.result().status().get("kg-same-album"), song);
            assertEquals(RecallService.STORED, a.result().status().get("vector"), song);
            assertEquals(live.get(song), lines(a), "the same answer from the store for " + song);
        }
        // graph embeddings promoted since the build: the vector channel asks the index again, the graph channels stay stored
        try (Session s = TestGraph.connection().session()) {
            s.run("MATCH (n:Song) SET n.embeddingVersion = 'promoted-since'").consume();
        }
        try (NeighbourWatch watch = NeighbourWatch.start(recall, dir, () -> GraphEmbeddings.liveVersion(TestGraph.connection()),
                Duration.ofMinutes(1))) {
            RecallService.Answer a = recall.similarSongs("a-song-1-1", 20).orElseThrow();
            assertEquals("ok", a.result().status().get("vector"));
            assertEquals(RecallService.STORED, a.result().status().get("kg-same-album"));
        }
        // a song the store does not know yet is answered from the graph
        try (Session s = TestGraph.connection().session()) {
            s.run("MATCH (al:Album {id: 'a-album-1'}) CREATE (:Song {id: 'a-new', name: 'New song'})-[:ON_ALBUM]->(al)").consume();
        }
        RecallService.Answer fresh = recall.similarSongs("a-new", 20).orElseThrow();
        assertEquals("ok", fresh.result().status().get("kg-same-album"));
        assertFalse(fresh.merged(20).isEmpty());
    }

    /**
     * A listener answered by merging their seeds' stored lists gets what the graph queries give: the same candidates,
     * scores, sentences and paths in every channel that sums over seeds; the listener's artist seed is asked of the
     * graph. Heard songs are left out before each list is cut, on both paths.
     */
    @Test
    void aListenerIsAnsweredFromTheStoreAsFromTheGraph() throws IOException {
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    MATCH (a1:Song {id: 'a-song-1-1'}), (a2:Song {id: 'a-song-2-4'}), (b1:Song {id: 'b-song-1-2'}), (art:Artist {id: 'b-artist-2'})
                    CREATE (u:User {id: 'u-mix', name: 'Mix'}), (u)-[:LISTENED {plays: 9, completes: 4, likes: 1}]->(a1),
                           (u)-[:LISTENED {plays: 2, completes: 1}]->(a2), (u)-[:LISTENED {plays: 1, skips: 3}]->(b1),
                           (u)-[:LISTENED {plays: 12}]->(art),
                           (u)-[:CREATED]->(:Playlist {id: 'pl-mine', name: 'Mine'})-[:CONTAINS {pos: 1}]->(a1)
                    """).consume();
        }
        ListenerProfile profile = recall.profiles().of("u-mix").orElseThrow();
        assertEquals(List.of("a-song-1-1", "a-song-2-4"), profile.songs().stream().map(ListenerContext.Seed::id).toList(),
                "strongest first; b-song-1-2, skipped more than played, is no seed");
        assertEquals(List.of("b-artist-2"), profile.artists().stream().map(ListenerContext.Seed::id).toList());
        ListenerContext heard = profile.context().excluding(profile.heard().keySet());
        // and two watched videos, as a live session gives them
        ListenerContext context = new ListenerContext(heard.userId(), heard.songs(), heard.artists(), heard.exclude(),
                List.of(new ListenerContext.Seed("v-live", "Live video", 1.0, 0), new ListenerContext.Seed("m-clip", "A clip", 0.5, 0)));
        List<String> names = List.of("kg-same-artist", "kg-same-album", "kg-band-members", "kg-same-writer", "kg-tags",
                "kg-co-listened", "kg-playlists", "kg-videos", "kg-watched-songs", "kg-artist-tags", "pl-with-your-songs");
        RecallRunner.Result graph = recall.run(names, context, 20, n -> Duration.ofSeconds(20));
        NeighbourBuild.run(TestGraph.connection(), recall, home.resolve("neighbours"), 2, null);
        recall.useNeighbours(NeighbourStore.open(home.resolve("neighbours")));
        RecallRunner.Result stored = recall.run(names, context, 20, n -> Duration.ofSeconds(20));
        for (String channel : names) {
            assertEquals("ok", graph.status().get(channel), channel);
            assertEquals(RecallService.STORED, stored.status().get(channel), channel);
            assertEquals(lines(graph.candidates().get(channel)), lines(stored.candidates().get(channel)), channel);
            assertTrue(stored.candidates().get(channel).stream().noneMatch(c -> profile.heard().containsKey(c.itemId())), channel);
        }
        assertTrue(lines(stored.candidates().get("kg-same-artist")).stream().anyMatch(l -> l.contains("b-song-2-")),
                "the artist seed's songs, from the artist's stored list");
        assertTrue(recall.neighbours().orElseThrow().neighbours("kg-same-artist", "b-artist-2").isPresent(), "artists have lists");
        assertFalse(stored.candidates().get("kg-same-album").isEmpty());
        assertEquals(List.of("m-clip", "v-live"), stored.candidates().get("kg-videos").stream().map(Candidate::itemId).sorted().toList(),
                "the videos and MLOGs of the seed songs, from the store");
        assertEquals(List.of("pl-night"), stored.candidates().get("pl-with-your-songs").stream().map(Candidate::itemId).toList(),
                "playlists holding the seed songs, from the store; not the listener's own");
    }

    private static List<String> lines(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.itemId() + " " + String.format(java.util.Locale.ROOT, "%.6f", c.score()) + " "
                + c.reason() + " " + c.path()).toList();
    }

    @Test
    void theWatchSwapsARebuiltStoreIn() throws Exception {
        Path dir = home.resolve("neighbours");
        try (NeighbourWatch watch = NeighbourWatch.start(recall, dir, Optional::empty, Duration.ofMillis(100))) {
            assertTrue(recall.neighbours().isEmpty(), "no store yet: the graph answers");
            write(dir, java.time.Instant.ofEpochMilli(1));
            awaitBuiltAt(java.time.Instant.ofEpochMilli(1));
            Thread.sleep(1100); // file times may be in whole seconds
            write(dir, java.time.Instant.ofEpochMilli(2));
            awaitBuiltAt(java.time.Instant.ofEpochMilli(2));
        }
    }

    private static void write(Path dir, java.time.Instant at) throws IOException {
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(dir, List.of("kg-same-album"))) {
            w.add("a-song-1-1", "Song a1-1", Map.of("kg-same-album", List.of()));
            w.commit(at, null);
        }
    }

    private void awaitBuiltAt(java.time.Instant at) throws InterruptedException {
        for (int i = 0; i < 100 && !recall.neighbours().map(NeighbourStore::builtAt).filter(at::equals).isPresent(); i++) {
            Thread.sleep(50);
        }
        assertEquals(at, recall.neighbours().orElseThrow().builtAt());
    }

    /** Similar songs from the graph only, one line per fused item: id, channels with score and sentence, path. */
    private List<String> answer(String song) {
        return lines(recall.similarSongs(song, 20).orElseThrow());
    }

    private static List<String> lines(RecallService.Answer a) {
        return a.merged(20).stream().map(f -> f.itemId() + " " + f.parts().stream()
                .map(p -> p.channel() + "=" + String.format(java.util.Locale.ROOT, "%.6f", p.contribution()) + " " + p.reason() + " " + p.path())
                .toList()).toList();
    }
}
