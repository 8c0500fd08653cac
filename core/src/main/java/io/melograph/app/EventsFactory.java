package io.melograph.app;

import io.melograph.config.DemoMode;
import io.melograph.config.DemoProperties;
import io.melograph.config.EventsProperties;
import io.melograph.config.KafkaProperties;
import io.melograph.events.DemoSeed;
import io.melograph.events.EventHistory;
import io.melograph.events.EventIntake;
import io.melograph.events.EventParser;
import io.melograph.events.FileJournal;
import io.melograph.events.ItemCatalog;
import io.melograph.events.Journal;
import io.melograph.events.KafkaJournal;
import io.melograph.events.ListenerStates;
import io.melograph.events.LiveStateSnapshot;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Wires event intake: the journal in MELOGRAPH_HOME/journal, the catalog cache and live state (aggregation: {@code worker}). */
@Factory
final class EventsFactory {

    /**
     * The file journal in MELOGRAPH_HOME/journal, or with {@code MELOGRAPH_KAFKA_BOOTSTRAP} set the Kafka topic
     * {@code MELOGRAPH_KAFKA_TOPIC} (the ids it holds kept in MELOGRAPH_HOME/kafka-ids/TOPIC). The demo community,
     * when the process was given one ({@link DemoSeed}: the all-in-one {@code melograph serve}), is simulated into the
     * file journal only, as its seed segment (synthetic listeners do not belong in a shared log; {@code melograph demo
     * purge} drops them).
     */
    @Singleton
    @Bean(preDestroy = "close")
    Journal journal(GraphSettings settings, GraphConnection graph, DemoMode demo, DemoProperties community, KafkaProperties kafka,
                    Optional<DemoSeed> seed) {
        if (kafka.enabled()) {
            // the ids read from the topic are kept in the home, so a restart reads only those written since
            return KafkaJournal.open(new KafkaJournal.Settings(kafka.bootstrap(), kafka.topic(), kafka.replication(), kafka.partitions()),
                    settings.home().resolve("kafka-ids").resolve(kafka.topic()));
        }
        if (demo.on()) {
            // before listener state is rebuilt from the journal, so the demo's history is there from the first request
            seed.ifPresent(s -> s.createIfFirstStart(graph, settings.home(), community.listeners(), community.days()));
        }
        return FileJournal.open(settings.home().resolve("journal"));
    }

    /** The recorded events as the service's training jobs read them: its own journal, file or topic. */
    @Singleton
    EventHistory history(Journal journal, GraphSettings settings, KafkaProperties kafka) {
        return EventHistory.of(journal, kafka.enabled() ? "the events' Kafka topic at " + kafka.bootstrap()
                : "the event journal in " + settings.home().resolve("journal"));
    }

    /** From its snapshot in MELOGRAPH_HOME when there is one (a restart does not wait for a catalog scan). */
    @Singleton
    ItemCatalog catalog(GraphConnection graph, GraphSettings settings) {
        ItemCatalog catalog = ItemCatalog.restoreOrLoad(graph, settings.home().resolve("catalog").resolve("items.bin"));
        if (catalog.restored()) {
            catalog.reloadInBackground();
        }
        return catalog;
    }

    /**
     * Live state for the most recently active listeners only (melograph.events.live-listeners), saved to
     * MELOGRAPH_HOME/live-state every melograph.events.snapshot-minutes and at shutdown.
     */
    @Context
    @Bean(preDestroy = "close")
    EventIntake intake(Journal journal, ItemCatalog catalog, EventsProperties events, GraphSettings settings) {
        return new EventIntake(journal, catalog, new ListenerStates(catalog, events.liveListeners()), LiveStateSnapshot.in(settings.home()),
                java.time.Duration.ofMinutes(events.snapshotMinutes()));
    }

    @Singleton
    EventParser parser(EventsProperties events) {
        return new EventParser(events.maxBatch());
    }
}
