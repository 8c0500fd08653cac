package io.melograph.worker;

import io.melograph.config.EventsProperties;
import io.melograph.config.NeighboursProperties;
import io.melograph.events.EventIntake;
import io.melograph.events.GraphAggregator;
import io.melograph.events.Journal;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.recall.NeighbourUpdates;
import io.melograph.recall.NeighbourWatch;
import io.melograph.recall.RecallService;
import io.melograph.util.AtomicFiles;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** The worker's learners that follow the event log: aggregation into the graph and the neighbour store's updates. */
@Factory
final class WorkerFactory {

    @Context
    @Requires(condition = RunsWorker.class)
    @Bean(preDestroy = "close")
    GraphAggregator aggregator(GraphConnection graph, Journal journal, EventIntake intake, GraphSettings settings,
                               EventsProperties events) {
        return new GraphAggregator(graph, journal, events.aggregationMs(), instance(settings.home())).start();
    }

    /** The store's co-listened lists and friends' favourites kept current as aggregation moves listening, between builds. */
    @Context
    @Requires(condition = RunsWorker.class)
    @Bean(preDestroy = "close")
    NeighbourUpdates neighbourUpdates(RecallService recall, NeighbourWatch watch, GraphAggregator aggregator, GraphConnection graph,
                                      GraphSettings settings, NeighboursProperties store) {
        NeighbourUpdates updates = NeighbourUpdates.start(graph, recall, NeighbourUpdates.beside(settings.shared().resolve("neighbours")),
                watch::check, Duration.ofSeconds(store.updatesSeconds()), Duration.ofSeconds(store.friendsUpdatesSeconds()));
        aggregator.whenCoListened(updates::coListened);
        aggregator.whenWritten(updates::listened);
        return updates;
    }

    /**
     * This instance in the aggregation lease, the same after a restart (so it takes the aggregation back at once): its
     * host and an id kept in MELOGRAPH_HOME/instance-id, unique even where hosts or home paths repeat (containers).
     */
    private static String instance(Path home) {
        Path file = home.resolve("instance-id");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                AtomicFiles.write(file, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            }
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            return host + "/" + Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep this instance's id in " + file, e);
        }
    }
}
