package io.melograph.scene;

import io.melograph.events.Action;
import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listener's Private FM session: what was played (no repeats), and how their feedback bends the next choice.
 * A skip halves an artist's weight and two skips of an artist (or a dislike) drop it for the session; three skips
 * touching a genre drop that genre; a complete nudges the artist up; a like doubles the artist, lifts its genres and
 * makes the song a seed to explore around. Not thread-safe: the scene locks it.
 */
final class FmSession {
    static final int ARTIST_SKIPS_TO_DROP = 2;
    static final int GENRE_SKIPS_TO_DROP = 3;

    final String userId;
    final long startedAt;
    /** How many of the listener's events the session has read (their live state counts them). */
    long eventsSeen;
    long lastActive;
    /** Whether the session follows feedback (a request in the other mode starts a new session). */
    boolean adaptive = true;
    int position;
    final Set<String> served = new LinkedHashSet<>();
    final Set<String> disliked = new HashSet<>();
    final Map<String, Integer> artistSkips = new HashMap<>();
    final Map<String, Integer> genreSkips = new HashMap<>();
    final Map<String, Double> artistBoost = new HashMap<>();
    final Map<String, Double> genreBoost = new HashMap<>();
    final Set<String> droppedArtists = new LinkedHashSet<>();
    final Set<String> droppedGenres = new LinkedHashSet<>();
    final Map<String, String> artistNames = new HashMap<>();
    /** Songs liked in this session, newest last: seeds of the next exploration. */
    final List<ListenerContext.Seed> liked = new ArrayList<>();
    /** Candidates by id; explorations add to it. */
    final Map<String, Fusion.Fused> pool = new LinkedHashMap<>();
    Map<String, String> channels = Map.of();
    boolean fallback;
    /** Liked songs not explored yet. */
    final List<ListenerContext.Seed> toExplore = new ArrayList<>();

    FmSession(String userId, long eventsSeen, long now) {
        this.userId = userId;
        this.eventsSeen = eventsSeen;
        this.startedAt = now;
        this.lastActive = now;
    }

    /** Applies one feedback event on a song (its artists and genres from the catalog). */
    void feedback(Action action, String songId, String songName, List<String> artists, List<String> artistNameList, List<String> genres) {
        for (int i = 0; i < artists.size() && i < artistNameList.size(); i++) {
            artistNames.put(artists.get(i), artistNameList.get(i));
        }
        switch (action) {
            case SKIP -> {
                for (String a : artists) {
                    if (artistSkips.merge(a, 1, Integer::sum) >= ARTIST_SKIPS_TO_DROP) {
                        droppedArtists.add(a);
                    }
                }
                for (String g : genres) {
                    if (genreSkips.merge(g, 1, Integer::sum) >= GENRE_SKIPS_TO_DROP && genreBoost.getOrDefault(g, 0.0) == 0) {
                        droppedGenres.add(g);
                    }
                }
            }
            case DISLIKE -> {
                disliked.add(songId);
                droppedArtists.addAll(artists);
            }
            case COMPLETE -> artists.forEach(a -> artistBoost.merge(a, 0.2, Double::sum));
            case LIKE, SAVE -> {
                artists.forEach(a -> {
                    artistBoost.merge(a, 1.0, Double::sum);
                    droppedArtists.remove(a);
                    artistSkips.remove(a);
                });
                genres.forEach(g -> {
                    genreBoost.merge(g, 0.3, Double::sum);
                    droppedGenres.remove(g);
                });
                ListenerContext.Seed seed = new ListenerContext.Seed(songId, songName, 1.0, 0);
                liked.add(seed);
                toExplore.add(seed);
            }
            default -> { }
        }
    }

    /** How feedback weighs a candidate by these artists and genres; 0 when the session dropped one of them. */
    double multiplier(List<String> artists, List<String> genres) {
        double m = 1;
        for (String a : artists) {
            if (droppedArtists.contains(a)) {
                return 0;
            }
            m *= Math.pow(0.5, artistSkips.getOrDefault(a, 0)) * (1 + artistBoost.getOrDefault(a, 0.0));
        }
        for (String g : genres) {
            if (droppedGenres.contains(g)) {
                return 0;
            }
            m *= Math.pow(0.8, genreSkips.getOrDefault(g, 0)) * (1 + genreBoost.getOrDefault(g, 0.0));
        }
        return m;
    }

    /** Artist names and genres the session steers away from, for the answer. */
    List<String> avoiding() {
        List<String> out = new ArrayList<>();
        droppedArtists.forEach(a -> out.add(artistNames.getOrDefault(a, a)));
        out.addAll(droppedGenres);
        return out;
    }
}
