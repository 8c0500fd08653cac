package io.melograph.eval.replay;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the catalog and the world around it (songs, albums, artists, tags, playlists, videos, MLOGs, listeners'
 * profiles and friendships) from a graph into the replay's scratch graph, leaving out what the event stream made —
 * the aggregated listening and co-listening — and the graph embeddings trained on it: the replay rebuilds both from
 * the events before its cut, so nothing after the cut leaks into the state it evaluates.
 */
final class GraphCopy {
    /** Relationship types the aggregation of events writes. */
    static final List<String> DERIVED = List.of("LISTENED", "CO_LISTENED");
    /** Node properties trained on listening: {@code embedding} (graph embeddings) and the version it comes from. */
    static final List<String> TRAINED = List.of("embedding", "embeddingVersion");
    private static final int BATCH = 5_000;

    record Copied(long nodes, long relationships) {}

    private GraphCopy() {}

    static Copied copy(GraphConnection from, GraphConnection to) {
        Map<String, String> ids = new HashMap<>();
        long relationships = 0;
        try (Session read = from.readSession(); Session write = to.session()) {
            String writeNodes = CypherFile.load("eval/replay-write-nodes.cypher").statement();
            Result nodes = read.run(CypherFile.load("eval/replay-nodes.cypher").statement());
            List<Map<String, Object>> batch = new ArrayList<>();
            while (nodes.hasNext()) {
                Record r = nodes.next();
                Map<String, Object> props = new LinkedHashMap<>(r.get("props").asMap());
                TRAINED.forEach(props::remove);
                batch.add(Map.of("key", r.get("key").asString(), "labels", r.get("labels").asList(), "props", props));
                if (batch.size() == BATCH || !nodes.hasNext()) {
                    List<Map<String, Object>> rows = List.copyOf(batch);
                    write.executeWriteWithoutResult(tx -> tx.run(writeNodes, Map.of("rows", rows))
                            .forEachRemaining(w -> ids.put(w.get("key").asString(), w.get("id").asString())));
                    batch.clear();
                }
            }
            String writeRels = CypherFile.load("eval/replay-write-relationships.cypher").statement();
            Result rels = read.run(CypherFile.load("eval/replay-relationships.cypher").statement(), Map.of("derived", DERIVED));
            while (rels.hasNext()) {
                Record r = rels.next();
                batch.add(Map.of("from", ids.get(r.get("from").asString()), "to", ids.get(r.get("to").asString()),
                        "type", r.get("type").asString(), "props", r.get("props").asMap()));
                if (batch.size() == BATCH || !rels.hasNext()) {
                    List<Map<String, Object>> rows = List.copyOf(batch);
                    relationships += write.executeWrite(tx -> tx.run(writeRels, Map.of("rows", rows)).single().get("written").asLong());
                    batch.clear();
                }
            }
        }
        return new Copied(ids.size(), relationships);
    }
}
