package io.melograph.events;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenerStatesTest {

    private static Event play(String user, long ts) {
        return new Event("e-" + user + "-" + ts, user, "s1", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN, null, ts);
    }

    @Test
    void onlyTheMostRecentlyActiveListenersAreKept() {
        ListenerStates states = new ListenerStates(new ItemCatalog(null), 100);
        for (int u = 0; u < 10_000; u++) {
            states.apply(play("once-" + u, 1_700_000_000_000L + u * 1_000L));
        }
        // a regular, active all along: never the least recent
        for (int i = 0; i < 50; i++) {
            states.apply(play("regular", 1_700_000_000_000L + 10_000_000L + i));
        }
        assertTrue(states.size() <= 110, states.size() + " listeners held");
        assertTrue(states.get("regular").isPresent());
        assertTrue(states.get("once-9999").isPresent(), "the newest one-time listener");
        assertTrue(states.get("once-0").isEmpty(), "the oldest let go");
        assertEquals(10_001 - states.size(), states.letGo());
        // a listener let go starts afresh with their next event
        states.apply(play("once-0", 1_700_000_000_000L + 20_000_000L));
        assertEquals(1, states.get("once-0").orElseThrow().events());
    }

    @Test
    void theOngoingSessionIsEveryEventSinceItBeganLateOnesIncluded() {
        ListenerStates states = new ListenerStates(new ItemCatalog(null), 100);
        long t = 1_700_000_000_000L;
        states.apply(play("u", t));                                   // an earlier session
        states.apply(play("u", t + ListenerState.SESSION_GAP_MS + 60_000)); // the current one begins
        states.apply(play("u", t + ListenerState.SESSION_GAP_MS + 120_000));
        states.apply(play("u", t + ListenerState.SESSION_GAP_MS + 30_000)); // late, stamped before the session began
        ListenerState u = states.get("u").orElseThrow();
        long last = t + ListenerState.SESSION_GAP_MS + 120_000;
        ListenerState.Ongoing going = u.ongoing(last + 60_000, ListenerState.SESSION_GAP_MS);
        assertEquals(4, going.total());
        assertEquals(List.of(t + ListenerState.SESSION_GAP_MS + 60_000, last, t + ListenerState.SESSION_GAP_MS + 30_000),
                going.events().stream().map(ListenerState.Recent::ts).toList(), "oldest applied first, the late one too");
        assertTrue(u.ongoing(last + ListenerState.SESSION_GAP_MS + 1, ListenerState.SESSION_GAP_MS).events().isEmpty(), "over");
    }

    @Test
    void affinitiesKeepTheStrongestHundredTiesGoingByNameAsInAStateReadBack() throws IOException {
        ListenerState s = new ListenerState("u");
        long t = 1_700_000_000_000L;
        for (int a = 0; a < 100; a++) { // 100 artists played once at one instant: all tie
            s.apply(event("a" + a, Action.PLAY, t), song(String.format("a%03d", a)));
        }
        // a like of a song by three new artists: each stronger than a play, so three of the tied ones go, by name
        s.apply(event("b", Action.LIKE, t), song("b1", "b2", "b3"));
        Map<String, Double> kept = s.artistAffinities(1_000);
        assertEquals(100, kept.size(), "no more than 100 kept");
        assertTrue(kept.keySet().containsAll(List.of("b1", "b2", "b3", "a003", "a099")), kept.keySet().toString());
        assertFalse(kept.keySet().stream().anyMatch(List.of("a000", "a001", "a002")::contains), kept.keySet().toString());

        // a state read back from a snapshot trims like the one it was written from
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.write(new DataOutputStream(bytes), new LiveStateSnapshot.Words());
        ListenerState back = ListenerState.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                new LiveStateSnapshot.Words());
        for (ListenerState state : List.of(s, back)) {
            state.apply(event("c", Action.COMPLETE, t), song("c1", "c2"));
        }
        assertEquals(s.artistAffinities(1_000), back.artistAffinities(1_000));
        assertFalse(s.artistAffinities(1_000).containsKey("a003"), "the next by name went");
    }

    private static Event event(String id, Action action, long ts) {
        return new Event("e-" + id, "u", "song-" + id, ItemType.SONG, action, Event.UNKNOWN, Event.UNKNOWN, null, ts);
    }

    private static ItemCatalog.SongFacts song(String... artists) {
        return new ItemCatalog.SongFacts("a song", List.of(artists), List.of(artists), List.of());
    }
}
