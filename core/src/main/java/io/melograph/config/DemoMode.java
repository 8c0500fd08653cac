package io.melograph.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether this service is the demo: the bundled sample catalog imported into an empty store, the simulated community,
 * its first embeddings and interest model, its tuned scene values. On by default only where nothing is shared — the
 * embedded Neo4j with the file journal; with an external Neo4j ({@code NEO4J_URI}) or the events in Kafka
 * ({@code MELOGRAPH_KAFKA_BOOTSTRAP}) only when asked ({@code MELOGRAPH_SAMPLE=true}), so demo data never reaches a
 * production graph or log by accident.
 */
public record DemoMode(boolean on) {

    /** @param externalGraph whether the graph is an external Neo4j ({@code NEO4J_URI}) */
    public static DemoMode of(ServiceProperties service, boolean externalGraph, KafkaProperties kafka) {
        return of(service.sample(), externalGraph, kafka.enabled());
    }

    /** Before the service's configuration is bound: @param setting a setting by its environment variable name, if set */
    public static DemoMode of(Function<String, Optional<String>> setting) {
        Function<String, Optional<String>> given = k -> setting.apply(k).filter(v -> !v.isBlank());
        return of(setting.apply("MELOGRAPH_SAMPLE").orElse(null), given.apply("NEO4J_URI").isPresent(),
                given.apply("MELOGRAPH_KAFKA_BOOTSTRAP").isPresent());
    }

    /** MELOGRAPH_SAMPLE, one rule for both: blank is unset, {@code false} is off, anything else asks for the demo. */
    private static DemoMode of(String sample, boolean externalGraph, boolean kafka) {
        if (sample != null && !sample.isBlank()) {
            return new DemoMode(!sample.strip().equalsIgnoreCase("false"));
        }
        return new DemoMode(!externalGraph && !kafka);
    }
}
