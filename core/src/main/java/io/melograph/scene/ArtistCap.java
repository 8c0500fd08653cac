package io.melograph.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Re-ranking for a healthy mix: walks a ranked list and keeps an item only while none of its artists has reached the
 * cap, so one artist cannot fill a list. Items without known artists are never capped.
 */
public final class ArtistCap {
    private final int maxPerArtist;
    private final Map<String, Integer> used = new HashMap<>();

    public ArtistCap(int maxPerArtist) {
        if (maxPerArtist < 1) {
            throw new IllegalArgumentException("maxPerArtist must be at least 1");
        }
        this.maxPerArtist = maxPerArtist;
    }

    /** Whether the item fits; if so its artists are counted. */
    public boolean take(List<String> artists) {
        for (String a : artists) {
            if (used.getOrDefault(a, 0) >= maxPerArtist) {
                return false;
            }
        }
        artists.forEach(a -> used.merge(a, 1, Integer::sum));
        return true;
    }

    /** The first {@code limit} items of {@code ranked} that fit the cap, in order. */
    public <T> List<T> apply(List<T> ranked, Function<T, List<String>> artistsOf, int limit) {
        List<T> out = new ArrayList<>();
        for (T item : ranked) {
            if (out.size() == limit) {
                break;
            }
            if (take(artistsOf.apply(item))) {
                out.add(item);
            }
        }
        return out;
    }
}
