package io.melograph.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyStoreTest {
    @TempDir
    Path dir;

    private static DailyList list(String user, String day) {
        return list(user, day, "s1");
    }

    private static DailyList list(String user, String day, String song) {
        Pick p = new Pick(song, "song", "Song", List.of("A"), 1, "r", List.of("r"), List.of("c"), Map.of("c", 1.0), List.of(), false, false);
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
        store.putIfAbsent(list("ana", "2026-12-01"), 30);
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
        store.putIfAbsent(list("ana", "2026-12-01"), 30);
        store.putIfAbsent(list("ben", "2026-12-01"), 30);
        store.putIfAbsent(list("cy", "2026-12-01"), 30); // beyond the bound: on disk only
        assertEquals(3, files());
        Files.delete(dir.resolve("2026-12-01").toFile().listFiles((d, n) -> true)[0].toPath());
        long stillThere = Stream.of("ana", "ben", "cy").filter(u -> store.get(u, LocalDate.parse("2026-12-01"), 30).isPresent()).count();
        assertTrue(stillThere >= 2, "the two held in memory survive the file's loss: " + stillThere);
        store.putIfAbsent(list("ana", "2026-12-03"), 30);
        assertFalse(Files.exists(dir.resolve("2026-12-01")), "days before yesterday are deleted");
        assertTrue(store.get("ben", LocalDate.parse("2026-12-01"), 30).isEmpty(), "and leave memory too");
    }

    @Test
    void ofTwoProcessesComputingTheSameDayTheFirstListKeptIsEveryonesList() throws Exception {
        LocalDate day = LocalDate.parse("2026-12-01");
        DailyStore first = new DailyStore(dir, 10);
        DailyStore second = new DailyStore(dir, 10); // another serving process sharing the folder
        assertEquals(list("ana", "2026-12-01", "s1"), first.putIfAbsent(list("ana", "2026-12-01", "s1"), 30));
        assertEquals(list("ana", "2026-12-01", "s1"), second.putIfAbsent(list("ana", "2026-12-01", "s2"), 30),
                "the second one answers with the list kept first");
        assertEquals("s1", second.get("ana", day, 30).orElseThrow().items().get(0).id());
        assertEquals(1, files());
    }

    @Test
    void manyProcessesAtOnceAgreeOnOneList() throws Exception {
        int processes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DailyList>> kept = new ArrayList<>();
            for (int k = 0; k < processes; k++) {
                DailyStore store = new DailyStore(dir, 10);
                DailyList own = list("ana", "2026-12-01", "s" + k);
                kept.add(pool.submit(() -> {
                    start.await();
                    return store.putIfAbsent(own, 30);
                }));
            }
            start.countDown();
            Set<DailyList> answers = new HashSet<>();
            for (Future<DailyList> f : kept) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, answers.size(), "one list for everyone: " + answers);
            assertEquals(answers.iterator().next(), new DailyStore(dir, 10).get("ana", LocalDate.parse("2026-12-01"), 30).orElseThrow());
            assertEquals(1, files(), "no temporary file is left");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDamagedFileIsReplacedByTheNewList() throws Exception {
        Path file = dir.resolve("2026-12-01");
        new DailyStore(dir, 10).putIfAbsent(list("ana", "2026-12-01", "s1"), 30);
        Path written = file.toFile().listFiles()[0].toPath();
        Files.writeString(written, "{ not json");
        DailyStore store = new DailyStore(dir, 10);
        assertTrue(store.get("ana", LocalDate.parse("2026-12-01"), 30).isEmpty(), "a damaged list is no list");
        assertEquals(list("ana", "2026-12-01", "s2"), store.putIfAbsent(list("ana", "2026-12-01", "s2"), 30));
        assertEquals("s2", new DailyStore(dir, 10).get("ana", LocalDate.parse("2026-12-01"), 30).orElseThrow().items().get(0).id());
    }
}
