package io.melograph.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory id set: removing ids (written to disk, or of a failed send) never hides one that stays. */
class EventIdSetTest {

    @Test
    void idsRemovedInAnyOrderLeaveEveryOtherFindable() {
        EventIdSet set = new EventIdSet();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 200_000; k++) { // grows the table past its first size; probe runs wrap around its end
            ids.add("event-" + k);
            assertTrue(set.add(ids.get(k)));
        }
        Collections.shuffle(ids, new Random(7));
        List<String> gone = ids.subList(0, 120_000);
        List<String> kept = ids.subList(120_000, ids.size());
        set.removeAll(gone.stream().map(EventIdSet::hash).toArray(long[][]::new));
        set.remove(kept.get(0)); // one at a time, as an unacknowledged send is undone
        assertEquals(79_999, set.size());
        assertFalse(set.contains(kept.get(0)));
        for (String id : kept.subList(1, kept.size())) {
            assertTrue(set.contains(id), id);
            assertFalse(set.add(id), "still a duplicate: " + id);
        }
        for (String id : gone) {
            assertFalse(set.contains(id), id);
        }
        set.removeAll(kept.stream().map(EventIdSet::hash).toArray(long[][]::new)); // all but none: the table shrinks
        assertEquals(0, set.size());
        assertTrue(set.add("event-1") && set.contains("event-1"));
        set.removeAll(new long[][] {EventIdSet.hash("never-added")});
        assertEquals(1, set.size());
    }

    @Test
    void idsAddedWhileOthersAreRemovedPieceByPieceAreAllKept() throws Exception {
        EventIdSet set = new EventIdSet();
        for (int k = 0; k < 300_000; k++) {
            set.add("old-" + k);
        }
        long[][] gone = new long[200_000][];
        for (int k = 0; k < gone.length; k++) {
            gone[k] = EventIdSet.hash("old-" + k);
        }
        Thread remover = new Thread(() -> set.removeAll(gone)); // as a journal lets go of ids written to disk
        remover.start();
        for (int k = 0; k < 300_000; k++) { // as appends do meanwhile, under the set's monitor (the table grows meanwhile)
            synchronized (set) {
                assertTrue(set.add("new-" + k));
            }
        }
        remover.join();
        assertEquals(400_000, set.size());
        for (int k = 0; k < 300_000; k++) {
            assertEquals(k >= 200_000, set.contains("old-" + k), "old-" + k);
        }
        for (int k = 0; k < 300_000; k++) {
            assertTrue(set.contains("new-" + k), "new-" + k);
        }
    }
}
