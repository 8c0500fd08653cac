package io.melograph.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
