package io.melograph.worker;

import io.melograph.config.SceneProperties;
import io.melograph.events.GraphAggregator;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.DailyPrecompute;
import io.melograph.scene.SceneConfig;
import io.melograph.util.Periodic;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs the Daily lists' computation ahead of time ({@link DailyPrecompute}) {@code precompute-after} after start and
 * then every {@code precompute-every} ({@code melograph.scenes.daily.*}); {@code precompute=false} turns it off (lists
 * are then computed on a listener's first request of the day).
 */
@Context
@Requires(condition = RunsWorker.class)
@Bean(preDestroy = "close")
final class DailyAhead implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyAhead.class);
    private final ScheduledExecutorService schedule;
    private final DailyPrecompute lists;

    DailyAhead(BeanProvider<DailyPrecompute> precompute, SceneConfig config, GraphAggregator aggregator) {
        SceneProperties daily = config.scene(DailyMixScene.SCENE);
        if (!daily.precompute()) {
            schedule = null;
            lists = null;
            return;
        }
        lists = precompute.get();
        // of several workers, the one holding the aggregation lease computes the shared lists
        schedule = Periodic.every(daily.precomputeAfter(), daily.precomputeEvery(), "daily-ahead", LOG, () -> {
            if (aggregator.holdsLease()) {
                lists.sweep(Instant.now());
            }
        });
    }

    @Override
    public void close() {
        if (schedule != null) {
            lists.stop(); // before the graph closes under a running pass
            schedule.shutdownNow();
        }
    }
}
