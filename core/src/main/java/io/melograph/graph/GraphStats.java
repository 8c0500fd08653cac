package io.melograph.graph;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts per label and per relationship type, from Neo4j's count store. */
public final class GraphStats {
    private GraphStats() {}

    public record Counts(Map<String, Long> nodes, Map<String, Long> relationships) {
        public long node(String label) {
            return nodes.getOrDefault(label, 0L);
        }

        public long relationship(String type) {
            return relationships.getOrDefault(type, 0L);
        }
    }

    public static Counts count(GraphConnection graph) {
        return graph.read(tx -> {
            Map<String, Long> nodes = new TreeMap<>();
            // label and type names come from the database itself, never from a request
            List<String> labels = tx.run("CALL db.labels() YIELD label RETURN label").list(r -> r.get(0).asString());
            for (String label : labels) {
                nodes.put(label, tx.run("MATCH (n:" + quote(label) + ") RETURN count(n)").single().get(0).asLong());
            }
            Map<String, Long> rels = new TreeMap<>();
            List<String> types = tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")
                    .list(r -> r.get(0).asString());
            for (String type : types) {
                rels.put(type, tx.run("MATCH ()-[r:" + quote(type) + "]->() RETURN count(r)").single().get(0).asLong());
            }
            nodes.values().removeIf(c -> c == 0);
            rels.values().removeIf(c -> c == 0);
            return new Counts(new LinkedHashMap<>(nodes), new LinkedHashMap<>(rels));
        });
    }

    /** Backtick-quotes a label or type name for Cypher. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
