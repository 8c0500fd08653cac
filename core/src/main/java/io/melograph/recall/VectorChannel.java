package io.melograph.recall;

import io.melograph.graph.GraphConnection;

/** What the vector-index channels share: a name, a description and the search against the index. */
abstract class VectorChannel implements RecallChannel {
    private final String name;
    private final String description;
    final VectorSearch search;

    VectorChannel(GraphConnection graph, String name, String description) {
        this.search = new VectorSearch(graph);
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
