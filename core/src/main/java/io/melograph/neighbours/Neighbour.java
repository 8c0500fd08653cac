package io.melograph.neighbours;

import java.util.List;

/**
 * One stored neighbour of a song in one channel: the candidate (id, type, name), its score for that song alone, the
 * ids and names of the path from the song to it (song first, candidate last), how many paths found it, and the
 * channel's detail for its sentence (a role, a tag's kind, a count).
 */
public record Neighbour(String id, String type, String name, double score, List<String> path, List<String> names,
                        long support, String detail) {
    public Neighbour {
        path = List.copyOf(path);
        names = List.copyOf(names);
    }
}
