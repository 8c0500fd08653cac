package io.melograph.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedNeo4jTest {

    @Test
    void embeddedNeo4jServesBoltBrowserGdsAndApocAndStopsFast(@TempDir Path home) throws Exception {
        GraphSettings settings = GraphSettings.from(k -> null).withHome(home).withPorts(0, FreePort.find());
        GraphConnection graph = GraphConnection.openForService(settings);
        try {
            assertTrue(graph.embedded().isPresent());
            try (Session s = graph.session()) {
                assertEquals(1, s.run("RETURN 1 AS one").single().get("one").asInt());
                assertFalse(s.run("RETURN gds.version() AS v").single().get("v").asString().isEmpty());
                assertFalse(s.run("RETURN apoc.version() AS v").single().get("v").asString().isEmpty());
            }
            URI browser = graph.embedded().get().browserUri();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(browser).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Neo4j Browser"), "the Browser UI is served");

            // a second process on the same home goes through the first one's Bolt port (the run file)
            assertTrue(Files.exists(home.resolve("neo4j.run")));
        } finally {
            long started = System.nanoTime();
            graph.close();
            long millis = (System.nanoTime() - started) / 1_000_000;
            // a guard against a hanging shutdown, not a timing target (2 cores shared with other builds take seconds)
            assertTrue(millis < 10_000, "shutdown took " + millis + " ms");
        }
        assertFalse(Files.exists(home.resolve("neo4j.run")), "the run file goes with the DBMS");
    }

    @Test
    void aLockedStoreGivesAClearMessage(@TempDir Path home) throws IOException {
        GraphSettings settings = GraphSettings.from(k -> null).withHome(home).withPorts(0, 0);
        try (GraphConnection first = GraphConnection.openForService(settings)) {
            Files.delete(home.resolve("neo4j.run"));
            GraphUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(GraphUnavailableException.class,
                    () -> GraphConnection.openForService(settings));
            assertTrue(e.getMessage().contains("is another Melograph using this MELOGRAPH_HOME?"), e.getMessage());
        }
    }

    @Test
    void aPasswordChangedInBrowserIsSetBackToTheHomesAtTheNextStart(@TempDir Path home) {
        GraphSettings settings = GraphSettings.from(k -> null).withHome(home).withPorts(0, 0);
        String stored;
        try (GraphConnection graph = GraphConnection.openForService(settings)) {
            stored = EmbeddedPassword.read(home).orElseThrow();
            try (Session s = graph.driver().session(org.neo4j.driver.SessionConfig.forDatabase("system"))) {
                s.run("ALTER CURRENT USER SET PASSWORD FROM $old TO 'changed-in-browser'", java.util.Map.of("old", stored)).consume();
            }
        }
        // the second start does not set the password unless it is refused: here it is, and the file's wins
        try (GraphConnection graph = GraphConnection.openForService(settings); Session s = graph.session()) {
            assertEquals(1, s.run("RETURN 1 AS one").single().get("one").asInt());
            assertEquals(stored, EmbeddedPassword.read(home).orElseThrow(), "the home keeps its password");
        }
    }
}
