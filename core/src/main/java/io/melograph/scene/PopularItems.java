package io.melograph.scene;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.recall.Candidate;
import io.melograph.recall.Fusion;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The popularity fallback for playlists, videos and MLOGs (songs use {@link io.melograph.events.SongPopularity}):
 * the items whose songs are played most, read once a minute at most.
 */
public final class PopularItems {
    static final long TTL_MS = 60_000;
    private static final int KEEP = 200;

    private record Cached(List<Candidate> items, long at) {}

    private final GraphConnection graph;
    private final String cypher = CypherFile.load("scene/popular-items.cypher").statement();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public PopularItems(GraphConnection graph) {
        this.graph = graph;
    }

    public List<Fusion.Fused> of(String type, Collection<String> leaveOut, int limit) {
        long now = System.currentTimeMillis();
        Cached c = cache.compute(type, (k, old) -> old != null && now - old.at() < TTL_MS ? old : new Cached(load(type), now));
        List<Candidate> kept = c.items().stream().filter(x -> !leaveOut.contains(x.itemId())).limit(limit).toList();
        return Fusion.fuse(Map.of(SceneRecall.POPULAR, kept), Fusion.Policy.EQUAL, limit);
    }

    private List<Candidate> load(String type) {
        List<Candidate> out = new ArrayList<>();
        try (Session s = graph.readSession()) {
            s.run(cypher, Map.of("type", type, "limit", KEEP)).forEachRemaining(r -> {
                long listens = r.get("listens").asLong();
                out.add(new Candidate(r.get("id").asString(), type, r.get("name").asString(r.get("id").asString()),
                        1 + listens, SceneRecall.POPULAR, "Popular on Melograph: its songs were played by " + listens
                        + " listener" + (listens == 1 ? "" : "s"), List.of(r.get("id").asString())));
            });
        }
        return out;
    }
}
