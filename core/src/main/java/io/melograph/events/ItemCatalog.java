package io.melograph.events;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What event intake and listener state need from the catalog, held in memory so the hot path never waits on the graph:
 * the ids of known items (events for others are accepted but flagged), and each song's title, artists and genres.
 * Reloaded when the graph's item counts or its catalog version (moved by every import) change ({@link #reloadIfChanged},
 * polled by the service), so items imported, edited or simulated while it runs are known within seconds, whichever
 * process wrote them. Each load is kept in a snapshot file, so a restart starts from
 * it at once ({@link #restoreOrLoad}) instead of scanning the whole catalog before the first answer.
 */
public final class ItemCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ItemCatalog.class);

    /** A song as listener state sees it. */
    public record SongFacts(String title, List<String> artistIds, List<String> artistNames, List<String> genres) {}

    private final GraphConnection graph;
    private final Path snapshot;
    private boolean restored;
    private volatile CatalogSnapshot.Content content = new CatalogSnapshot.Content(new EnumMap<>(ItemType.class), Map.of(), List.of());

    public ItemCatalog(GraphConnection graph) {
        this(graph, null);
    }

    private ItemCatalog(GraphConnection graph, Path snapshot) {
        this.graph = graph;
        this.snapshot = snapshot;
    }

    /**
     * The catalog from the snapshot {@code file} when there is a readable one ({@link #restored}: the graph may have
     * changed while the service was down, even with the same counts, so {@link #reloadInBackground} next); else loaded
     * from the graph now. Every load rewrites the snapshot.
     */
    public static ItemCatalog restoreOrLoad(GraphConnection graph, Path file) {
        ItemCatalog catalog = new ItemCatalog(graph, file);
        if (catalog.restore()) {
            catalog.restored = true;
            return catalog;
        }
        return catalog.reload();
    }

    /** Whether this catalog came from its snapshot rather than the graph. */
    public boolean restored() {
        return restored;
    }

    /** Loads from the graph on a thread of its own; until then the current content stays in use. */
    public void reloadInBackground() {
        Thread refresh = new Thread(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.warn("Item catalog: loading from the graph failed ({}); the snapshot stays in use", e.toString());
            }
        }, "item-catalog-reload");
        refresh.setDaemon(true);
        refresh.start();
    }

    /**
     * Reloads when the number of songs, videos, MLOGs or playlists in the graph, or its catalog version (an import
     * anywhere), changed since the last load.
     */
    public boolean reloadIfChanged() {
        if (itemCounts().equals(content.counts())) {
            return false;
        }
        reload();
        return true;
    }

    private List<Long> itemCounts() {
        // label counts come from Neo4j's count store, the version from one node: constant time however large the catalog
        return graph.read(tx -> tx.run(CypherFile.load("events/item-counts.cypher").statement()).single().get("counts")
                .asList(v -> v.asLong()));
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
        try (Session s = graph.readSession()) {
            s.run(CypherFile.load("events/known-items.cypher").statement()).forEachRemaining(r -> {
                for (ItemType t : ItemType.values()) {
                    if (t.label().equals(r.get("label").asString())) {
                        ids.get(t).add(r.get("id").asString());
                    }
                }
            });
            s.run(CypherFile.load("events/song-facts.cypher").statement()).forEachRemaining(r -> facts.put(r.get("id").asString(), facts(r)));
        }
        content = new CatalogSnapshot.Content(ids, facts, before);
        if (snapshot != null) {
            save(content);
        }
        LOG.info("Item catalog: {} songs, {} videos, {} MLOGs, {} playlists in {} ms", ids.get(ItemType.SONG).size(),
                ids.get(ItemType.VIDEO).size(), ids.get(ItemType.MLOG).size(), ids.get(ItemType.PLAYLIST).size(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    private boolean restore() {
        if (!Files.exists(snapshot)) {
            return false;
        }
        long started = System.nanoTime();
        try {
            content = CatalogSnapshot.read(snapshot);
            LOG.info("Item catalog: {} songs restored from {} in {} ms; reloading from the graph in the background",
                    content.songs().size(), snapshot.getFileName(), (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Item catalog: cannot read the snapshot {} ({}); loading from the graph", snapshot, e.toString());
            return false;
        }
    }

    /** A failure only costs the next start a load from the graph. */
    private void save(CatalogSnapshot.Content c) {
        try {
            CatalogSnapshot.write(snapshot, c);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Item catalog: cannot write the snapshot {}: {}", snapshot, e.toString());
        }
    }

    private static SongFacts facts(Record r) {
        return new SongFacts(r.get("title").asString(), r.get("artistIds").asList(v -> v.asString()),
                r.get("artistNames").asList(v -> v.asString()), r.get("genres").asList(v -> v.asString()));
    }

    public boolean known(ItemType type, String id) {
        Set<String> ids = content.known().get(type);
        return ids != null && ids.contains(id);
    }

    /** How many items of that kind the catalog holds. */
    public int count(ItemType type) {
        Set<String> ids = content.known().get(type);
        return ids == null ? 0 : ids.size();
    }

    /**
     * Up to {@code n} catalog songs not in {@code leftOut}, in no particular order: what a scene can still offer
     * when too few songs have been played to rank by popularity (a new deployment's first listeners).
     */
    public List<String> anySongs(int n, Collection<String> leftOut) {
        List<String> out = new ArrayList<>();
        for (String id : content.songs().keySet()) {
            if (out.size() >= n) {
                break;
            }
            if (!leftOut.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The song's facts, or null when the catalog does not have it. */
    public SongFacts song(String id) {
        return content.songs().get(id);
    }
}
