package io.melograph.config;

import org.junit.jupiter.api.Test;

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
    void onlyTheAllInOneRoleRunsOnThingsOneProcessOwns() {
        assertDoesNotThrow(() -> Role.ALL.checkShared(false, false));
        assertDoesNotThrow(() -> Role.SERVE.checkShared(true, true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Role.SERVE.checkShared(false, true)).getMessage()
                .contains("set MELOGRAPH_KAFKA_BOOTSTRAP"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Role.WORKER.checkShared(true, false)).getMessage()
                .contains("melograph.role=worker shares the graph with other processes: set NEO4J_URI"));
    }

    @Test
    void theSharedFolderIsTheHomeUnlessSet() {
        ServiceProperties one = new ServiceProperties("h", 8080, null, null, "512MB", 64, "all", " ");
        assertEquals(one.shared(), java.nio.file.Path.of("h").toAbsolutePath());
        ServiceProperties split = new ServiceProperties("h", 8080, null, null, "512MB", 64, "WORKER", "/mnt/shared");
        assertEquals(java.nio.file.Path.of("/mnt/shared"), split.shared());
        assertEquals("worker", split.role());
    }
}
