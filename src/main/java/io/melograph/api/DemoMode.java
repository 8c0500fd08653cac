package io.melograph.api;

import io.melograph.config.KafkaProperties;
import io.melograph.config.ServiceProperties;
import io.melograph.graph.GraphSettings;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether this service is the demo: the bundled sample catalog imported into an empty store, the simulated community,
 * its first embeddings and interest model, its tuned scene values. On by default only where nothing is shared — the
 * embedded Neo4j with the file journal; with an external Neo4j ({@code NEO4J_URI}) or the events in Kafka
 * ({@code MELOGRAPH_KAFKA_BOOTSTRAP}) only when asked ({@code MELOGRAPH_SAMPLE=true}), so demo data never reaches a
 * production graph or log by accident.
 */
record DemoMode(boolean on) {

    static DemoMode of(ServiceProperties service, GraphSettings graph, KafkaProperties kafka) {
        return of(service.sample(), graph.external(), kafka.enabled());
    }

    /** Before the service's configuration is bound: @param setting a setting by its environment variable name, if set */
    static DemoMode of(Function<String, Optional<String>> setting) {
        Function<String, Optional<String>> given = k -> setting.apply(k).filter(v -> !v.isBlank());
        return of(given.apply("MELOGRAPH_SAMPLE").map(v -> !v.strip().equalsIgnoreCase("false")).orElse(null),
                given.apply("NEO4J_URI").isPresent(), given.apply("MELOGRAPH_KAFKA_BOOTSTRAP").isPresent());
    }

    private static DemoMode of(Boolean sample, boolean externalGraph, boolean kafka) {
        return new DemoMode(sample != null ? sample : !externalGraph && !kafka);
    }
}
