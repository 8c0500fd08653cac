package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.interest.CatalogFacts;
import io.melograph.interest.SongTower;
import io.melograph.util.Periodic;
import org.neo4j.driver.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Gives songs added to the catalog since the live interest model was trained (an import, an editor's CSV) their vectors
 * without waiting for the next retraining: every period it counts the catalog's songs, and when the count moved reads
 * the song ids, reads the facts of those the live version does not know ({@code cypher/train/song-facts-of.cypher}) and
 * adds the vectors its song tower gives them to the version and its indexes. Songs whose facts the tower knows nothing
 * of stay out (tried once per version). An id-only model has no tower: its new songs wait for the retraining.
 */
public final class NewSongVectors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NewSongVectors.class);
    private static final String COUNT = CypherFile.load("recall/song-count.cypher").statement();
    private static final String IDS = CypherFile.load("recall/song-ids.cypher").statement();
    /** Songs whose facts are read in one query. */
    static final int BATCH = 1000;

    private final LiveInterests live;
    private final GraphConnection graph;
    private String seenVersion;
    private long seenCount = -1;
    private final Set<String> unplaced = new HashSet<>();
    private ScheduledExecutorService watch;

    public NewSongVectors(LiveInterests live, GraphConnection graph) {
        this.live = live;
        this.graph = graph;
    }

    /** Looks every {@code period} (the first time after one period). */
    public static NewSongVectors start(LiveInterests live, GraphConnection graph, Duration period) {
        NewSongVectors n = new NewSongVectors(live, graph);
        n.watch = Periodic.every(period, "interest-new-songs", LOG, n::check);
        return n;
    }

    /** Looks once; how many songs gained a vector. */
    public synchronized int check() {
        Optional<ServedInterests> served = live.served();
        if (served.isEmpty() || served.get().tower().isEmpty()) {
            return 0;
        }
        ServedInterests m = served.get();
        long count = graph.read(tx -> tx.run(COUNT).single().get("songs").asLong());
        if (m.version().equals(seenVersion) && count == seenCount) {
            return 0;
        }
        if (!m.version().equals(seenVersion)) {
            unplaced.clear();
        }
        List<String> unknown = graph.read(tx -> {
            List<String> found = new ArrayList<>();
            Result r = tx.run(IDS);
            while (r.hasNext()) {
                String id = r.next().get("id").asString();
                if (m.song(id) < 0 && !unplaced.contains(id)) {
                    found.add(id);
                }
            }
            return found;
        });
        SongTower tower = m.tower().get();
        int added = 0;
        for (int from = 0; from < unknown.size(); from += BATCH) {
            List<String> batch = unknown.subList(from, Math.min(unknown.size(), from + BATCH));
            Map<String, float[]> vectors = tower.vectors(CatalogFacts.readSongs(graph, batch));
            if (!live.addSongs(m.version(), vectors)) {
                return added; // another version went live meanwhile: the next look is for it
            }
            batch.stream().filter(id -> !vectors.containsKey(id)).forEach(unplaced::add);
            added += vectors.size();
        }
        seenVersion = m.version();
        seenCount = count;
        if (added > 0 || !unknown.isEmpty()) {
            LOG.info("Interest model {}: {} songs new to it got vectors from their graph ({} without facts it knows wait for the "
                    + "next retraining)", m.version(), added, unknown.size() - added);
        }
        return added;
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.shutdownNow();
        }
    }
}
