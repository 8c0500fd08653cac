package io.melograph.cli;

import io.melograph.graph.EmbeddedPassword;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.sim.DemoCommunity;
import io.melograph.sim.GraphCatalog;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimSong;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The options of Private FM studies with the demo community's simulated listeners against a running service: the
 * service's graph (for the catalog) and its demo settings, so that {@code sim:user:NNNN} has the taste the demo gave
 * it; how many listeners, in which seeded order, and how many songs a session.
 */
final class FmStudyOptions {
    @Option(names = "--graph-uri", required = true, description = "Bolt URI of the service's graph, e.g. bolt://127.0.0.1:7687.")
    String graphUri;

    @Option(names = "--demo-listeners", defaultValue = "300", description = "The service's melograph.demo.listeners.")
    int demoListeners;

    @Option(names = "--demo-days", defaultValue = "28", description = "The service's melograph.demo.days.") int demoDays;

    @Option(names = "--listeners", defaultValue = "100", description = "Listeners studied (default ${DEFAULT-VALUE}).") int listeners;

    @Option(names = "--songs", defaultValue = "20", description = "Songs per session (default ${DEFAULT-VALUE}).") int songs;

    @Option(names = "--seed", defaultValue = "13", description = "Listener order and reactions (default ${DEFAULT-VALUE}).") long seed;

    /** The demo community's world over the graph's songs: same config and seed as DemoCommunity.createIfFirstStart. */
    ListenerSimulator simulator(List<SimSong> songs) {
        return new ListenerSimulator(songs, SimConfig.defaults(demoListeners, demoDays, DemoCommunity.SEED), PopularityPrior.defaults());
    }

    /** The songs of the service's graph, read over Bolt. */
    List<SimSong> catalog() {
        GraphSettings settings = new GraphOptions().settings();
        // the service's embedded Neo4j: its password is in MELOGRAPH_HOME (NEO4J_PASSWORD for a server of one's own)
        String password = settings.password() != null ? settings.password() : EmbeddedPassword.read(settings.home()).orElse(null);
        try (GraphConnection graph = GraphConnection.open(settings.withServer(graphUri, settings.user(), password))) {
            return GraphCatalog.songs(graph);
        }
    }

    String dataset(int songs) {
        return "bundled sample + demo community (" + demoListeners + " simulated listeners x " + demoDays + " days, seed "
                + DemoCommunity.SEED + "), " + songs + " songs";
    }
}
