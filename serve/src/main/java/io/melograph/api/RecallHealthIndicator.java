package io.melograph.api;

import io.melograph.recall.NeighbourWatch;
import io.melograph.recall.RecallService;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /health says UP only when recall is ready: warmed up by real requests (every channel's query planned, the code
 * compiled) and its channels keeping their time budgets (recentTimeoutShare: of the latest 500 channel answers). Until
 * then it says DOWN (HTTP 503), so a load balancer sends no listener to a service that would answer popular songs.
 * The neighbour store in use is listed (opened before the service takes requests), or that it is being built.
 */
@Singleton
final class RecallHealthIndicator implements HealthIndicator {
    private final RecallService recall;
    private final NeighbourWatch neighbours;

    RecallHealthIndicator(RecallService recall, NeighbourWatch neighbours) {
        this.recall = recall;
        this.neighbours = neighbours;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean warm = recall.warm();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("warm", warm);
        details.put("recentTimeoutShare", Math.round(recall.recentTimeoutShare() * 1000) / 1000.0);
        details.put("neighbours", neighbours.describe());
        return Publishers.just(HealthResult.builder("recall", warm ? HealthStatus.UP : HealthStatus.DOWN).details(details).build());
    }
}
