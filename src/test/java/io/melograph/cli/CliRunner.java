package io.melograph.cli;

import io.melograph.TestGraph;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs commands in-process as a user would, against the test server given as NEO4J_URI (here: -Dneo4j.uri), with
 * stdout and stderr captured. Open it in {@code @BeforeEach}, close it in {@code @AfterEach}.
 */
final class CliRunner implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;

    CliRunner() {
        TestGraph.clear();
        System.setProperty("neo4j.uri", TestGraph.harness().boltURI().toString());
        System.setProperty("neo4j.user", TestGraph.USER);
        System.setProperty("neo4j.password", TestGraph.PASSWORD);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs {@code melograph args...} with fresh output buffers; returns its exit code. */
    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.clearProperty("neo4j.uri");
        System.clearProperty("neo4j.user");
        System.clearProperty("neo4j.password");
    }
}
