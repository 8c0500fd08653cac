package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.GraphAggregator;
import io.melograph.rank.LiveRanking;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.Optional;

/**
 * /health says which state derived from the event journal has caught up with it since the start: listener state,
 * the FTRL ranker and the graph's listening counts catch up in the background while the service answers (from the
 * state rebuilt so far, the restored weights, the counts already in the graph). Still UP meanwhile.
 */
@Singleton
final class CatchUpHealthIndicator implements HealthIndicator {
    private final EventIntake intake;
    private final LiveRanking ranking;
    private final Optional<GraphAggregator> aggregator;

    CatchUpHealthIndicator(EventIntake intake, LiveRanking ranking, Optional<GraphAggregator> aggregator) {
        this.intake = intake;
        this.ranking = ranking;
        this.aggregator = aggregator;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean listeners = intake.stats().caughtUp();
        boolean ranker = ranking.active().caughtUp();
        boolean graph = aggregator.map(a -> a.status().caughtUp()).orElse(true); // a worker's, when this process only serves
        return Publishers.just(HealthResult.builder("journal", HealthStatus.UP).details(Map.of("caughtUp", listeners && ranker && graph,
                "listenerState", listeners, "ranker", ranker, "graphAggregation", graph)).build());
    }
}
