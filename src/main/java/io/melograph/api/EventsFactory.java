package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.EventParser;
import io.melograph.events.FileJournal;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.events.Journal;
import io.melograph.events.ListenerStates;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Wires event intake: the journal in MELOGRAPH_HOME/journal, the catalog cache, live state and graph aggregation. */
@Factory
final class EventsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Journal journal(GraphSettings settings) {
        return FileJournal.open(settings.home().resolve("journal"));
    }

    @Singleton
    ItemCatalog catalog(GraphConnection graph) {
        return new ItemCatalog(graph).reload();
    }

    @Context
    EventIntake intake(Journal journal, ItemCatalog catalog) {
        return new EventIntake(journal, catalog, new ListenerStates(catalog));
    }

    @Context
    @Bean(preDestroy = "close")
    GraphAggregator aggregator(GraphConnection graph, Journal journal, EventIntake intake,
                               @Value("${melograph.events.aggregation-ms:1000}") long intervalMs) {
        return new GraphAggregator(graph, journal, intervalMs).start();
    }

    @Singleton
    EventParser parser(@Value("${melograph.events.max-batch:1000}") int maxBatch) {
        return new EventParser(maxBatch);
    }
}
