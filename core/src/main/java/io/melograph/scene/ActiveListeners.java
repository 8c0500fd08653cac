package io.melograph.scene;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;

import java.util.List;
import java.util.Map;

/** The most active listeners by plays (from the aggregated LISTENED edges): who the listener console suggests. */
public final class ActiveListeners {
    /** Listeners with the most songs looked at per listener asked for: plays are summed for these only. */
    private static final int CANDIDATES_PER_RESULT = 10;

    /** @param simulated true for the demo community's simulated listeners */
    public record Listener(String id, String name, long plays, long songs, boolean simulated) {}

    private final GraphConnection graph;
    private final String cypher = CypherFile.load("scene/active-listeners.cypher").statement();

    public ActiveListeners(GraphConnection graph) {
        this.graph = graph;
    }

    public List<Listener> top(int limit) {
        return graph.read(tx -> tx.run(cypher, Map.of("limit", limit, "candidates", Math.max(200, limit * CANDIDATES_PER_RESULT)))
                .list(r -> new Listener(r.get("id").asString(), r.get("name").asString(), r.get("plays").asLong(),
                        r.get("songs").asLong(), r.get("simulated").asBoolean())));
    }
}
