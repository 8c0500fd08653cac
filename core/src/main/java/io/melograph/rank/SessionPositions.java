package io.melograph.rank;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many songs each active listener has played in their current session, as {@link OnlineLabels} last saw it:
 * the session position feature when scoring. A session ends after {@value OnlineLabels#WINDOW_MS} ms without an event.
 */
public final class SessionPositions {
    private record Mark(long lastTs, int plays) {}

    private final ConcurrentHashMap<String, Mark> marks = new ConcurrentHashMap<>();

    /** Songs played so far in the session {@code ts} belongs to (0 when it would start a new one). */
    public int position(String userId, long ts) {
        Mark m = marks.get(userId);
        return m == null || ts - m.lastTs() > OnlineLabels.WINDOW_MS ? 0 : m.plays();
    }

    void set(String userId, long lastTs, int plays) {
        marks.put(userId, new Mark(lastTs, plays));
    }

    void remove(String userId) {
        marks.remove(userId);
    }

    public int size() {
        return marks.size();
    }
}
