package io.melograph.embeddings;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphEmbeddingsTest {
    private static final int DIMENSIONS = 16; // the harness's vector indexes (TestGraph)
    private final GraphConnection graph = TestGraph.connection();

    @BeforeAll
    static void plugins() {
        TestGraph.withPlugins();
    }

    @BeforeEach
    void scenes() {
        TestGraph.clear();
        TwoScenes.write(graph);
    }

    @Test
    void fastRpWritesSeededVectorsOfTheConfiguredDimension() {
        GraphEmbeddings.Result r = GraphEmbeddings.train(graph, GraphEmbeddings.Options.fastRp(DIMENSIONS, 7));
        // 24 songs, 4 artists, 4 albums, 2 users (writers and tags are projected but keep no vector)
        assertEquals(34, r.written());
        assertEquals(Map.of("Song", 24L, "Artist", 4L, "Album", 4L, "User", 2L), Map.of("Song", r.embedded().get("Song"),
                "Artist", r.embedded().get("Artist"), "Album", r.embedded().get("Album"), "User", r.embedded().get("User")));
        List<Double> first = vector("a-song-1-1");
        assertEquals(DIMENSIONS, first.size());
        try (Session s = graph.session()) {
            assertEquals(0, s.run("MATCH (n) WHERE n:Person OR n:Tag RETURN count(n.embedding) AS c").single().get("c").asLong());
        }
        GraphEmbeddings.train(graph, GraphEmbeddings.Options.fastRp(DIMENSIONS, 7));
        assertEquals(first, vector("a-song-1-1"), "same seed, same graph: same vectors");
    }

    @Test
    void theVectorIndexFindsASongsOwnSceneFirst() {
        GraphEmbeddings.train(graph, GraphEmbeddings.Options.fastRp(DIMENSIONS, 7));
        try (Session s = graph.session()) {
            List<String> nearest = s.run("""
                    MATCH (q:Song {id: 'a-song-1-1'})
                    CALL db.index.vector.queryNodes('song_embedding', 22, q.embedding) YIELD node
                    WHERE node <> q
                    RETURN node.id AS id ORDER BY vector.similarity.cosine(q.embedding, node.embedding) DESC LIMIT 11
                    """).list(r -> r.get("id").asString());
            assertEquals(11, nearest.size());
            assertTrue(nearest.stream().allMatch(id -> id.startsWith("a-")), nearest.toString());
            assertTrue(nearest.subList(0, 5).stream().allMatch(id -> id.startsWith("a-song-1-")),
                    "the same artist's songs come first: " + nearest);
        }
    }

    @Test
    void node2vecOtherProfilesAndIndexRebuildsWorkToo() {
        GraphEmbeddings.Result n2v = GraphEmbeddings.train(graph, new GraphEmbeddings.Options(
                GraphEmbeddings.Algorithm.NODE2VEC, DIMENSIONS, 7, EmbeddingProfile.unweighted(), 1, 0, false));
        assertEquals(34, n2v.written());
        assertEquals(DIMENSIONS, vector("b-song-2-2").size());
        // catalog only: users have no catalog relationship, so their old vectors go
        GraphEmbeddings.Result catalog = GraphEmbeddings.train(graph, new GraphEmbeddings.Options(
                GraphEmbeddings.Algorithm.FASTRP, DIMENSIONS, 7, EmbeddingProfile.catalog(), 2, 0, true));
        assertEquals(2, catalog.removed());
        assertEquals(0L, catalog.embedded().get("User"));
        try (Session s = graph.session()) {
            assertEquals(2, s.run("SHOW VECTOR INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN count(*) AS n")
                    .single().get("n").asInt(), "rebuilt and online again");
        }
    }

    @Test
    void foldInGivesNewSongsAVectorNearTheirNeighbours() {
        GraphEmbeddings.train(graph, GraphEmbeddings.Options.fastRp(DIMENSIONS, 7));
        try (Session s = graph.session()) {
            s.run("""
                    MATCH (artist:Artist {id: 'b-artist-2'}), (album:Album {id: 'b-album-2'})
                    CREATE (:Song {id: 'b-song-new', name: 'New'})-[:PERFORMED_BY]->(artist),
                           (:Song {id: 'b-song-lonely', name: 'Lonely'}),
                           (album)<-[:ON_ALBUM]-(:Song {id: 'b-song-new-2'})""").consume();
        }
        GraphEmbeddings.FoldIn f = GraphEmbeddings.foldIn(graph, EmbeddingProfile.weighted(), DIMENSIONS);
        assertEquals(2, f.added());
        assertEquals(1L, f.missing().get("Song"), "a song with no embedded neighbour stays without");
        assertEquals(DIMENSIONS, vector("b-song-new").size());
        try (Session s = graph.session()) {
            // exact cosine: the (quantised) index is not what this test is about
            String nearest = s.run("""
                    MATCH (q:Song {id: 'b-song-new'}), (o:Song)
                    WHERE o.embedding IS NOT NULL AND NOT o.id STARTS WITH 'b-song-new'
                    RETURN o.id AS id ORDER BY vector.similarity.cosine(q.embedding, o.embedding) DESC LIMIT 1""")
                    .single().get("id").asString();
            assertTrue(nearest.startsWith("b-song-2-"), nearest);
        }
    }

    @Test
    void qualityProxyRewardsNeighboursOfTheSameArtist() {
        GraphEmbeddings.train(graph, GraphEmbeddings.Options.fastRp(DIMENSIONS, 7));
        EmbeddingQuality.Report q = EmbeddingQuality.measure(graph, 24, 5, 1, 0);
        EmbeddingQuality.Proxy artist = q.proxies().get(0);
        assertEquals("same artist", artist.name());
        assertEquals(24, artist.queries());
        assertTrue(artist.hitRate() > 0.9 && artist.random() < 0.3, artist.toString());
        assertTrue(q.format().contains("same artist"), q.format());
    }

    private List<Double> vector(String songId) {
        try (Session s = graph.session()) {
            return s.run("MATCH (s:Song {id: $id}) RETURN s.embedding AS v", Map.of("id", songId)).single().get("v")
                    .asList(Value::asDouble);
        }
    }
}
