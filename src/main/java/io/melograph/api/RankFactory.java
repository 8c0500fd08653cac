package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.Journal;
import io.melograph.graph.GraphSettings;
import io.melograph.rank.Ftrl;
import io.melograph.rank.FtrlRanker;
import io.melograph.rank.OnlineRanking;
import io.melograph.rank.SceneWeights;
import io.melograph.scene.SceneConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Wires online ranking: the FTRL ranker restored from MELOGRAPH_HOME/models/ftrl (or fresh), caught up with the
 * journal and learning each durable group after listener state has seen it; snapshots every few minutes and on close.
 */
@Factory
final class RankFactory {

    @Context
    @Bean(preDestroy = "close")
    OnlineRanking onlineRanking(GraphSettings settings, Journal journal, ItemCatalog catalog,
                                @SuppressWarnings("unused") EventIntake intake, // registered on the journal first
                                @Value("${melograph.rank.hash-bits:20}") int hashBits,
                                @Value("${melograph.rank.snapshot-minutes:5}") long snapshotMinutes,
                                MeterRegistry meters, SceneConfig scenes) {
        FtrlRanker.Config config = new FtrlRanker.Config(hashBits, Ftrl.Params.defaults(), SceneWeights.defaults());
        return OnlineRanking.restoreOrFresh(settings.home().resolve("models").resolve("ftrl"), config, catalog::song)
                .observe(meters, new EventScenes(scenes)::armOf)
                .follow(journal)
                .startSnapshots(Duration.ofMinutes(snapshotMinutes));
    }

    @Singleton
    FtrlRanker ranker(OnlineRanking online) {
        return online.ranker();
    }
}
