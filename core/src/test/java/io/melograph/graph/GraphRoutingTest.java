package io.melograph.graph;

import io.melograph.TestGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster configuration against one server: a routing driver ({@code neo4j://}), a named database, reads in read
 * transactions (which a cluster may send to any member, so they must not write), writes through the leader.
 */
class GraphRoutingTest {

    @AfterEach
    void clear() {
        TestGraph.clear();
    }

    @Test
    void readsAndWritesGoThroughTheRoutingTableToTheNamedDatabase() {
        GraphSettings settings = TestGraph.settings().withDatabase("neo4j");
        assertTrue(settings.uri().startsWith("neo4j://"), settings.uri());
        try (GraphConnection graph = GraphConnection.open(settings)) {
            graph.write(tx -> tx.run("CREATE (:Song {id: $id})", Map.of("id", "routing:song")).consume());
            // the read after this process's own write sees it (one bookmark manager for every session)
            assertEquals(1L, (long) graph.read(tx -> tx.run("MATCH (s:Song {id: $id}) RETURN count(s) AS n", Map.of("id", "routing:song"))
                    .single().get("n").asLong()));
            try (Session s = graph.readSession()) {
                assertEquals("neo4j", s.run("CALL db.info() YIELD name RETURN name").single().get("name").asString());
            }
        }
    }

    @Test
    void aWriteInAReadIsRefusedAsAClusterMemberThatOnlyReadsWould() {
        GraphConnection graph = TestGraph.connection();
        ClientException e = assertThrows(ClientException.class,
                () -> graph.read(tx -> tx.run("CREATE (:Song {id: 'routing:written-in-a-read'})").consume()));
        assertTrue(e.getMessage().contains("read"), e.getMessage());
        try (Session s = graph.readSession()) {
            assertThrows(ClientException.class, () -> s.run("CREATE (:Song {id: 'routing:written-in-a-read'})").consume());
        }
        assertEquals(0L, (long) graph.read(tx -> tx.run("MATCH (s:Song {id: 'routing:written-in-a-read'}) RETURN count(s) AS n")
                .single().get("n").asLong()));
    }

    @Test
    void anUnknownDatabaseIsNamedAtConnect() {
        GraphUnavailableException e = assertThrows(GraphUnavailableException.class,
                () -> GraphConnection.open(TestGraph.settings().withDatabase("no-such-music")));
        assertTrue(e.getMessage().contains("'no-such-music'") && e.getMessage().contains("NEO4J_DATABASE"), e.getMessage());
    }
}
