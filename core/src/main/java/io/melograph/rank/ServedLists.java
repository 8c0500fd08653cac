package io.melograph.rank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service showed whom in which scene, remembered for a while so that an impression event coming back from the
 * app is learned with the recall channels that scene served it with (the journal carries no channels; an event names
 * its scene, and one song may reach a listener through Daily and FM by different channels). Bounded by age
 * ({@value #KEEP_MS} ms) and count; in memory only: examples learned on a journal replay have no channels.
 */
public final class ServedLists {
    static final long KEEP_MS = 2 * 3_600_000L;
    private final int capacity;
    private final LinkedHashMap<String, Served> served;

    private record Served(List<String> channels, long at) {}

    public ServedLists(int capacity) {
        this.capacity = capacity;
        this.served = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Served> eldest) {
                return size() > ServedLists.this.capacity;
            }
        };
    }

    /** Remembers the channels of songs {@code scene} showed a listener at {@code ts}. */
    public synchronized void remember(String userId, String scene, long ts, List<FtrlRanker.Candidate> shown) {
        for (FtrlRanker.Candidate c : shown) {
            String key = key(userId, scene, c.itemId());
            served.remove(key); // re-inserted at the young end
            served.put(key, new Served(List.copyOf(c.channels()), ts));
        }
    }

    /** The channels {@code scene} served a song with to this listener near {@code ts}, or an empty list when unknown. */
    public synchronized List<String> channels(String userId, String scene, String itemId, long ts) {
        Served s = served.get(key(userId, scene, itemId));
        return s == null || Math.abs(ts - s.at()) > KEEP_MS ? List.of() : s.channels();
    }

    public synchronized int size() {
        return served.size();
    }

    private static String key(String userId, String scene, String itemId) {
        return userId + '\u0000' + scene + '\u0000' + itemId;
    }
}
