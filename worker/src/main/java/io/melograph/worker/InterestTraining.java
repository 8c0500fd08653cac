package io.melograph.worker;

import io.melograph.config.DemoMode;
import io.melograph.config.InterestsProperties;
import io.melograph.events.DemoSeed;
import io.melograph.events.EventHistory;
import io.melograph.events.GraphAggregator;
import io.melograph.graph.GraphConnection;
import io.melograph.interest.CatalogFacts;
import io.melograph.interest.InterestModel;
import io.melograph.interest.InterestModelFile;
import io.melograph.recall.LiveInterests;
import io.melograph.registry.ModelRegistry;
import io.melograph.train.interest.InterestTrainer;
import io.melograph.train.interest.InterestVersions;
import io.melograph.train.interest.NowTrainer;
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

/**
 * The interest model's background training, as {@code melograph train interests} does it: on the demo's first start
 * (the bundled sample, no version yet) once the demo community's history is in, so the interest channels answer without
 * a manual step; and every {@code melograph.interests.retrain-hours} (0: never) on the journal up to a held-out last
 * week, promoted only when it beats the live version there. The live version is swapped in by {@link LiveInterests}.
 */
@Context
@Requires(condition = RunsWorker.class)
@Bean(preDestroy = "close")
final class InterestTraining {
    private static final Logger LOG = LoggerFactory.getLogger(InterestTraining.class);

    private final GraphConnection graph;
    private final EventHistory history;
    private final ModelRegistry registry;
    private final LiveInterests live;
    private ScheduledExecutorService schedule;

    @Inject
    InterestTraining(GraphConnection graph, EventHistory history, GraphAggregator aggregator, ModelRegistry registry,
                     LiveInterests live, DemoMode demo, Optional<DemoSeed> community,
                     InterestsProperties interests) {
        double retrainHours = interests.retrainHours();
        this.graph = graph;
        this.history = history;
        this.registry = registry;
        this.live = live;
        // without the demo community (the service jar has none) there is no history yet: retraining makes the first
        if (demo.on() && community.isPresent() && registry.current(InterestModelFile.KIND).isEmpty()) {
            Thread t = new Thread(() -> {
                aggregator.flush(); // the demo community's history is in the journal and the graph by now
                train("the demo's first version, made at its first start");
            }, "demo-interests");
            t.setDaemon(true);
            t.start();
        }
        if (retrainHours > 0) {
            schedule = Periodic.every(Duration.ofMillis((long) (retrainHours * 3_600_000)), "interests-retraining", LOG, () -> {
                if (aggregator.holdsLease()) { // of several workers, one trains into the shared registry
                    train("scheduled retraining");
                }
            });
        }
    }

    /** One training run; failures (too little data, say) are logged and the live version stays. */
    void train(String why) {
        try {
            InterestVersions.Trained t = InterestVersions.train(registry, history, CatalogFacts.read(graph),
                    InterestTrainer.Settings.defaults(InterestModel.Kind.MIND, true), NowTrainer.Settings.defaults(), null, null, InterestVersions.HOLDOUT, true, 42, Instant.now());
            LOG.info("Interest model ({}): version {} {}", why, t.card().version(), t.reason());
            if (t.promoted()) {
                live.swapToCurrent();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Interest model training ({}) failed, the live version stays: {}", why, e.toString());
        }
    }

    void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
