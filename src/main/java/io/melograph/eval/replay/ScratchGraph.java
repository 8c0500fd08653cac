package io.melograph.eval.replay;

import io.melograph.graph.FreePort;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.SchemaMigrations;
import io.melograph.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The replay's scratch home: a temporary MELOGRAPH_HOME with an embedded Neo4j of its own (Bolt on a free loopback
 * port, no Browser), its own journal, Daily store and models; deleted on close.
 */
final class ScratchGraph implements AutoCloseable {
    final Path home;
    final GraphSettings settings;
    final GraphConnection graph;

    private ScratchGraph(Path home, GraphSettings settings, GraphConnection graph) {
        this.home = home;
        this.settings = settings;
        this.graph = graph;
    }

    static ScratchGraph start(int embeddingDimensions) {
        Path home;
        try {
            home = Files.createTempDirectory("melograph-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the replay's scratch home", e);
        }
        GraphSettings settings = new GraphSettings(home, null, "neo4j", null, FreePort.find(), 0, embeddingDimensions,
                "256m", "http://localhost:0");
        try {
            GraphConnection graph = GraphConnection.openForService(settings);
            SchemaMigrations.apply(graph, embeddingDimensions);
            return new ScratchGraph(home, settings, graph);
        } catch (RuntimeException e) {
            Folders.delete(home);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            graph.close();
        } finally {
            Folders.delete(home);
        }
    }
}
