package io.melograph.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileJournalTest {

    static Event event(int n) {
        return new Event("e-" + n, "u" + (n % 7), "song-" + (n % 13), ItemType.SONG, Action.values()[n % Action.values().length],
                n % 3 == 0 ? Event.UNKNOWN : n * 10L, 200_000, n % 2 == 0 ? "fm" : null, 1_700_000_000_000L + n);
    }

    static List<Event> events(int from, int to) {
        List<Event> out = new ArrayList<>();
        for (int n = from; n < to; n++) {
            out.add(event(n));
        }
        return out;
    }

    static List<Event> replay(Journal j) {
        List<Event> out = new ArrayList<>();
        j.replay(JournalPosition.START, (e, pos) -> out.add(e));
        return out;
    }

    @Test
    void appendsSurviveReopeningAndDuplicatesAreDroppedAcrossRestarts(@TempDir Path dir) throws Exception {
        List<Event> seen = new ArrayList<>();
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            j.onDurable((events, end) -> seen.addAll(events));
            List<CompletableFuture<Journal.Appended>> acks = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                acks.add(j.append(events(b * 50, b * 50 + 50)));
            }
            for (CompletableFuture<Journal.Appended> a : acks) {
                assertEquals(50, a.get().written(), "concurrent appends share a group commit");
            }
            for (int b = 10; b < 20; b++) {
                assertEquals(50, j.append(events(b * 50, b * 50 + 50)).get().written());
            }
            assertEquals(1000, j.size());
            Journal.Appended dup = j.append(List.of(event(3), event(1000), event(1000))).get();
            assertEquals(1, dup.written());
            assertEquals(2, dup.duplicates(), "an old id and a repeat within the batch");
        }
        assertEquals(1001, seen.size());
        assertTrue(Segments.list(dir).size() > 5, "small segments roll over");
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            List<Event> back = replay(j);
            assertEquals(1001, back.size());
            assertEquals(events(0, 1000), back.subList(0, 1000), "every field round-trips, in order");
            assertEquals(0, j.append(List.of(event(999))).get().written(), "still a duplicate after a restart");
        }
    }

    @Test
    void replayFromAPositionContinuesThere(@TempDir Path dir) throws Exception {
        try (FileJournal j = FileJournal.open(dir, 2048)) {
            assertReplayContinuesWhereAsked(j);
        }
    }

    /** Part of every journal's contract: a replay from the position after an event goes on with the next one. */
    static void assertReplayContinuesWhereAsked(Journal j) throws Exception {
        assertReplayContinuesWhereAsked(j, 0);
    }

    /** The same after the {@code first} events the journal already holds. */
    static void assertReplayContinuesWhereAsked(Journal j, int first) throws Exception {
        j.append(events(first, first + 100)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        JournalPosition[] middle = new JournalPosition[1];
        j.replay(JournalPosition.START, (e, after) -> {
            if (e.eventId().equals("e-" + (first + 59))) {
                middle[0] = after;
            }
        });
        List<Event> rest = new ArrayList<>();
        j.replay(middle[0], (e, after) -> rest.add(e));
        assertEquals(events(first + 60, first + 100), rest);
    }

    @Test
    void aTornTailIsTruncated(@TempDir Path dir) throws Exception {
        try (FileJournal j = FileJournal.open(dir)) {
            j.append(events(0, 10)).get();
        }
        Path segment = Segments.list(dir).get(0);
        long good = Files.size(segment);
        // a power cut in the middle of the next record: header and half a payload
        byte[] partial = ByteBuffer.allocate(20).putInt(Segments.MAGIC).putInt(60).putInt(12345).putInt(7).putInt(8).array();
        Files.write(segment, partial, StandardOpenOption.APPEND);
        try (FileJournal j = FileJournal.open(dir)) {
            assertEquals(10, replay(j).size());
            assertEquals(good, Files.size(segment), "truncated back to the last complete event");
            j.append(events(10, 12)).get();
            assertEquals(12, replay(j).size());
        }
    }

    @Test
    void damageInTheMiddleStopsStartUpUntilRepaired(@TempDir Path dir) throws Exception {
        try (FileJournal j = FileJournal.open(dir)) {
            j.append(events(0, 10)).get();
        }
        Path segment = Segments.list(dir).get(0);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x13, 0x37}), 100); // inside the second or third record
        }
        JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
        assertTrue(e.getMessage().contains("melograph journal repair"), e.getMessage());
        List<String> report = JournalRepair.repair(dir);
        assertEquals(1, report.size(), report.toString());
        assertTrue(report.get(0).contains("about 1 damaged event"), report.toString());
        try (FileJournal j = FileJournal.open(dir)) {
            assertEquals(9, replay(j).size(), "exactly the damaged event is gone");
        }
        assertTrue(JournalRepair.repair(dir).isEmpty(), "a sound journal needs no repair");
    }

    @Test
    void aRepairKeepsThePositionsConsumersHold(@TempDir Path dir) throws Exception {
        JournalPosition afterSeven;
        long endBefore;
        try (FileJournal j = FileJournal.open(dir)) {
            j.append(events(0, 10)).get();
            JournalPosition[] at = new JournalPosition[1];
            j.replay(JournalPosition.START, (e, after) -> {
                if (e.eventId().equals("e-7")) {
                    at[0] = after;
                }
            });
            afterSeven = at[0];
            endBefore = j.end().offset();
        }
        // damage two events before the consumer's position (e.g. the ranker's snapshot, the graph's cursor)
        Path segment = Segments.list(dir).get(0);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x13, 0x37, 0x13, 0x37}), 100);
            ch.write(ByteBuffer.wrap(new byte[] {0x13, 0x37}), afterSeven.offset() - 10);
        }
        assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
        assertEquals(2, JournalRepair.repair(dir).size());
        try (FileJournal j = FileJournal.open(dir)) {
            assertEquals(endBefore, j.end().offset(), "nothing moved");
            List<Event> rest = new ArrayList<>();
            j.replay(afterSeven, (e, after) -> rest.add(e));
            assertEquals(events(8, 10), rest, "a position kept from before the repair still continues after event 7");
            j.append(events(10, 12)).get();
            rest.clear();
            j.replay(afterSeven, (e, after) -> rest.add(e));
            assertEquals(events(8, 12), rest);
        }
        assertTrue(JournalRepair.repair(dir).isEmpty(), "a repaired journal is sound");
    }

    @Test
    void idsRememberedFromDownstreamAreDuplicates(@TempDir Path dir) throws Exception {
        try (FileJournal j = FileJournal.open(dir)) {
            j.append(events(10, 11)).get();
            assertEquals(List.of("e-3"), j.remember(List.of("e-3", "e-10")), "the ids the journal did not hold");
            Journal.Appended a = j.append(events(0, 5)).get();
            assertEquals(4, a.written());
            assertEquals(1, a.duplicates(), "e-3 was counted before the journal lost it");
        }
    }

    @Test
    void oneWriterAtATime(@TempDir Path dir) {
        try (FileJournal j = FileJournal.open(dir)) {
            JournalInUseException e = assertThrows(JournalInUseException.class, () -> FileJournal.open(dir));
            assertTrue(e.getMessage().contains("POST /events"), e.getMessage());
        }
        FileJournal.open(dir).close(); // released on close
    }

    @Test
    void closedSegmentsIdsLeaveMemoryForTheIndexOnDiskAndStayDuplicates(@TempDir Path dir) throws Exception {
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            for (int b = 0; b < 20; b++) {
                j.append(events(b * 50, b * 50 + 50)).get(); // ~5 KB a batch: a segment each
            }
            j.awaitIndexed();
            assertTrue(j.idsInMemory() < 100, j.idsInMemory() + " ids in memory: the open segment's only");
            assertEquals(0, j.append(List.of(event(3), event(500), event(999))).get().written(), "old ids are duplicates");
        }
        assertTrue(Files.exists(IdIndex.file(dir)));
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            assertEquals(1000, j.size(), "records counted from the index and the segments after it");
            assertTrue(j.idsInMemory() < 100, "a start scans only the segments after the index");
            assertEquals(1, j.append(List.of(event(7), event(1000))).get().written());
            assertEquals(1001, replay(j).size());
        }
        // a lost or damaged index is rebuilt from the segments
        Files.write(IdIndex.file(dir), new byte[] {1, 2, 3});
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            assertEquals(1001, j.size());
            assertEquals(0, j.append(List.of(event(0), event(1000))).get().written());
            j.awaitIndexed();
            assertTrue(j.idsInMemory() < 100, j.idsInMemory() + " ids in memory after the rebuild");
            assertEquals(0, j.append(List.of(event(1))).get().written());
        }
    }

    @Test
    void aRepairDropsTheIndexSoBlankedIdsAreForgotten(@TempDir Path dir) throws Exception {
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            for (int b = 0; b < 4; b++) {
                j.append(events(b * 50, b * 50 + 50)).get();
            }
            j.awaitIndexed();
        }
        Path first = Segments.list(dir).get(0);
        try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x13, 0x37}), 100); // inside the second or third record
        }
        assertEquals(1, JournalRepair.repair(dir).size());
        assertTrue(!Files.exists(IdIndex.file(dir)), "the index went with the repair");
        try (FileJournal j = FileJournal.open(dir, 4096)) {
            assertEquals(199, j.size());
            List<String> ids = replay(j).stream().map(Event::eventId).toList();
            String blanked = events(0, 50).stream().map(Event::eventId).filter(id -> !ids.contains(id)).findFirst().orElseThrow();
            assertEquals(1, j.append(List.of(events(0, 50).stream().filter(e -> e.eventId().equals(blanked)).findFirst().orElseThrow()))
                    .get().written(), "the blanked event can be sent again");
        }
    }

    @Test
    void anIdsDigestReadFromItsRecordIsTheDigestOfTheId() {
        for (String id : List.of("", "a", "exactly-16-bytes", "a much longer event id of 40 bytes or so", "ünïcödé-♫-id")) {
            Event e = new Event(id, "u", "s", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN, null, 1L);
            org.junit.jupiter.api.Assertions.assertArrayEquals(EventIdSet.hash(id), EventCodec.idHash(EventCodec.encode(e)), id);
        }
    }

    @Test
    void idSetHoldsManyIds() {
        EventIdSet ids = new EventIdSet();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(ids.add("id-" + i));
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertTrue(!ids.add("id-" + i) && ids.contains("id-" + i));
        }
        ids.remove("id-5");
        assertTrue(!ids.contains("id-5") && ids.contains("id-6"));
        assertEquals(199_999, ids.size());
    }
}
