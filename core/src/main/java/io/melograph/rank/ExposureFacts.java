package io.melograph.rank;

import io.melograph.events.ItemCatalog;

import java.util.List;

/**
 * Everything the ranker knows about one song shown (or about to be shown) to one listener: the same record when it
 * scores a candidate and when it learns from what the listener then did, so served and learned features match.
 *
 * @param scene           where it is shown (daily, fm, search ...), or null
 * @param ts              when, epoch milliseconds UTC (its hour of day is a feature)
 * @param sessionPosition songs played earlier in the listener's current session (0 at the start of a session)
 * @param channels        the recall channels that proposed it; empty when unknown (e.g. learned on replay)
 * @param plays           the song's play count (popularity): when scored, or when the outcome is learned
 * @param song            the song's catalog facts, or null when the catalog does not know it
 */
public record ExposureFacts(String userId, String itemId, String scene, long ts, int sessionPosition, List<String> channels,
                            long plays, ItemCatalog.SongFacts song) {

    public ExposureFacts {
        channels = channels == null ? List.of() : channels;
    }

    public ExposureFacts withPlays(long count) {
        return new ExposureFacts(userId, itemId, scene, ts, sessionPosition, channels, count, song);
    }
}
