package io.melograph.eval.replay;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a listener did with songs in a window an answer is scored against: songs played (a play or complete event),
 * completed, liked (or saved) and skipped.
 */
record Truth(Set<String> plays, Set<String> completes, Set<String> likes, Set<String> skips) {

    /** From the events, leaving out the song {@code except} (a seed the answer was asked about), or none when null. */
    static Truth of(Iterable<Event> events, String except) {
        Set<String> plays = new LinkedHashSet<>();
        Set<String> completes = new LinkedHashSet<>();
        Set<String> likes = new LinkedHashSet<>();
        Set<String> skips = new LinkedHashSet<>();
        for (Event e : events) {
            if (e.itemType() != ItemType.SONG || e.itemId().equals(except)) {
                continue;
            }
            if (e.action() == Action.PLAY || e.action() == Action.COMPLETE) {
                plays.add(e.itemId());
            }
            if (e.action() == Action.COMPLETE) {
                completes.add(e.itemId());
            }
            if (e.action() == Action.LIKE || e.action() == Action.SAVE) {
                likes.add(e.itemId());
            }
            if (e.action() == Action.SKIP) {
                skips.add(e.itemId());
            }
        }
        return new Truth(plays, completes, likes, skips);
    }
}
