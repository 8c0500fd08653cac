package io.melograph.api;

import io.melograph.config.SceneProperties;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.DailyPrecompute;
import io.melograph.scene.SceneConfig;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Daily lists' computation ahead of time ({@link DailyPrecompute}) {@code precompute-after} after start and
 * then every {@code precompute-every} ({@code melograph.scenes.daily.*}); {@code precompute=false} turns it off (lists
 * are then computed on a listener's first request of the day).
 */
@Context
@Bean(preDestroy = "close")
final class DailyAhead implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyAhead.class);
    private final ScheduledExecutorService schedule;

    DailyAhead(BeanProvider<DailyPrecompute> precompute, SceneConfig config) {
        SceneProperties daily = config.scene(DailyMixScene.SCENE);
        if (!daily.precompute()) {
            schedule = null;
            return;
        }
        DailyPrecompute lists = precompute.get();
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daily-ahead");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(() -> sweep(lists), daily.precomputeAfter().toMillis(), daily.precomputeEvery().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void sweep(DailyPrecompute lists) {
        try {
            lists.sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Daily lists not computed ahead this time (will retry): {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
