package io.melograph.events;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What event intake and listener state need from the catalog, held in memory so the hot path never waits on the graph:
 * the ids of known items (events for others are accepted but flagged), and each song's title, artists and genres.
 * Reloaded when the graph's item counts change ({@link #reloadIfChanged}, polled by the service), so items imported
 * or simulated while it runs are known within seconds.
 */
public final class ItemCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ItemCatalog.class);

    /** A song as listener state sees it. */
    public record SongFacts(String title, List<String> artistIds, List<String> artistNames, List<String> genres) {}

    private final GraphConnection graph;
    private volatile Map<ItemType, Set<String>> known = new EnumMap<>(ItemType.class);
    private volatile Map<String, SongFacts> songs = Map.of();
    private volatile List<Long> counts = List.of();

    public ItemCatalog(GraphConnection graph) {
        this.graph = graph;
    }

    /** Reloads when the number of songs, videos, MLOGs or playlists in the graph changed since the last load. */
    public boolean reloadIfChanged() {
        if (itemCounts().equals(counts)) {
            return false;
        }
        reload();
        return true;
    }

    private List<Long> itemCounts() {
        try (Session s = graph.session()) {
            // label counts come from Neo4j's count store: constant time however large the catalog
            return s.run(CypherFile.load("events/item-counts.cypher").statement()).single().get("counts").asList(v -> v.asLong());
        }
    }

    /** Loads (again) from the graph. */
    public ItemCatalog reload() {
        long started = System.nanoTime();
        List<Long> before = itemCounts();
        Map<ItemType, Set<String>> ids = new EnumMap<>(ItemType.class);
        for (ItemType t : ItemType.values()) {
            ids.put(t, new HashSet<>());
        }
        Map<String, SongFacts> facts = new HashMap<>();
        try (Session s = graph.session()) {
            s.run(CypherFile.load("events/known-items.cypher").statement()).forEachRemaining(r -> {
                for (ItemType t : ItemType.values()) {
                    if (t.label().equals(r.get("label").asString())) {
                        ids.get(t).add(r.get("id").asString());
                    }
                }
            });
            s.run(CypherFile.load("events/song-facts.cypher").statement()).forEachRemaining(r -> facts.put(r.get("id").asString(), facts(r)));
        }
        known = ids;
        songs = facts;
        counts = before;
        LOG.info("Item catalog: {} songs, {} videos, {} MLOGs, {} playlists in {} ms", ids.get(ItemType.SONG).size(),
                ids.get(ItemType.VIDEO).size(), ids.get(ItemType.MLOG).size(), ids.get(ItemType.PLAYLIST).size(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    private static SongFacts facts(Record r) {
        return new SongFacts(r.get("title").asString(), r.get("artistIds").asList(v -> v.asString()),
                r.get("artistNames").asList(v -> v.asString()), r.get("genres").asList(v -> v.asString()));
    }

    public boolean known(ItemType type, String id) {
        Set<String> ids = known.get(type);
        return ids != null && ids.contains(id);
    }

    /** The song's facts, or null when the catalog does not have it. */
    public SongFacts song(String id) {
        return songs.get(id);
    }
}
