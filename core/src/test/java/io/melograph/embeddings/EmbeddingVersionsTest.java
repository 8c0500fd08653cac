package io.melograph.embeddings;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.SchemaMigrations;
import io.melograph.registry.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph embeddings as registry versions: stored without touching the graph, put on the nodes by promotion and rollback. */
class EmbeddingVersionsTest {
    private static final int DIMENSIONS = 16; // the harness's vector indexes (TestGraph)
    private final GraphConnection graph = TestGraph.connection();
    @TempDir
    Path home;

    @BeforeAll
    static void plugins() {
        TestGraph.withPlugins();
    }

    @BeforeEach
    void scenes() {
        TestGraph.clear();
        TwoScenes.write(graph);
    }

    @AfterEach
    void indexesBackToTheHarnessDimensions() {
        SchemaMigrations.apply(graph, DIMENSIONS);
    }

    @Test
    void promotionPutsAVersionsVectorsOnTheNodesAndRollbackBringsTheOldOnesBack() throws IOException {
        ModelRegistry registry = new ModelRegistry(home);
        EmbeddingVersions.Trained v1 = EmbeddingVersions.train(registry, graph, EventHistory.of(home.resolve("journal")),
                GraphEmbeddings.Options.fastRp(DIMENSIONS, 7), Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals(34, v1.result().written(), "24 songs, 4 artists, 4 albums, 2 listeners");
        assertEquals(0, GraphEmbeddings.counts(graph).get("Song"), "training a version leaves the graph alone");
        EmbeddingVersions.store(registry, v1, Instant.now(), Map.of(), "first");
        EmbeddingVersions.promote(registry, graph, v1.version(), "first", false);
        Map<String, List<Double>> first = vectors();
        assertEquals(24, first.size());
        assertEquals(DIMENSIONS, first.get("a-song-1-1").size());
        assertEquals(Optional.of(v1.version()), GraphEmbeddings.liveVersion(graph));

        // a song added after v1 was trained: v2 knows it; after rolling back to v1 it is folded in from v1's space
        try (Session s = graph.session()) {
            s.run("MATCH (al:Album {id: 'a-album-1'}), (ar:Artist {id: 'a-artist-1'}) "
                    + "CREATE (n:Song {id: 'a-song-new'})-[:ON_ALBUM]->(al), (n)-[:PERFORMED_BY]->(ar)").consume();
        }
        EmbeddingVersions.Trained v2 = EmbeddingVersions.train(registry, graph, EventHistory.of(home.resolve("journal")),
                new GraphEmbeddings.Options(GraphEmbeddings.Algorithm.FASTRP, 8, 11, EmbeddingProfile.catalog(), 2, 0, false),
                Instant.parse("2024-01-02T00:00:00Z"));
        EmbeddingVersions.store(registry, v2, Instant.now(), Map.of(), "second");
        assertEquals(first, vectors(), "a stored version is not served until promoted");
        assertEquals(new EmbeddingVersions.Recipe("fastrp", 8, 11, "catalog"), EmbeddingVersions.recipe(registry, v2.version()));

        GraphEmbeddings.Loaded loaded = EmbeddingVersions.promote(registry, graph, v2.version(), "second", false);
        assertEquals(8, loaded.dimensions());
        Map<String, List<Double>> second = vectors();
        assertEquals(25, second.size());
        assertTrue(second.values().stream().allMatch(v -> v.size() == 8));
        assertEquals(Optional.of(v2.version()), GraphEmbeddings.liveVersion(graph));
        assertFalse(songsNearest("a-song-1-1").isEmpty(), "the vector index was resized to the version's dimensions and serves it");

        EmbeddingVersions.rollback(registry, graph, "back").orElseThrow();
        assertEquals(Optional.of(v1.version()), registry.current(EmbeddingVersions.KIND));
        Map<String, List<Double>> back = vectors();
        List<Double> folded = back.remove("a-song-new");
        assertEquals(first, back, "the old version's vectors exactly");
        assertEquals(DIMENSIONS, folded.size(), "a song the old version does not know is folded in from its space");
        assertNotEquals(second.get("a-song-new"), folded);
        assertFalse(songsNearest("a-song-1-1").isEmpty());
        assertTrue(EmbeddingVersions.rollback(registry, graph, "again").isEmpty(), "nothing before the first version");
        assertThrows(IllegalArgumentException.class, () -> EmbeddingVersions.promote(registry, graph, "no-such-version", "x", false));
    }

    /** Every song's vector by id. */
    private Map<String, List<Double>> vectors() {
        try (Session s = graph.session()) {
            Map<String, List<Double>> out = new HashMap<>();
            s.run("MATCH (n:Song) WHERE n.embedding IS NOT NULL RETURN n.id AS id, n.embedding AS v")
                    .forEachRemaining(r -> out.put(r.get("id").asString(), r.get("v").asList(v -> v.asDouble())));
            return out;
        }
    }

    /** The song index's nearest neighbours of a song (empty when the index cannot serve its vector). */
    private List<String> songsNearest(String id) {
        try (Session s = graph.session()) {
            for (int i = 0; i < 50; i++) { // the index follows the writes as they commit; online after a resize shortly
                try {
                    List<String> ids = s.run("MATCH (q:Song {id: $id}) CALL db.index.vector.queryNodes('song_embedding', 5, q.embedding) "
                            + "YIELD node RETURN node.id AS id", Map.of("id", id)).list(r -> r.get("id").asString());
                    if (!ids.isEmpty()) {
                        return ids;
                    }
                } catch (RuntimeException notOnlineYet) {
                    // retried
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.of();
        }
    }
}
