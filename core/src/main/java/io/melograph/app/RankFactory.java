package io.melograph.app;

import io.melograph.config.ModelsProperties;
import io.melograph.config.RankProperties;
import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.Journal;
import io.melograph.graph.GraphSettings;
import io.melograph.rank.Ftrl;
import io.melograph.rank.FtrlRanker;
import io.melograph.rank.LiveRanking;
import io.melograph.rank.OnlineMetrics;
import io.melograph.registry.ModelRegistry;
import io.melograph.scene.SceneConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Wires online ranking: the FTRL ranker of MELOGRAPH_HOME/models/ftrl (the promoted registry version, or the working
 * copy that descends from it, or fresh), caught up with the journal and learning each durable group after listener
 * state has seen it; snapshots every few minutes and on close; a version promoted or rolled back elsewhere is swapped in.
 */
@Factory
final class RankFactory {

    @Context
    @Bean(preDestroy = "close")
    LiveRanking liveRanking(GraphSettings settings, Journal journal, ItemCatalog catalog, ModelRegistry registry,
                            @SuppressWarnings("unused") EventIntake intake, // registered on the journal first
                            RankProperties rank, ModelsProperties models, MeterRegistry meters, SceneConfig scenes) {
        FtrlRanker.Config config = new FtrlRanker.Config(rank.hashBits(), Ftrl.Params.defaults());
        EventScenes eventScenes = new EventScenes(scenes);
        return LiveRanking.start(registry, settings.home(), journal, config, catalog::song,
                        ranker -> new OnlineMetrics(meters, ranker, eventScenes::armOf), Duration.ofMinutes(rank.snapshotMinutes()))
                .watch(Duration.ofSeconds(models.watchSeconds()));
    }

    @Singleton
    ModelRegistry registry(GraphSettings settings) {
        return new ModelRegistry(settings.shared());
    }
}
