package io.melograph.recall;

import java.util.List;

/**
 * A recalled item with its score and why.
 *
 * @param itemId   the item's id
 * @param itemType {@code song}, {@code artist}, {@code video}, {@code mlog} or {@code playlist}
 * @param name     the item's name or title, for display
 * @param score    the channel's score, higher is better; comparable within one channel only
 * @param channel  the channel that found it
 * @param reason   a human-readable sentence ("Same album as *X*, which you played 12 times")
 * @param path     ids of the nodes on the path that produced it, seed first, candidate last (open them in Neo4j Browser)
 */
public record Candidate(String itemId, String itemType, String name, double score, String channel, String reason,
                        List<String> path) {
    public Candidate {
        path = List.copyOf(path);
    }
}
