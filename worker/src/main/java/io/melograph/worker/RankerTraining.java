package io.melograph.worker;

import io.melograph.config.RankProperties;
import io.melograph.events.EventHistory;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.registry.ModelRegistry;
import io.melograph.scene.DeepRanking;
import io.melograph.train.ranking.RankerVersions;
import io.melograph.util.Periodic;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The deep ranker's scheduled retraining, as {@code melograph train ranker} does it: every
 * {@code melograph.rank.deep.retrain-hours} (0: never) the live version's model is trained again on the journal up to a
 * held-out last week and promoted only when it beats FTRL and the live version there; {@link DeepRanking} swaps it in.
 * Nothing is trained while no deep version is live: choosing a deep ranker (the first {@code train ranker}) is an
 * editor's decision, keeping it fresh is the service's.
 */
@Context
@Requires(condition = RunsWorker.class)
@Bean(preDestroy = "close")
final class RankerTraining {
    private static final Logger LOG = LoggerFactory.getLogger(RankerTraining.class);

    private final ScheduledExecutorService schedule;

    @Inject
    RankerTraining(EventHistory history, ItemCatalog catalog, ModelRegistry registry, DeepRanking deep,
                   RankProperties rank, GraphAggregator aggregator) {
        double retrainHours = rank.deep().retrainHours();
        schedule = retrainHours <= 0 ? null : Periodic.every(Duration.ofMillis((long) (retrainHours * 3_600_000)), "ranker-retraining",
                LOG, () -> {
                    if (aggregator.holdsLease()) { // of several workers, one trains into the shared registry
                        retrain(registry, history, catalog::song, deep, DnnRanker.Settings.defaults(), "scheduled retraining");
                    }
                });
    }

    /**
     * One retraining of the live version's model, swapped in when promoted; empty when no deep version is live.
     * Failures (too few held-out exposures, say) are logged and the live version stays.
     */
    static Optional<RankerVersions.Trained> retrain(ModelRegistry registry, EventHistory history, Function<String, ItemCatalog.SongFacts> songs,
                                                    DeepRanking deep, DnnRanker.Settings settings, String why) {
        Optional<DeepRanking.Served> live = deep.served();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        String model = live.get().model().name();
        try {
            RankerVersions.Trained t = RankerVersions.train(registry, history, songs, model, settings, null, null, RankerVersions.HOLDOUT, 42, Instant.now());
            LOG.info("Deep ranker ({}, {}): version {} {}", why, model, t.card().version(), t.reason());
            if (t.promoted()) {
                deep.swapToCurrent();
            }
            return Optional.of(t);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Deep ranker training ({}) failed, version {} stays live: {}", why, live.get().version(), e.toString());
            return Optional.empty();
        }
    }

    void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
