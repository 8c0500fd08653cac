package io.melograph.sim;

import io.melograph.events.EventBatcher;
import io.melograph.events.Journal;
import io.melograph.events.JournalSink;
import io.melograph.graph.GraphConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The demo's simulated community: on the first start with the bundled sample (an empty journal and no synthetic
 * nodes yet), a few hundred simulated listeners play a few weeks over the catalog, so the service has listening
 * history, playlists, videos and MLOGs to recommend from at once. Everything it makes is labelled simulated.
 */
public final class DemoCommunity {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommunity.class);
    /** The demo's seed: every fresh demo has the same community. */
    public static final long SEED = 42;

    private DemoCommunity() {}

    /** Simulates {@code listeners} over {@code days} into the graph and the journal, unless either has data already. */
    public static boolean createIfFirstStart(GraphConnection graph, Journal journal, int listeners, int days) {
        if (listeners <= 0 || journal.size() > 0 || hasSynthetic(graph)) {
            return false;
        }
        List<SimSong> songs = GraphCatalog.songs(graph);
        if (songs.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        ListenerSimulator sim = new ListenerSimulator(songs, SimConfig.defaults(listeners, days, SEED), PopularityPrior.defaults());
        WorldWriter.write(graph, sim);
        EventBatcher batcher = new EventBatcher(new JournalSink(journal, "the service's journal"));
        SimSummary summary = sim.run(batcher).summary();
        batcher.flush();
        LOG.info("Demo community: {} simulated listeners over {} days, {} events, in {} ms (labelled Synthetic / sim:)",
                listeners, days, batcher.accepted(), (System.nanoTime() - started) / 1_000_000);
        LOG.info("\n{}", summary.format());
        return true;
    }

    private static boolean hasSynthetic(GraphConnection graph) {
        return graph.read(tx -> tx.run("MATCH (n:Synthetic) RETURN count(n) > 0 AS any").single().get("any").asBoolean());
    }
}
