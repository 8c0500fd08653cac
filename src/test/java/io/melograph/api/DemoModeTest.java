package io.melograph.api;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoModeTest {

    private static boolean on(Map<String, String> env) {
        return DemoMode.of(k -> Optional.ofNullable(env.get(k))).on();
    }

    @Test
    void theDemoComesOnlyWhereNothingIsSharedUnlessAsked() {
        assertTrue(on(Map.of()), "embedded Neo4j, file journal: the one-command demo");
        assertFalse(on(Map.of("NEO4J_URI", "neo4j://graph:7687")), "an external graph gets no sample unless asked");
        assertFalse(on(Map.of("MELOGRAPH_KAFKA_BOOTSTRAP", "kafka:9092")), "nor does a shared event log");
        assertTrue(on(Map.of("NEO4J_URI", "neo4j://graph:7687", "MELOGRAPH_SAMPLE", "true")), "asked for");
        assertFalse(on(Map.of("MELOGRAPH_SAMPLE", "false")), "turned off");
        assertTrue(on(Map.of("NEO4J_URI", " ", "MELOGRAPH_KAFKA_BOOTSTRAP", "")), "blank settings are unset");
    }
}
