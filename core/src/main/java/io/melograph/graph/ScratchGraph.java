package io.melograph.graph;

import io.melograph.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A throw-away embedded Neo4j (with GDS) in a temporary folder, for offline jobs that need graph algorithms on data
 * that must not touch the real store (the evaluation harness writes one training split into it). Bolt listens on a
 * free loopback port, HTTP is off; the settings are fixed here, never read from the environment, so a configured
 * {@code NEO4J_URI} cannot point it at a real graph. {@link #close()} stops the DBMS and deletes the folder.
 */
public final class ScratchGraph implements AutoCloseable {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private final Path home;
    private final GraphConnection connection;
    /** Deletes the folder if the JVM ends (Ctrl-C) before {@link #close()}. */
    private final Thread cleanup;

    private ScratchGraph(Path home, GraphConnection connection, Thread cleanup) {
        this.home = home;
        this.connection = connection;
        this.cleanup = cleanup;
    }

    public static ScratchGraph start() {
        return start(64);
    }

    /** @param embeddingDimensions size of the song and artist vector indexes (once schema migrations are applied) */
    public static ScratchGraph start(int embeddingDimensions) {
        EmbeddedNeo4j.skipJolAttach();
        Path home;
        try {
            // in memory where the system offers it: the store is thrown away, so its writes need not reach a disk
            home = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                    ? Files.createTempDirectory(SHARED_MEMORY, "melograph-scratch")
                    : Files.createTempDirectory("melograph-scratch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of("MELOGRAPH_HOME", home.toString(), "NEO4J_BOLT_PORT", "0",
                "NEO4J_HTTP_PORT", "0", "NEO4J_PAGECACHE", "64m",
                "MELOGRAPH_EMBEDDING_DIM", Integer.toString(embeddingDimensions));
        Path folder = home;
        Thread cleanup = new Thread(() -> Folders.delete(folder), "scratch-graph-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return new ScratchGraph(home, GraphConnection.openForService(GraphSettings.from(env::get)), cleanup);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            Folders.delete(home);
            throw e;
        }
    }

    /** The temporary MELOGRAPH_HOME: jobs may keep their own files (a journal, models) beside the store. */
    public Path home() {
        return home;
    }

    public GraphConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            Folders.delete(home);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds nothing left to delete
            }
        }
    }
}
