package io.melograph.eval.replay;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;

import java.util.ArrayList;
import java.util.List;

/**
 * What one listener did in the held-out window, and their listening sessions in it (30-minute gaps, as live state
 * splits them; song events other than impressions).
 *
 * @param cut   the listener's cut, epoch milliseconds
 * @param known whether they had events before the cut (otherwise the state at the cut does not know them)
 */
record HeldOut(String userId, long cut, boolean known, Truth truth, List<List<Event>> sessions) {

    static HeldOut of(String userId, long cut, List<Event> after, boolean known) {
        List<List<Event>> sessions = new ArrayList<>();
        List<Event> session = null;
        long last = Long.MIN_VALUE;
        for (Event e : after) {
            if (e.itemType() != ItemType.SONG || e.action() == Action.IMPRESSION) {
                continue;
            }
            if (session == null || e.ts() - last > ListenerState.SESSION_GAP_MS) {
                session = new ArrayList<>();
                sessions.add(session);
            }
            session.add(e);
            last = e.ts();
        }
        return new HeldOut(userId, cut, known, Truth.of(after, null), sessions);
    }

    /** The songs played in a session, in the order first played. */
    static List<String> played(List<Event> session) {
        return List.copyOf(Truth.of(session, null).plays());
    }
}
