package io.melograph.config;

import io.melograph.graph.GraphSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoModeTest {

    private static boolean on(String neo4jUri, String kafka, String sample) {
        ServiceProperties service = new ServiceProperties("data", 8080, null, sample, "512MB", 64, "all", null);
        Neo4jProperties neo4j = new Neo4jProperties(neo4jUri, "neo4j", null, null, 7687, 7474, "512m");
        return DemoMode.of(service, GraphSettings.of(service, neo4j).external(), new KafkaProperties(kafka, "melograph.events", 0, 1)).on();
    }

    /** Before the configuration is bound (the demo's tuned values are installed then), by environment variable. */
    private static boolean onByName(java.util.Map<String, String> env) {
        return DemoMode.of(k -> java.util.Optional.ofNullable(env.get(k))).on();
    }

    @Test
    void beforeTheConfigurationIsBoundTheSameRulesHold() {
        assertTrue(onByName(java.util.Map.of()));
        assertFalse(onByName(java.util.Map.of("NEO4J_URI", "neo4j://graph:7687")));
        assertFalse(onByName(java.util.Map.of("MELOGRAPH_KAFKA_BOOTSTRAP", "kafka:9092")));
        assertTrue(onByName(java.util.Map.of("NEO4J_URI", "neo4j://graph:7687", "MELOGRAPH_SAMPLE", "true")));
        assertFalse(onByName(java.util.Map.of("MELOGRAPH_SAMPLE", "false")));
        assertTrue(onByName(java.util.Map.of("NEO4J_URI", " ", "MELOGRAPH_KAFKA_BOOTSTRAP", "")));
    }

    @Test
    void theDemoComesOnlyWhereNothingIsSharedUnlessAsked() {
        assertTrue(on(null, null, null), "embedded Neo4j, file journal: the one-command demo");
        assertFalse(on("neo4j://graph:7687", null, null), "an external graph gets no sample unless asked");
        assertFalse(on(null, "kafka:9092", null), "nor does a shared event log");
        assertTrue(on("neo4j://graph:7687", null, "true"), "asked for");
        assertFalse(on(null, null, "false"), "turned off");
        assertTrue(on(null, "kafka:9092", "1"), "any value but false asks for it, as before the configuration was bound");
        assertTrue(on(null, null, " "), "blank is unset");
        assertTrue(on(" ", "", null), "blank settings are unset");
    }
}
