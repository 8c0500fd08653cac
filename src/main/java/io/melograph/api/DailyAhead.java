package io.melograph.api;

import io.melograph.scene.DailyPrecompute;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Runs the Daily lists' computation ahead of time ({@link DailyPrecompute}) shortly after start and then every
 * {@code melograph.scenes.daily.precompute-every}; {@code melograph.scenes.daily.precompute=false} turns it off
 * (lists are then computed on a listener's first request of the day).
 */
@Singleton
@Requires(property = "melograph.scenes.daily.precompute", notEquals = "false")
final class DailyAhead {
    private static final Logger LOG = LoggerFactory.getLogger(DailyAhead.class);
    private final DailyPrecompute precompute;

    DailyAhead(DailyPrecompute precompute) {
        this.precompute = precompute;
    }

    @Scheduled(fixedDelay = "${melograph.scenes.daily.precompute-every:15m}",
            initialDelay = "${melograph.scenes.daily.precompute-after:20s}")
    void sweep() {
        try {
            precompute.sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Daily lists not computed ahead this time (will retry): {}", e.toString());
        }
    }
}
