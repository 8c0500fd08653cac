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
 * Reloaded after imports; a song the catalog gains later is known from the next reload on.
 */
public final class ItemCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ItemCatalog.class);

    /** A song as listener state sees it. */
    public record SongFacts(String title, List<String> artistIds, List<String> artistNames, List<String> genres) {}

    private final GraphConnection graph;
    private volatile Map<ItemType, Set<String>> known = new EnumMap<>(ItemType.class);
    private volatile Map<String, SongFacts> songs = Map.of();

    public ItemCatalog(GraphConnection graph) {
        this.graph = graph;
    }

    /** Loads (again) from the graph. */
    public ItemCatalog reload() {
        long started = System.nanoTime();
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
