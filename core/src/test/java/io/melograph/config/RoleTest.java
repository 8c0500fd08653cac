package io.melograph.config;

import io.melograph.graph.GraphSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleTest {

    @Test
    void rolesSayWhatTheProcessDoes() {
        assertEquals(Role.SERVE, Role.parse(" Serve "));
        assertTrue(Role.ALL.serves() && Role.ALL.works());
        assertTrue(Role.SERVE.serves());
        assertFalse(Role.SERVE.works());
        assertTrue(Role.WORKER.works());
        assertFalse(Role.WORKER.serves());
        assertEquals("melograph.role must be one of all, serve, worker, not ''",
                assertThrows(IllegalArgumentException.class, () -> Role.parse(" ")).getMessage());
    }

    @Test
    void anUnsetOrEmptySettingIsTheJarsOwnRole() {
        assertEquals(Role.SERVE, Role.of(java.util.Optional.empty(), Role.SERVE));
        assertEquals(Role.ALL, Role.of(java.util.Optional.of(" "), Role.ALL), "docker-compose passes an unset variable as empty");
        assertEquals(Role.WORKER, Role.of(java.util.Optional.of("worker"), Role.SERVE));
        assertThrows(IllegalArgumentException.class, () -> Role.of(java.util.Optional.of("serving"), Role.SERVE));
    }

    @Test
    void onlyTheAllInOneRoleRunsOnThingsOneProcessOwns() {
        assertDoesNotThrow(() -> Role.ALL.checkShared(false, false, false));
        assertDoesNotThrow(() -> Role.SERVE.checkShared(true, true, true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Role.SERVE.checkShared(false, true, true)).getMessage()
                .contains("set MELOGRAPH_KAFKA_BOOTSTRAP"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Role.WORKER.checkShared(true, false, true)).getMessage()
                .contains("melograph.role=worker shares the graph with other processes: set NEO4J_URI"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Role.SERVE.checkShared(true, true, false)).getMessage()
                .contains("set MELOGRAPH_SHARED_DIR"));
    }

    @Test
    void theSharedFolderIsTheHomeUnlessSet() {
        Neo4jProperties neo4j = new Neo4jProperties(null, "neo4j", null, null, 7687, 7474, "512m");
        GraphSettings one = GraphSettings.of(new ServiceProperties("h", 8080, null, null, "512MB", 64, "all", " "), neo4j);
        assertEquals(Path.of("h").toAbsolutePath(), one.shared());
        ServiceProperties worker = new ServiceProperties("h", 8080, null, null, "512MB", 64, "WORKER", "/mnt/shared");
        assertEquals(Path.of("/mnt/shared"), GraphSettings.of(worker, neo4j).shared());
        assertEquals("worker", worker.role());
        assertEquals(Path.of("/mnt/shared"), GraphSettings.from(Map.of("MELOGRAPH_SHARED_DIR", "/mnt/shared")::get).shared());
        assertEquals(Path.of("data").toAbsolutePath(), GraphSettings.from(Map.<String, String>of()::get).shared());
    }
}
