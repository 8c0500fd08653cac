package io.melograph.graph;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphSettingsTest {

    /** The commands read a setting's system property by its key, as the service does, or by the old dotted name. */
    @Test
    void aSystemPropertyIsFoundByItsKeyOrItsDottedName() {
        try {
            System.setProperty("neo4j.bolt-port", "17001");
            assertEquals(Optional.of("17001"), GraphSettings.setting("NEO4J_BOLT_PORT"));
            assertEquals(17001, GraphSettings.fromEnvironment().boltPort());
            System.clearProperty("neo4j.bolt-port");
            System.setProperty("neo4j.bolt.port", "17002");
            assertEquals(Optional.of("17002"), GraphSettings.setting("NEO4J_BOLT_PORT"));
            System.setProperty("melograph.embedding-dim", "32");
            assertEquals(32, GraphSettings.fromEnvironment().embeddingDimensions());
        } finally {
            System.clearProperty("neo4j.bolt-port");
            System.clearProperty("neo4j.bolt.port");
            System.clearProperty("melograph.embedding-dim");
        }
    }
}
