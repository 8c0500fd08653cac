package io.melograph.ingest.listens;

import io.melograph.events.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListenEventsTest {
    private static final List<Action> SKIP = List.of(Action.PLAY, Action.SKIP);
    private static final List<Action> COMPLETE = List.of(Action.PLAY, Action.COMPLETE);
    private static final List<Action> PLAY = List.of(Action.PLAY);

    private static Listen spotify(long ms, Boolean skipped, String reasonEnd) {
        return new Listen("u", 0, "a", null, "t", null, null, ms, skipped, reasonEnd, "android", 1);
    }

    @Test
    void skippedTrueIsASkipWhateverElseIsSaid() {
        assertEquals(SKIP, ListenEvents.actionsFor(spotify(200_000, true, "fwdbtn")));
        assertEquals(SKIP, ListenEvents.actionsFor(spotify(200_000, true, "trackdone")));
    }

    @Test
    void underThirtySecondsIsASkipUnlessTheTrackEnded() {
        assertEquals(SKIP, ListenEvents.actionsFor(spotify(0, false, "fwdbtn")));
        assertEquals(SKIP, ListenEvents.actionsFor(spotify(29_999, false, "backbtn")));
        assertEquals(SKIP, ListenEvents.actionsFor(spotify(12_000, null, "endplay")));
        assertEquals(SKIP, ListenEvents.actionsFor(spotify(12_000, null, null)), "account data: only msPlayed");
        assertEquals(COMPLETE, ListenEvents.actionsFor(spotify(25_000, false, "trackdone")), "a short track played through");
    }

    @Test
    void trackdoneIsComplete() {
        assertEquals(COMPLETE, ListenEvents.actionsFor(spotify(30_000, false, "trackdone")));
        assertEquals(COMPLETE, ListenEvents.actionsFor(spotify(215_093, null, "trackdone")));
    }

    @Test
    void aScrobbleIsComplete() {
        Listen scrobble = new Listen("user_000639", 0, "a", null, "t", null, null, Listen.UNKNOWN_MS, null, null, null, 1);
        assertEquals(COMPLETE, ListenEvents.actionsFor(scrobble));
    }

    @Test
    void anythingElseIsJustAPlay() {
        assertEquals(PLAY, ListenEvents.actionsFor(spotify(30_000, false, "fwdbtn")), "a skip after 30 s is not told from a late one");
        assertEquals(PLAY, ListenEvents.actionsFor(spotify(95_000, null, "endplay")));
        assertEquals(PLAY, ListenEvents.actionsFor(spotify(180_000, false, "logout")));
        assertEquals(PLAY, ListenEvents.actionsFor(spotify(215_093, null, null)), "account data: long enough, no end reason");
    }
    @Test
    void anIdenticalRowIsTheSameListenWithTheSameEventIds() {
        Listen a = new Listen("rob", 1614882782000L, "Acid King", null, "2 Wheel Nation", null, "III", 200_000, null, null, null, 2);
        Listen again = new Listen("rob", 1614882782000L, "Acid King", null, "2 Wheel Nation", null, "III", 200_000, null, null, null, 9);
        List<String> first = ListenImport.events(ListenFormat.LISTENBRAINZ, null, a, "song:1").stream().map(io.melograph.events.Event::eventId).toList();
        List<String> second = ListenImport.events(ListenFormat.LISTENBRAINZ, null, again, "song:1").stream().map(io.melograph.events.Event::eventId).toList();
        assertEquals(first, second, "the journal drops the repeat as a duplicate");
    }
}
