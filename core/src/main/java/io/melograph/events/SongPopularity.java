package io.melograph.events;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each song was played (aggregated LISTENED edges), read from the graph and refreshed by the caller
 * (the service every minute). The head is the most played 20 % of the songs anyone played, as in the evaluation's
 * long-tail share; everything else, songs never played included, is the long tail.
 */
public final class SongPopularity {
    /** Share of played songs that make the head. */
    public static final double HEAD_SHARE = 0.2;

    private record Snapshot(Map<String, Long> plays, long headMinimum, List<String> ranked) {}

    private final GraphConnection graph;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MAX_VALUE, List.of());

    public SongPopularity(GraphConnection graph) {
        this.graph = graph;
    }

    public SongPopularity reload() {
        Map<String, Long> plays = new HashMap<>();
        List<String> ranked = new ArrayList<>();
        try (Session s = graph.readSession()) {
            s.run(CypherFile.load("events/song-plays.cypher").statement()).forEachRemaining(r -> {
                plays.put(r.get("id").asString(), r.get("plays").asLong());
                ranked.add(r.get("id").asString());
            });
        }
        int head = (int) Math.ceil(ranked.size() * HEAD_SHARE);
        long minimum = head == 0 ? Long.MAX_VALUE : plays.get(ranked.get(head - 1));
        snapshot = new Snapshot(plays, minimum, List.copyOf(ranked));
        return this;
    }

    public long plays(String songId) {
        return snapshot.plays().getOrDefault(songId, 0L);
    }

    public boolean isLongTail(String songId) {
        return plays(songId) < snapshot.headMinimum();
    }

    /** The most played songs, most played first. */
    public List<String> top(int n) {
        List<String> ranked = snapshot.ranked();
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    public int size() {
        return snapshot.plays().size();
    }
}
