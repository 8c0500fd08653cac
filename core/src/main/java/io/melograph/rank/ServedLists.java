package io.melograph.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the service showed whom in which scene, remembered for a while so that an impression event coming back from the
 * app is learned with the recall channels that scene served it with (the journal carries no channels; one song may
 * reach a listener through Daily and FM by different channels). An event that names no scene (the field is optional)
 * takes the channels of the scene that showed the song last before it. Bounded by age ({@value #KEEP_MS} ms) and
 * count of (listener, song); in memory only: examples learned on a journal replay have no channels.
 */
public final class ServedLists {
    static final long KEEP_MS = 2 * 3_600_000L;
    private static final long CLOCK_LEEWAY_MS = 60_000;
    private final int capacity;
    /** (listener, song) → what each scene that showed it served it with, usually one */
    private final LinkedHashMap<String, List<Served>> served;

    private record Served(String scene, List<String> channels, long at) {}

    public ServedLists(int capacity) {
        this.capacity = capacity;
        this.served = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Served>> eldest) {
                return size() > ServedLists.this.capacity;
            }
        };
    }

    /** Remembers the channels of songs {@code scene} showed a listener at {@code ts}. */
    public synchronized void remember(String userId, String scene, long ts, List<FtrlRanker.Candidate> shown) {
        for (FtrlRanker.Candidate c : shown) {
            String key = key(userId, c.itemId());
            List<Served> scenes = served.remove(key); // re-inserted at the young end
            scenes = scenes == null ? new ArrayList<>(1) : scenes;
            scenes.removeIf(s -> Objects.equals(s.scene(), scene));
            scenes.add(new Served(scene, List.copyOf(c.channels()), ts));
            served.put(key, scenes);
        }
    }

    /**
     * The channels {@code scene} (null: the latest scene) served a song with to this listener near {@code ts}, or an
     * empty list when unknown.
     */
    public synchronized List<String> channels(String userId, String scene, String itemId, long ts) {
        List<Served> scenes = served.get(key(userId, itemId));
        if (scenes == null) {
            return List.of();
        }
        Served s = scene == null ? latestBy(scenes, ts)
                : scenes.stream().filter(x -> scene.equals(x.scene())).findFirst().orElse(null);
        return s == null || Math.abs(ts - s.at()) > KEEP_MS ? List.of() : s.channels();
    }

    /**
     * For an event without a scene: the scene that showed the song last before it (a minute's leeway for the app's
     * clock), not one that showed it again since (Daily records its list at every request); else the nearest after.
     */
    private static Served latestBy(List<Served> scenes, long ts) {
        Comparator<Served> byTime = Comparator.comparingLong(Served::at);
        return scenes.stream().filter(x -> x.at() <= ts + CLOCK_LEEWAY_MS).max(byTime)
                .orElseGet(() -> scenes.stream().min(byTime).orElseThrow());
    }

    public synchronized int size() {
        return served.size();
    }

    private static String key(String userId, String itemId) {
        return userId + '\u0000' + itemId;
    }
}
