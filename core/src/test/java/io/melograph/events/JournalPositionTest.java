package io.melograph.events;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Positions of one lane (the file journal) are ordered as before; of several lanes (partitions), lane by lane. */
class JournalPositionTest {

    private static JournalPosition offsets(long... offsets) {
        return JournalPosition.ofOffsets(offsets);
    }

    @Test
    void oneLaneIsOrderedBySegmentThenOffset() {
        JournalPosition a = new JournalPosition(1, 900);
        JournalPosition b = new JournalPosition(2, 10);
        assertTrue(a.atOrBefore(b));
        assertFalse(b.atOrBefore(a));
        assertTrue(a.atOrBefore(a));
        assertEquals(a, JournalPosition.min(a, b));
        assertEquals(b, JournalPosition.max(a, b));
        assertTrue(JournalPosition.START.atOrBefore(a));
        assertEquals("1:900", a.toString());
    }

    @Test
    void severalLanesAreOrderedLaneByLaneAndMayBeIncomparable() {
        JournalPosition a = offsets(5, 2, 7);
        JournalPosition b = offsets(3, 4, 7);
        assertFalse(a.atOrBefore(b));
        assertFalse(b.atOrBefore(a));
        assertEquals(offsets(3, 2, 7), JournalPosition.min(a, b));
        assertEquals(offsets(5, 4, 7), JournalPosition.max(a, b));
        assertTrue(JournalPosition.min(a, b).atOrBefore(a) && JournalPosition.min(a, b).atOrBefore(b));
        assertEquals("0:5,0:2,0:7", a.toString());
        assertEquals(3, a.lanes());
    }

    @Test
    void aLaneAPositionDoesNotHaveStandsAtItsStart() {
        assertEquals(JournalPosition.START, offsets(0, 0, 0));
        assertEquals(JournalPosition.START.hashCode(), offsets(0, 0, 0).hashCode());
        assertEquals(new JournalPosition(0, 4), offsets(4, 0));
        assertTrue(new JournalPosition(0, 4).atOrBefore(offsets(4, 1)));
        assertFalse(offsets(4, 1).atOrBefore(new JournalPosition(0, 4)));
        assertEquals(offsets(4, 0, 9), offsets(4).withOffset(2, 9));
    }

    /** One event moves one lane: whether it is covered depends on that lane alone, however the others were read. */
    @Test
    void coversAsksAboutTheLaneTheEventMoved() {
        JournalPosition learned = offsets(10, 3);
        // read in another interleaving: lane 0 already past what was learned, the event is in lane 1
        assertTrue(learned.covers(offsets(12, 2), offsets(12, 3)), "lane 1's event at offset 2 was learned");
        assertFalse(learned.covers(offsets(12, 3), offsets(12, 4)), "lane 1's event at offset 3 was not");
        assertFalse(learned.covers(offsets(10, 0), offsets(11, 0)), "lane 0's event at offset 10 was not");
        // one lane: after at or before the mark
        assertTrue(new JournalPosition(1, 50).covers(new JournalPosition(1, 20), new JournalPosition(1, 50)));
        assertFalse(new JournalPosition(1, 50).covers(new JournalPosition(1, 50), new JournalPosition(2, 0)));
    }

    @Test
    void flatRoundTripsAndRefusesOddLists() {
        JournalPosition p = offsets(7, 0, 3);
        assertEquals(List.of(0L, 7L, 0L, 0L, 0L, 3L), p.flat());
        assertEquals(p, JournalPosition.ofFlat(p.flat()));
        assertEquals(new JournalPosition(2, 5), JournalPosition.ofFlat(List.of(2L, 5L)));
        assertThrows(IllegalArgumentException.class, () -> JournalPosition.ofFlat(List.of(1L, 2L, 3L)));
    }

    @Test
    void writtenPositionsReadBackAndADamagedOneIsRefused() throws IOException {
        for (JournalPosition p : List.of(JournalPosition.START, new JournalPosition(3, 4096), offsets(7, 0, 3))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            p.write(new DataOutputStream(bytes));
            assertEquals(p, JournalPosition.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        }
        for (int lanes : new int[] {0, -1, 100_001}) {
            byte[] damaged = ByteBuffer.allocate(4).putInt(lanes).array();
            assertThrows(IOException.class, () -> JournalPosition.read(new DataInputStream(new ByteArrayInputStream(damaged))));
        }
    }
}
