package io.melograph.sim;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the simulated world into the graph before its events flow: listeners and their friendships, playlists,
 * videos and MLOGs, every node labelled {@code Synthetic}. Idempotent (MERGE by id), so a re-run changes nothing.
 */
public final class WorldWriter {
    private static final int BATCH = 2_000;

    private WorldWriter() {}

    /** Writes the world of {@code sim}; returns the number of nodes written per kind. */
    public static Map<String, Integer> write(GraphConnection graph, ListenerSimulator sim) {
        List<Map<String, Object>> follows = new ArrayList<>();
        for (SimUser u : sim.users()) {
            for (String f : u.friends()) {
                follows.add(Map.of("from", u.id(), "to", f));
            }
        }
        write(graph, "sim/world-users.cypher", sim.users(), u -> Map.of("id", u.id(), "name", u.name(), "country", u.country()));
        write(graph, "sim/world-follows.cypher", follows, f -> f);
        write(graph, "sim/world-playlists.cypher", sim.playlists(),
                p -> Map.of("id", p.id(), "name", p.name(), "creator", p.creatorUserId(), "songs", p.songIds()));
        write(graph, "sim/world-videos.cypher", sim.videos(), v -> Map.of("id", v.id(), "name", v.name(), "songs", v.songIds()));
        write(graph, "sim/world-mlogs.cypher", sim.mlogs(),
                m -> Map.of("id", m.id(), "name", m.name(), "creator", m.creatorUserId(), "songs", m.songIds()));
        return Map.of("users", sim.users().size(), "follows", follows.size(), "playlists", sim.playlists().size(),
                "videos", sim.videos().size(), "mlogs", sim.mlogs().size());
    }

    private static <T> void write(GraphConnection graph, String file, List<T> items, Function<T, Map<String, Object>> row) {
        String cypher = CypherFile.load(file).statement();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Map<String, Object>> rows = items.subList(from, Math.min(items.size(), from + BATCH)).stream().map(row).toList();
            try (Session s = graph.session()) {
                s.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", rows)));
            }
        }
    }
}
