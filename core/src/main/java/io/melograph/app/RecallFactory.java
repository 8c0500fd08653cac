package io.melograph.app;

import io.melograph.config.InterestsProperties;
import io.melograph.config.NeighboursProperties;
import io.melograph.config.RecallProperties;
import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.events.EventIntake;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.recall.ListenerInterests;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.LiveInterests;
import io.melograph.recall.NeighbourWatch;
import io.melograph.recall.NewSongVectors;
import io.melograph.recall.RecallService;
import io.melograph.registry.ModelRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** Wires recall: the graph channels over the listener's long-term history and live session, and the neighbour store. */
@Factory
final class RecallFactory {

    // created at start, not at the first request: the warm-up plans every channel's query before listeners come
    @Context
    @Bean(preDestroy = "close")
    RecallService recall(GraphConnection graph, EventIntake intake, MeterRegistry meters, ListenerProfiles profiles,
                         ListenerInterests interests, RecallProperties settings) {
        RecallService recall = new RecallService(graph, profiles, Duration.ofMillis(settings.budgetMs()), meters);
        interests.addChannelsTo(recall);
        recall.warmUp();
        return recall;
    }

    /** What recall knows about listeners, remembered and kept current aside: most requests read nothing from the graph. */
    @Singleton
    ListenerProfiles profiles(GraphConnection graph, EventIntake intake, Optional<GraphAggregator> aggregator, RecallProperties settings) {
        RecallProperties.Profiles p = settings.profiles();
        ListenerProfiles profiles = new ListenerProfiles(graph, intake.states(), p.rememberedSongs(), Duration.ofSeconds(p.ttlSeconds()));
        profiles.keepCurrent(p.preload(), Duration.ofSeconds(p.refreshSeconds()), intake::awaitCaughtUp);
        // where a worker aggregates, remembered profiles are refreshed by their age (the live state has the events meanwhile)
        aggregator.ifPresent(a -> a.whenWritten(profiles::aggregated));
        return profiles;
    }

    /** The promoted interest-model version, swapped in as the registry moves (melograph train interests, retraining, the API). */
    @Singleton
    @Bean(preDestroy = "close")
    LiveInterests liveInterests(ModelRegistry registry) {
        return LiveInterests.start(registry, Duration.ofSeconds(5));
    }

    /** Songs added to the catalog since the live interest model was trained get vectors from its song tower. */
    @Context
    @Bean(preDestroy = "close")
    NewSongVectors newSongVectors(LiveInterests live, GraphConnection graph, InterestsProperties interests) {
        return NewSongVectors.start(live, graph, Duration.ofSeconds(interests.newSongsSeconds()));
    }

    /** Listeners' interests from the live model: the interest channels and the console read them. */
    @Singleton
    ListenerInterests listenerInterests(LiveInterests live, EventIntake intake, ListenerProfiles profiles, ItemCatalog catalog) {
        return ListenerInterests.of(live, intake.states(), profiles, catalog);
    }

    /** The materialized neighbour lists of MELOGRAPH_HOME/neighbours (melograph neighbours build), followed as they are rebuilt. */
    @Context
    @Bean(preDestroy = "close")
    NeighbourWatch neighbours(RecallService recall, GraphConnection graph, GraphSettings settings, ModelRegistry registry,
                              NeighboursProperties store, Optional<GraphAggregator> aggregator) {
        // the promoted version, a file read: not a scan of every song's vector each time the watch looks
        NeighbourWatch watch = NeighbourWatch.start(recall, settings.shared().resolve("neighbours"),
                () -> registry.current(EmbeddingVersions.KIND), Duration.ofSeconds(5));
        // built by the worker that aggregates (of several, one), into the shared folder; a serving process waits for it
        aggregator.filter(a -> store.buildIfMissing()).ifPresent(a -> watch.buildIfMissing(graph, 1, a::holdsLease));
        return watch;
    }
}
