package io.melograph.recall;

import io.melograph.neighbours.Neighbour;

import java.time.Duration;
import java.util.List;

/**
 * A channel whose answer for one song depends on that song alone, so it can be computed ahead and kept in the
 * neighbour store ({@link NeighbourBuild}), then told again from there with the same sentence and path.
 */
public interface ItemChannel extends RecallChannel {
    /** The song's neighbours as the channel answers for it alone, best first. */
    List<Neighbour> neighbours(String songId, String songName, int limit, Duration budget);

    /**
     * Whether the channel also starts from the listener's artist seeds (same artist, band members, artist tags): those
     * are not in the store, which holds lists per song, so the graph answers for them.
     */
    boolean readsArtistSeeds();

    /** Stored neighbours as this channel's candidates for the context (whose seed they were found from), in order. */
    List<Candidate> candidates(List<Neighbour> neighbours, ListenerContext context);
}
