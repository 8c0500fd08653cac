package io.melograph.sim;

import io.melograph.events.FileJournal;
import io.melograph.events.GraphAggregator;
import io.melograph.events.Ids;
import io.melograph.events.SeedSegment;
import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code melograph demo purge}: takes the demo's simulated community out of a home and its graph, leaving every real
 * listener, event and catalog item. The graph loses the simulated nodes (listeners, their playlists, videos and MLOGs,
 * with every listen and follow) and the co-listening weight their sessions added; the journal loses its seed segment
 * (the community's events), the aggregation's cursor and count forget them. Every step can be run again after an
 * interruption; the home is then marked so the demo does not simulate a new community at the next start. What was
 * derived from the community (stores, snapshots, trained models) is the caller's to discard: it knows them.
 */
public final class DemoPurge {
    /** Simulated nodes per transaction, each with its relationships (a listener's listens, playlist entries). */
    private static final int NODE_BATCH = 1_000;
    /** Songs whose co-listening one transaction corrects. */
    private static final int SONG_PAGE = 2_000;

    /**
     * What the purge removed and what it found but left.
     *
     * @param nodes           simulated nodes removed, by kind (User, Playlist, Video, Mlog)
     * @param coListens       co-listened pairs whose weight simulated sessions added to, and of them those only they made
     * @param seedEvents      the seed segment's events dropped; of them, those the graph had counted
     * @param syntheticLeft   simulated listeners' events after the seed that stay in the journal (written by
     *                        {@code melograph simulate}, or by a demo from before the seed segment); -1: unread
     * @param embeddedSongs   songs with an embedding computed while the community was in the graph
     */
    public record Result(Map<String, Long> nodes, long coListens, long coListensDeleted, long seedEvents, long seedCounted,
                         long syntheticLeft, long embeddedSongs) {}

    private DemoPurge() {}

    /**
     * Purges the graph and the journal in {@code home}/journal, holding the journal's lock: with the service running
     * this fails ({@link io.melograph.events.JournalInUseException}, or the aggregation lease held) before anything
     * changed.
     */
    public static Result purge(GraphConnection graph, Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("there is no Melograph home at " + home);
        }
        Path journal = home.resolve("journal");
        long[] seed = {0, 0};
        Map<String, Long> nodes = new LinkedHashMap<>();
        long[] coListens = {0, 0};
        SeedSegment.drop(journal, (seedId, ends) -> {
            GraphAggregator.requireStopped(graph);
            // first: an interrupted purge must not leave a home that simulates a new community at its next start
            Files.writeString(home.resolve(DemoCommunity.PURGED), Instant.now() + "\n");
            seed[0] = ends.length;
            seed[1] = GraphAggregator.forgetSeedOnce(graph, seedId, ends);
            graph.read(tx -> {
                tx.run(CypherFile.load("sim/purge-count.cypher").statement(), Map.of("prefix", Ids.SYNTHETIC_PREFIX))
                        .forEachRemaining(r -> nodes.put(r.get("kind").asString(), r.get("nodes").asLong()));
                return null;
            });
            while (graph.write(tx -> tx.run(CypherFile.load("sim/purge-nodes.cypher").statement(),
                    Map.of("prefix", Ids.SYNTHETIC_PREFIX, "batch", NODE_BATCH)).single().get("deleted").asLong()) > 0) {
                // batch after batch: a listener's listens go with it, so a batch stays a bounded transaction
            }
            String after = "";
            Record r;
            do {
                String from = after;
                r = graph.write(tx -> tx.run(CypherFile.load("sim/purge-co-listens.cypher").statement(),
                        Map.of("after", from, "songs", SONG_PAGE)).single());
                coListens[0] += r.get("lowered").asLong();
                coListens[1] += r.get("deleted").asLong();
                after = r.get("last").isNull() ? after : r.get("last").asString();
            } while (r.get("songs").asLong() > 0);
        });
        long left = syntheticLeft(journal);
        long embedded = graph.read(tx -> tx.run(CypherFile.load("sim/purge-leftovers.cypher").statement()).single().get("embedded").asLong());
        return new Result(nodes, coListens[0], coListens[1], seed[0], seed[1], left, embedded);
    }

    /** Simulated listeners' events the journal still holds (-1: it could not be read, which the purge does not need). */
    private static long syntheticLeft(Path journal) {
        long[] left = {0};
        try {
            FileJournal.readAll(journal, (e, after) -> {
                if (Ids.synthetic(e.userId())) {
                    left[0]++;
                }
            });
            return left[0];
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
