package io.melograph.cli;

import io.melograph.TestGraph;

import io.melograph.util.Folders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs commands in-process as a user would, against the test server given as NEO4J_URI (here: -Dneo4j.uri), with
 * stdout and stderr captured, and a fresh MELOGRAPH_HOME (-Dmelograph.home) for commands given no --home, so nothing a
 * test writes (registry versions, journals) is left in the working tree for the next run. Open it in
 * {@code @BeforeEach}, close it in {@code @AfterEach}.
 */
final class CliRunner implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final Path home;

    CliRunner() {
        TestGraph.clear();
        System.setProperty("neo4j.uri", TestGraph.routingUri());
        System.setProperty("neo4j.user", TestGraph.USER);
        System.setProperty("neo4j.password", TestGraph.PASSWORD);
        try {
            home = Files.createTempDirectory("melograph-cli-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("melograph.home", home.toString());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs {@code melograph args...} with fresh output buffers; returns its exit code. */
    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    /**
     * Runs {@code melograph args...} as against a deployment that journals into the Kafka topic {@code topic} at
     * {@code bootstrap}, named as the service names it (-Dmelograph.kafka.bootstrap, -Dmelograph.kafka.topic).
     */
    int runWithKafka(String bootstrap, String topic, String... args) {
        System.setProperty("melograph.kafka.bootstrap", bootstrap);
        System.setProperty("melograph.kafka.topic", topic);
        try {
            return run(args);
        } finally {
            System.clearProperty("melograph.kafka.bootstrap");
            System.clearProperty("melograph.kafka.topic");
        }
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
        System.clearProperty("melograph.home");
        Folders.delete(home);
    }
}
