package io.melograph.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as a user runs them, against the test server given as NEO4J_URI (here: -Dneo4j.uri). */
class CliTest {
    private CliRunner cli;

    @BeforeEach
    void pointAtTestServer() {
        cli = new CliRunner();
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> cmd : List.of(List.of("--help"), List.of("serve", "--help"), List.of("import", "--help"),
                List.of("import", "csv", "--help"), List.of("import", "rdf", "--help"), List.of("import", "sample", "--help"), List.of("import", "lastfm-hetrec", "--help"),
                List.of("stats", "--help"), List.of("import", "listens", "--help"), List.of("simulate", "--help"))) {
            assertEquals(0, cli.run(cmd.toArray(String[]::new)), cmd.toString());
            assertTrue(stdout().contains("Usage: melograph"), cmd + ": " + stdout());
        }
        assertTrue(stdout().contains("--home"));
    }

    @Test
    void evalHelpListsTheRegisteredModelsWithoutWarnings() {
        assertEquals(0, cli.run("eval", "--help"));
        assertTrue(stdout().contains("per-user 20% hold-out"), stdout());
        assertTrue(stdout().contains("Models (--models): ") && stdout().contains("itemknn"), stdout());
        assertTrue(stderr().isBlank(), "no picocli warning: " + stderr());
    }

    @Test
    void importThenStats() {
        assertEquals(0, cli.run("import", "csv", "import/examples/csv"), stderr());
        assertTrue(stdout().contains("Imported"), stdout());
        assertEquals(0, cli.run("stats"));
        String json = stdout();
        assertTrue(json.contains("\"Song\": 4"), json);
        assertTrue(json.contains("\"CONTAINS\": 3"), json);
    }

    /** The demo's catalog by hand: the sample with the genres and tags its first start adds, into an empty graph only. */
    @Test
    void importSampleAddsTheDemosGenresAndTagsOnlyIntoAnEmptyGraph() {
        assertEquals(0, cli.run("import", "sample"), stderr());
        assertTrue(stdout().contains("Imported music.ttl.gz"), stdout());
        assertEquals(0, cli.run("stats"));
        String json = stdout();
        assertTrue(json.contains("\"Song\": 3749"), json);
        for (String counted : List.of("Genre", "HAS_GENRE", "Tag", "TAGGED")) {
            assertTrue(json.matches("(?s).*\"" + counted + "\": [1-9].*"), counted + " in " + json);
        }
        assertEquals(1, cli.run("import", "sample"));
        assertTrue(stderr().contains("the graph has songs already"), stderr());
    }

    @Test
    void invalidInputExitsWithTwoAndListsProblems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("songs.csv"), "id,name,durationSec\ns1,One,long\n");
        assertEquals(2, cli.run("import", "csv", "--json", dir.toString()));
        assertTrue(stderr().contains("songs.csv:2: durationSec: expected an integer, got \"long\""), stderr());
        assertTrue(stdout().contains("\"outcome\": \"INVALID\""), stdout());
        assertEquals(2, cli.run("import", "csv", "--no-such-option", dir.toString()), "bad usage is invalid input too");
    }

    @Test
    void anUnknownDeepRankerOrObjectiveIsBadUsage() {
        for (String[] cmd : List.of(new String[] {"tune", "scenes", "--cut", "2024-01-22T00:00:00Z", "--ranker", "gbdt"},
                new String[] {"eval", "replay", "--cut", "2024-01-22T00:00:00Z", "--ranker", "gbdt"})) {
            assertEquals(2, cli.run(cmd), String.join(" ", cmd));
            assertTrue(stderr().contains("--ranker: one of [dnn, din, dien, session, din-esmm], not 'gbdt'"), stderr());
        }
        assertEquals(2, cli.run("tune", "scenes", "--cut", "2024-01-22T00:00:00Z", "--objective", "skips"));
        assertTrue(stderr().contains("objective: one of ndcg@10, complete.ndcg@10, like.ndcg@10, net.ndcg@10, not 'skips'"), stderr());
    }

    @Test
    void aSplitRoleWithoutASharedLogOrAnUnknownRoleStopsBeforeStarting() {
        try {
            // the test server is external (NEO4J_URI), but the events would stay in this process's file journal
            assertEquals(1, cli.run("serve", "--role", "worker"));
            assertTrue(stderr().contains("error: melograph.role=worker shares the events with other processes: set MELOGRAPH_KAFKA_BOOTSTRAP"), stderr());
            assertEquals(1, cli.run("serve", "--role", "cook"));
            assertTrue(stderr().contains("error: melograph.role must be one of all, serve, worker, not 'cook'"), stderr());
        } finally {
            System.clearProperty("melograph.role");
        }
    }

    @Test
    void anUnreachableServerIsAnOtherError() {
        System.setProperty("neo4j.uri", "bolt://127.0.0.1:1");
        assertEquals(1, cli.run("stats"));
        assertTrue(stderr().contains("error: cannot reach Neo4j at bolt://127.0.0.1:1"), stderr());
    }
}
