package io.melograph.api;

import io.melograph.graph.GraphConnection;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/** /health includes the graph: a round trip through the driver, and where the graph is. */
@Singleton
final class Neo4jHealthIndicator implements HealthIndicator {
    private final GraphConnection graph;

    Neo4jHealthIndicator(GraphConnection graph) {
        this.graph = graph;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("graph", graph.description());
        graph.embedded().ifPresent(e -> {
            details.put("bolt", e.boltUri().toString());
            if (e.browserUri() != null) {
                details.put("browser", e.browserUri().toString());
                details.put("login", "user neo4j, password in MELOGRAPH_HOME/neo4j-password (printed at its first start)");
            }
        });
        HealthStatus status;
        try {
            long started = System.nanoTime();
            details.put("songs", graph.read(tx -> tx.run("MATCH (n:Song) RETURN count(n) AS c").single().get("c").asLong()));
            details.put("roundTripMs", (System.nanoTime() - started) / 1_000_000);
            status = HealthStatus.UP;
        } catch (RuntimeException e) {
            details.put("error", e.getMessage());
            status = HealthStatus.DOWN;
        }
        return Publishers.just(HealthResult.builder("neo4j", status).details(details).build());
    }
}
