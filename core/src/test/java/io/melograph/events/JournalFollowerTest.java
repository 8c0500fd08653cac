package io.melograph.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalFollowerTest {

    private static List<Event> plays(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> new Event("f-" + n, "u", "s", ItemType.SONG, Action.PLAY, Event.UNKNOWN,
                Event.UNKNOWN, null, 1_700_000_000_000L + n)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eventsWrittenDuringTheCatchUpAreSeenOnceAndInOrder(@TempDir Path dir) throws Exception {
        try (FileJournal journal = FileJournal.open(dir)) {
            journal.append(plays(0, 100)).get();
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch beforeReplay = new CountDownLatch(1);
            CountDownLatch inReplay = new CountDownLatch(1);
            CountDownLatch reading = new CountDownLatch(1);
            JournalFollower follower = JournalFollower.start("test-catch-up", journal, () -> {
                await(beforeReplay);
                JournalPosition[] reached = {JournalPosition.START};
                journal.replay(JournalPosition.START, (e, after) -> {
                    if (seen.isEmpty()) {
                        reading.countDown();
                        await(inReplay);
                    }
                    seen.add(e.eventId());
                    reached[0] = after;
                });
                return reached[0];
            }, (events, end) -> events.forEach(e -> seen.add(e.eventId())));

            // written before the catch-up reads the journal's end: in its replay, and waiting here too
            journal.append(plays(100, 120)).get();
            beforeReplay.countDown();
            await(reading);
            // written while it replays: not in its replay (it reads up to the end it found), delivered after
            journal.append(plays(120, 150)).get();
            assertFalse(follower.caughtUp());
            inReplay.countDown();
            follower.awaitCaughtUp();
            assertTrue(follower.caughtUp());
            journal.append(plays(150, 160)).get(); // live

            assertEquals(plays(0, 160).stream().map(Event::eventId).toList(), seen, "every event once, in journal order");
        }
    }

    @Test
    void aFailedCatchUpStopsFollowingInsteadOfSkippingEvents(@TempDir Path dir) throws Exception {
        try (FileJournal journal = FileJournal.open(dir)) {
            List<String> live = Collections.synchronizedList(new ArrayList<>());
            JournalFollower follower = JournalFollower.start("test-failing", journal, () -> {
                throw new IllegalStateException("replay failed");
            }, (events, end) -> events.forEach(e -> live.add(e.eventId())));
            assertThrows(IllegalStateException.class, follower::awaitCaughtUp);
            journal.append(plays(0, 5)).get();
            assertEquals(List.of(), live, "nothing after a gap");
            assertFalse(follower.caughtUp());
        }
    }
}
