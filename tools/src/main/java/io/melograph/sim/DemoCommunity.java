package io.melograph.sim;

import io.melograph.events.EventBatcher;
import io.melograph.events.SeedSegment;
import io.melograph.graph.GraphConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's simulated community: on the first start with the bundled sample (an empty journal), a few hundred
 * simulated listeners play a few weeks over the catalog, so the service has listening history, playlists, videos and
 * MLOGs to recommend from at once. Everything it makes is labelled simulated, and its events are the journal's seed
 * segment, apart from every real event: {@code melograph demo purge} ({@link DemoPurge}) removes it all.
 */
public final class DemoCommunity {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommunity.class);
    /** The demo's seed: every fresh demo has the same community. */
    public static final long SEED = 42;
    /** In the home once the demo was purged: the community is not made again. */
    static final String PURGED = "demo-purged";

    private DemoCommunity() {}

    /**
     * Simulates {@code listeners} over {@code days} into the graph and the seed segment of the journal in
     * {@code home}/journal, unless the journal holds events already or the home's demo was purged.
     */
    public static boolean createIfFirstStart(GraphConnection graph, Path home, int listeners, int days) {
        Path journal = home.resolve("journal");
        try {
            if (listeners <= 0 || Files.exists(home.resolve(PURGED)) || !SeedSegment.empty(journal)) {
                return false;
            }
            if (hasSynthetic(graph) && !SeedSegment.interrupted(journal)) {
                return false; // the graph has a community whose journal is gone: a new one would not be counted there
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal in " + journal, e);
        }
        List<SimSong> songs = GraphCatalog.songs(graph);
        if (songs.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        ListenerSimulator sim = new ListenerSimulator(songs, SimConfig.defaults(listeners, days, SEED), PopularityPrior.defaults());
        SimSummary[] summary = new SimSummary[1];
        long[] events = new long[1];
        boolean made;
        try {
            made = SeedSegment.write(journal, sink -> {
                // the world is merged by id, so a start cut short before the seed landed writes the same one again
                WorldWriter.write(graph, sim);
                EventBatcher batcher = new EventBatcher(sink);
                summary[0] = sim.run(batcher).summary();
                batcher.flush();
                events[0] = batcher.accepted();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo community's events to " + journal + ": " + e.getMessage()
                    + " (MELOGRAPH_DEMO_LISTENERS and MELOGRAPH_DEMO_DAYS set its size)", e);
        }
        if (made) {
            LOG.info("Demo community: {} simulated listeners over {} days, {} events, in {} ms (labelled Synthetic / sim:; "
                    + "the journal's seed segment)", listeners, days, events[0], (System.nanoTime() - started) / 1_000_000);
            LOG.info("\n{}", summary[0].format());
        }
        return made;
    }

    private static boolean hasSynthetic(GraphConnection graph) {
        return graph.read(tx -> tx.run("MATCH (n:Synthetic) RETURN count(n) > 0 AS any").single().get("any").asBoolean());
    }
}
