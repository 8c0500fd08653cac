package io.melograph.graph;

import io.melograph.TestGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigrationsTest {

    @Test
    void migrationsAreRecordedAndAppliedOnce() {
        GraphConnection graph = TestGraph.connection();
        int files = SchemaMigrations.available().size();
        assertTrue(files >= 3);
        assertEquals(List.of(), SchemaMigrations.apply(graph, 16), "second run applies nothing");
        try (Session s = graph.session()) {
            assertEquals(files, s.run("MATCH (m:Migration) RETURN count(m)").single().get(0).asInt());
            List<String> constraints = s.run("SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes[0] AS l")
                    .list(r -> r.get("l").asString());
            assertTrue(constraints.containsAll(List.of("Song", "Album", "Artist", "Person", "User", "Playlist")), constraints.toString());
            assertEquals(1, s.run("SHOW FULLTEXT INDEXES YIELD name WHERE name = 'catalog_names' RETURN name").list().size());
        }
    }

    @Test
    void vectorIndexFollowsConfiguredDimension() {
        GraphConnection graph = TestGraph.connection();
        try {
            SchemaMigrations.apply(graph, 24);
            assertEquals(24, dimensions(graph, "song_embedding"));
            assertEquals(24, dimensions(graph, "artist_embedding"));
        } finally {
            SchemaMigrations.apply(graph, 16);
        }
        assertEquals(16, dimensions(graph, "song_embedding"));
        assertEquals(16, dimensions(graph, "artist_embedding"));
    }

    private static long dimensions(GraphConnection graph, String index) {
        try (Session s = graph.session()) {
            return s.run("SHOW VECTOR INDEXES YIELD name, options WHERE name = $index "
                    + "RETURN options.indexConfig.`vector.dimensions` AS d", java.util.Map.of("index", index))
                    .single().get("d").asLong();
        }
    }
}
