package io.melograph.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal's seed segment: read first, never appended to, dropped without moving any later event. */
class SeedSegmentTest {

    private static List<Event> plays(String user, String prefix, int n, long from) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Event(prefix + i, user, "song-" + (i % 5), ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN,
                    null, from + i * 1_000L));
        }
        return out;
    }

    private static Map<String, JournalPosition> positions(FileJournal journal) {
        Map<String, JournalPosition> at = new TreeMap<>();
        journal.replay(JournalPosition.START, (e, after) -> at.put(e.eventId(), after));
        return at;
    }

    @Test
    void theSeedIsReadFirstAndDroppedWithoutMovingLaterEvents(@TempDir Path dir) throws Exception {
        assertTrue(SeedSegment.write(dir, sink -> sink.send(plays("sim:user:1", "seed-", 40, 1_600_000_000_000L))));
        Map<String, JournalPosition> real;
        try (FileJournal journal = FileJournal.open(dir)) {
            assertEquals(40, journal.size());
            Journal.Appended a = journal.append(plays("u-real", "real-", 10, 1_700_000_000_000L)).get();
            assertEquals(10, a.written());
            assertEquals(1, a.end().segment(), "appends go after the seed, never into it");
            assertEquals(1, journal.append(plays("sim:user:1", "seed-", 1, 1_600_000_000_000L)).get().duplicates(),
                    "a seed event sent again is a duplicate");
            List<String> order = new ArrayList<>();
            journal.replay(JournalPosition.START, (e, after) -> order.add(e.eventId()));
            assertEquals("seed-0", order.get(0));
            assertEquals("real-9", order.get(order.size() - 1));
            real = positions(journal);
            real.keySet().removeIf(id -> id.startsWith("seed-"));
        }
        assertFalse(SeedSegment.write(dir, sink -> { throw new AssertionError("a journal with events is not seeded"); }));
        try (FileJournal journal = FileJournal.open(dir)) {
            assertEquals(50, journal.size(), "reopened: the seed's ids come from the segment, then the index");
            journal.awaitIndexed();
        }

        long[][] seen = new long[1][];
        String[] id = new String[1];
        assertTrue(SeedSegment.drop(dir, (seedId, ends) -> {
            id[0] = seedId;
            seen[0] = ends;
        }));
        assertEquals(36, id[0].length(), "a seed has a name of its own: " + id[0]);
        assertEquals(40, seen[0].length);
        assertFalse(SeedSegment.exists(dir));
        try (FileJournal journal = FileJournal.open(dir)) {
            assertEquals(10, journal.size());
            assertEquals(real, positions(journal), "every later event is where it was: consumers' positions hold");
            assertEquals(1, journal.append(plays("u-real", "real-", 1, 1_700_000_000_000L)).get().duplicates());
        }
        assertFalse(SeedSegment.drop(dir, (seedId, ends) -> assertArrayEquals(new long[0], ends)), "nothing left to drop");
    }

    @Test
    void segmentsClosedAfterTheSeedAreIndexedWithItAndSurviveItsDrop(@TempDir Path dir) throws Exception {
        assertTrue(SeedSegment.write(dir, sink -> sink.send(plays("sim:user:1", "seed-", 30, 1_600_000_000_000L))));
        try (FileJournal journal = FileJournal.open(dir, 2_000)) { // small segments: appends roll over several
            for (int g = 0; g < 10; g++) {
                journal.append(plays("u-real", "real-" + g + "-", 10, 1_700_000_000_000L + g * 100_000L)).get();
            }
            assertTrue(journal.end().segment() > 3, "rolled over: " + journal.end());
            journal.awaitIndexed();
        }
        try (FileJournal journal = FileJournal.open(dir, 2_000)) {
            assertEquals(130, journal.size());
            journal.awaitIndexed();
            assertTrue(journal.idsInMemory() < 30, "the seed's and closed segments' ids are on disk: " + journal.idsInMemory());
            assertEquals(1, journal.append(plays("sim:user:1", "seed-", 1, 1_600_000_000_000L)).get().duplicates());
            assertEquals(1, journal.append(plays("u-real", "real-0-", 1, 1_700_000_000_000L)).get().duplicates());
        }
        assertTrue(SeedSegment.drop(dir, (seedId, ends) -> assertEquals(30, ends.length)));
        try (FileJournal journal = FileJournal.open(dir, 2_000)) {
            assertEquals(100, journal.size(), "the index was rebuilt from the segments left");
            assertEquals(1, journal.append(plays("u-real", "real-0-", 1, 1_700_000_000_000L)).get().duplicates());
        }
    }

    @Test
    void theEndOfTheSeedAndTheFirstAppendAreContiguous(@TempDir Path dir) throws Exception {
        assertTrue(SeedSegment.write(dir, sink -> sink.send(plays("sim:user:1", "seed-", 3, 1_600_000_000_000L))));
        long[] ends = SeedSegment.ends(dir);
        try (FileJournal journal = FileJournal.open(dir)) {
            JournalPosition seedEnd = new JournalPosition(0, ends[ends.length - 1]);
            assertTrue(journal.contiguous(seedEnd, new JournalPosition(1, 0)), "nothing lies between them");
            assertFalse(journal.contiguous(new JournalPosition(0, ends[0]), new JournalPosition(1, 0)), "seed events lie between");
            assertFalse(journal.contiguous(seedEnd, new JournalPosition(2, 0)));
        }
    }

    @Test
    void aSeedTooLargeIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        IOException e = assertThrows(IOException.class, () -> SeedSegment.write(dir,
                sink -> sink.send(plays("sim:user:1", "seed-", 1_000, 1_600_000_000_000L)), 20_000));
        assertTrue(e.getMessage().contains("MB, more than the 0.0 MB a seed segment may hold"), e.getMessage());
        assertTrue(SeedSegment.empty(dir) && !SeedSegment.exists(dir) && !SeedSegment.interrupted(dir));
    }

    @Test
    void aSeedCutShortLeavesNoSeedAndCanBeWrittenAgain(@TempDir Path dir) throws Exception {
        assertThrows(IOException.class, () -> SeedSegment.write(dir, sink -> {
            sink.send(plays("sim:user:1", "seed-", 5, 1_600_000_000_000L));
            throw new IOException("the start was cut short");
        }));
        assertFalse(SeedSegment.exists(dir));
        assertTrue(SeedSegment.empty(dir));
        assertTrue(SeedSegment.interrupted(dir), "the work folder says a seed was cut short");
        assertTrue(SeedSegment.write(dir, sink -> sink.send(plays("sim:user:1", "seed-", 5, 1_600_000_000_000L))));
        assertFalse(Files.exists(dir.resolve("seed.tmp")), "the work folder of the first try is gone");
        try (FileJournal journal = FileJournal.open(dir)) {
            assertEquals(5, journal.size());
        }
    }

    @Test
    void aJournalInUseIsNeitherSeededNorDropped(@TempDir Path dir) throws Exception {
        try (FileJournal journal = FileJournal.open(dir)) {
            assertThrows(JournalInUseException.class, () -> SeedSegment.write(dir, sink -> { }));
            assertThrows(JournalInUseException.class, () -> SeedSegment.drop(dir, (seedId, ends) -> {
                throw new AssertionError("nothing runs without the lock");
            }));
            assertEquals(0, journal.size());
        }
    }
}
