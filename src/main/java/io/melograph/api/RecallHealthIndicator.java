package io.melograph.api;

import io.melograph.recall.RecallService;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * /health says whether recall is warm: warmed up by real requests, and its channels keeping their time budgets
 * (recentTimeoutShare: of the latest 500 channel answers). Until then scenes may fall back to popular songs. Still UP
 * while warming (the service answers); load tests and experiments wait for {@code warm: true}.
 */
@Singleton
final class RecallHealthIndicator implements HealthIndicator {
    private final RecallService recall;

    RecallHealthIndicator(RecallService recall) {
        this.recall = recall;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("recall", HealthStatus.UP).details(Map.of("warm", recall.warm(),
                "recentTimeoutShare", Math.round(recall.recentTimeoutShare() * 1000) / 1000.0)).build());
    }
}
