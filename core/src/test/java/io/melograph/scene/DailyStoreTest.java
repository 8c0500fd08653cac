package io.melograph.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyStoreTest {
    @TempDir
    Path dir;

    private static DailyList list(String user, String day) {
        Pick p = new Pick("s1", "song", "Song", List.of("A"), 1, "r", List.of("r"), List.of("c"), Map.of("c", 1.0), List.of(), false, false);
        return new DailyList(user, day, "UTC", day + "T05:00:00Z", day + "T06:00:00Z", List.of(p), Map.of("c", "ok"), false, false, 0, 0);
    }

    private long files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void listsAreKeptOnDiskAndServedFromMemory() throws Exception {
        DailyStore store = new DailyStore(dir, 10);
        store.put(list("ana", "2026-12-01"), 30);
        assertEquals(1, files());
        assertTrue(store.has("ana", LocalDate.parse("2026-12-01"), 30));
        assertFalse(store.has("ana", LocalDate.parse("2026-12-01"), 12), "another size is another list");
        // a restart reads the file
        assertEquals(list("ana", "2026-12-01"), new DailyStore(dir, 10).get("ana", LocalDate.parse("2026-12-01"), 30).orElseThrow());
        // the same store answers from memory, without the file
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                Files.delete(f);
            }
        }
        assertEquals("ana", store.get("ana", LocalDate.parse("2026-12-01"), 30).orElseThrow().userId());
    }

    @Test
    void oldDaysLeaveMemoryAndDiskAndTheBoundHolds() throws Exception {
        DailyStore store = new DailyStore(dir, 2);
        store.put(list("ana", "2026-12-01"), 30);
        store.put(list("ben", "2026-12-01"), 30);
        store.put(list("cy", "2026-12-01"), 30); // beyond the bound: on disk only
        assertEquals(3, files());
        Files.delete(dir.resolve("2026-12-01").toFile().listFiles((d, n) -> true)[0].toPath());
        long stillThere = Stream.of("ana", "ben", "cy").filter(u -> store.get(u, LocalDate.parse("2026-12-01"), 30).isPresent()).count();
        assertTrue(stillThere >= 2, "the two held in memory survive the file's loss: " + stillThere);
        store.put(list("ana", "2026-12-03"), 30);
        assertFalse(Files.exists(dir.resolve("2026-12-01")), "days before yesterday are deleted");
        assertTrue(store.get("ben", LocalDate.parse("2026-12-01"), 30).isEmpty(), "and leave memory too");
    }
}
