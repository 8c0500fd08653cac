package io.melograph.interest;

import io.melograph.events.Action;
import io.melograph.events.ActionWeights;
import io.melograph.events.Event;
import io.melograph.events.ItemType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each listener's songs in the order they took to them, built from events in time order: what an interest model
 * learns from, is judged on, and computes a listener's interests from when serving.
 */
public final class ListeningHistory {
    private final Map<String, List<String>> songs = new LinkedHashMap<>();
    private final Map<String, List<Long>> times = new LinkedHashMap<>();

    /**
     * Whether the event says the listener took to the song: finished, liked, saved or shared it. A bare play starts
     * every song, a skip or a dislike turns away: neither is an interest.
     */
    public static boolean takesTo(Event e) {
        return takesTo(e.itemType(), e.action());
    }

    public static boolean takesTo(ItemType type, Action action) {
        return type == ItemType.SONG && ActionWeights.of(action) >= ActionWeights.of(Action.COMPLETE);
    }

    /** Adds the event when the listener took to its song (one step for a song finished then liked). */
    public void add(Event e) {
        if (takesTo(e)) {
            List<String> l = songs.computeIfAbsent(e.userId(), k -> new ArrayList<>());
            if (l.isEmpty() || !l.get(l.size() - 1).equals(e.itemId())) {
                l.add(e.itemId());
                times.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e.ts());
            }
        }
    }

    /** Per listener (in the order first seen), their songs oldest first. */
    public Map<String, List<String>> listeners() {
        return songs;
    }

    public List<String> of(String userId) {
        return songs.getOrDefault(userId, List.of());
    }

    /** When the listener took to each of {@link #of}'s songs. */
    public List<Long> timesOf(String userId) {
        return times.getOrDefault(userId, List.of());
    }
}
