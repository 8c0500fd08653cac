package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names and labels of graph nodes by id, so a recommendation's path (node ids) can be shown to people. */
public final class NodeNames {
    /**
     * An id on nodes of two labels (a band imported both as Artist and as Person) is named by the first label here:
     * what a listener would call it.
     */
    private static final List<String> PREFERRED = List.of("Song", "Artist", "Video", "Mlog", "Album", "Playlist", "Genre",
            "Tag", "Person", "User");

    public record Node(String id, String name, String label) {}

    private final GraphConnection graph;
    private final String cypher = CypherFile.load("recall/item-names.cypher").statement();

    public NodeNames(GraphConnection graph) {
        this.graph = graph;
    }

    /** One node an id found, in the order of the ids asked for; ids matching nothing are left out. */
    public List<Node> of(List<String> ids) {
        List<Node> found = new ArrayList<>();
        graph.read(tx -> tx.run(cypher, Map.of("ids", ids)).list()).forEach(r ->
                found.add(new Node(r.get("id").asString(), r.get("name").asString(), r.get("label").asString())));
        found.sort(Comparator.comparingInt((Node n) -> ids.indexOf(n.id())).thenComparingInt(n -> PREFERRED.indexOf(n.label())));
        Map<String, Node> first = new LinkedHashMap<>();
        found.forEach(n -> first.putIfAbsent(n.id(), n));
        return List.copyOf(first.values());
    }
}
