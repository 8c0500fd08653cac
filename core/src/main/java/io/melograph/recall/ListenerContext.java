package io.melograph.recall;

import java.util.List;

/**
 * What recall knows about a listener: seed songs and artists with weights (long-term history blended with the live
 * session, strongest first), and items to leave out (already heard in this session, disliked).
 *
 * @param userId   the listener, or null for item-to-item requests (similar songs of one song)
 * @param songs    seed songs, strongest first
 * @param artists  seed artists, strongest first
 * @param exclude  item ids never to return
 * @param watched  videos and MLOGs the listener watched lately, strongest first (cross-entity recall)
 */
public record ListenerContext(String userId, List<Seed> songs, List<Seed> artists, List<String> exclude, List<Seed> watched) {
    public ListenerContext {
        songs = List.copyOf(songs);
        artists = List.copyOf(artists);
        exclude = List.copyOf(exclude);
        watched = List.copyOf(watched);
    }

    public ListenerContext(String userId, List<Seed> songs, List<Seed> artists, List<String> exclude) {
        this(userId, songs, artists, exclude, List.of());
    }

    /**
     * A seed: an item the listener loves, how much (weight in (0, 1]) and why we think so, for reasons.
     *
     * @param plays how often they played it (0 when it came from elsewhere, e.g. onboarding)
     */
    public record Seed(String id, String name, double weight, long plays) {}

    /** The context of one song (similar-song requests): it is the only seed and is excluded from the answer. */
    public static ListenerContext ofSong(String songId, String name) {
        return new ListenerContext(null, List.of(new Seed(songId, name, 1.0, 0)), List.of(), List.of(songId));
    }

    /** The context of one artist (similar-artist requests). */
    public static ListenerContext ofArtist(String artistId, String name) {
        return new ListenerContext(null, List.of(), List.of(new Seed(artistId, name, 1.0, 0)), List.of(artistId));
    }

    /** The context of one watched video or MLOG (its songs, for the neighbour store). */
    public static ListenerContext ofWatched(String videoId, String name) {
        return new ListenerContext(null, List.of(), List.of(), List.of(videoId), List.of(new Seed(videoId, name, 1.0, 0)));
    }

    /** The same context leaving these items out as well, so each channel drops them before it cuts its list. */
    public ListenerContext excluding(java.util.Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        java.util.Set<String> all = new java.util.LinkedHashSet<>(exclude);
        all.addAll(more);
        return new ListenerContext(userId, songs, artists, List.copyOf(all), watched);
    }

    public boolean isEmpty() {
        return songs.isEmpty() && artists.isEmpty() && watched.isEmpty();
    }
}
