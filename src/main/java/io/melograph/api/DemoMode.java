package io.melograph.api;

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

    /** @param setting a setting by its environment variable name ({@code MELOGRAPH_SAMPLE}), if set */
    static DemoMode of(Function<String, Optional<String>> setting) {
        Function<String, Optional<String>> given = k -> setting.apply(k).filter(v -> !v.isBlank());
        Optional<String> asked = given.apply("MELOGRAPH_SAMPLE");
        if (asked.isPresent()) {
            return new DemoMode(!asked.get().strip().equalsIgnoreCase("false"));
        }
        return new DemoMode(given.apply("NEO4J_URI").isEmpty() && given.apply("MELOGRAPH_KAFKA_BOOTSTRAP").isEmpty());
    }
}
