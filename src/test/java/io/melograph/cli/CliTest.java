package io.melograph.cli;

import io.melograph.TestGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as a user runs them, against the test server given as NEO4J_URI (here: -Dneo4j.uri). */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void pointAtTestServer() {
        TestGraph.clear();
        System.setProperty("neo4j.uri", TestGraph.harness().boltURI().toString());
        System.setProperty("neo4j.user", TestGraph.USER);
        System.setProperty("neo4j.password", TestGraph.PASSWORD);
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.clearProperty("neo4j.uri");
        System.clearProperty("neo4j.user");
        System.clearProperty("neo4j.password");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> cmd : List.of(List.of("--help"), List.of("serve", "--help"), List.of("import", "--help"),
                List.of("import", "csv", "--help"), List.of("import", "rdf", "--help"), List.of("import", "lastfm-hetrec", "--help"),
                List.of("stats", "--help"))) {
            out.reset();
            assertEquals(0, Main.run(cmd.toArray(String[]::new)), cmd.toString());
            assertTrue(stdout().contains("Usage: melograph"), cmd + ": " + stdout());
        }
        assertTrue(stdout().contains("--home"));
    }

    @Test
    void importThenStats() {
        assertEquals(0, Main.run("import", "csv", "import/examples/csv"), stderr());
        assertTrue(stdout().contains("Imported"), stdout());
        out.reset();
        assertEquals(0, Main.run("stats"));
        String json = stdout();
        assertTrue(json.contains("\"Song\": 4"), json);
        assertTrue(json.contains("\"CONTAINS\": 3"), json);
    }

    @Test
    void invalidInputExitsWithTwoAndListsProblems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("songs.csv"), "id,name,durationSec\ns1,One,long\n");
        assertEquals(2, Main.run("import", "csv", "--json", dir.toString()));
        assertTrue(stderr().contains("songs.csv:2: durationSec: expected an integer, got \"long\""), stderr());
        assertTrue(stdout().contains("\"outcome\": \"INVALID\""), stdout());
        assertEquals(2, Main.run("import", "csv", "--no-such-option", dir.toString()), "bad usage is invalid input too");
    }

    @Test
    void anUnreachableServerIsAnOtherError() {
        System.setProperty("neo4j.uri", "bolt://127.0.0.1:1");
        assertEquals(1, Main.run("stats"));
        assertTrue(stderr().contains("error: cannot reach Neo4j at bolt://127.0.0.1:1"), stderr());
    }
}
