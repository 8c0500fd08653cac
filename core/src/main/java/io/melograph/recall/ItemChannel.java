package io.melograph.recall;

import io.melograph.neighbours.Neighbour;

import java.time.Duration;
import java.util.List;

/**
 * A channel whose answer for one seed (a song, an artist, a watched video; or, for friends, the listener) depends on
 * that seed alone, so it can be computed ahead and kept in the neighbour store ({@link NeighbourBuild}), then told
 * again from there with the same sentence and path.
 */
public interface ItemChannel extends RecallChannel {
    /** The song's neighbours as the channel answers for it alone, best first. */
    default List<Neighbour> neighbours(String songId, String songName, int limit, Duration budget) {
        return neighbours(ListenerContext.ofSong(songId, songName), limit, budget);
    }

    /** The neighbours of the context's one seed (a song, an artist, a watched video) as the channel answers for it alone. */
    List<Neighbour> neighbours(ListenerContext oneSeed, int limit, Duration budget);

    /**
     * Whether the channel starts from the listener themself (the people they follow), not from seeds: its store keeps
     * one list per listener, computed with nothing left out.
     */
    default boolean startsFromListener() {
        return false;
    }

    /** Whether the channel starts from the listener's watched videos and MLOGs (their songs). */
    default boolean readsWatchedSeeds() {
        return false;
    }

    /**
     * Whether the channel also starts from the listener's artist seeds (same artist, band members, artist tags): those
     * are not in the store, which holds lists per song, so the graph answers for them.
     */
    boolean readsArtistSeeds();

    /** Stored neighbours as this channel's candidates for the context (whose seed they were found from), in order. */
    List<Candidate> candidates(List<Neighbour> neighbours, ListenerContext context);
}
