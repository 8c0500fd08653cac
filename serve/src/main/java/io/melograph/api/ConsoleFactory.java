package io.melograph.api;

import io.melograph.graph.GraphConnection;
import io.melograph.recall.NodeNames;
import io.melograph.scene.ActiveListeners;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires what the listener console reads besides the scenes. */
@Factory
final class ConsoleFactory {

    @Singleton
    ActiveListeners activeListeners(GraphConnection graph) {
        return new ActiveListeners(graph);
    }

    @Singleton
    NodeNames nodeNames(GraphConnection graph) {
        return new NodeNames(graph);
    }
}
