package io.melograph.eval.replay;

import java.util.List;

/**
 * One answer of a production scene in the replay and what the listener did around it.
 *
 * @param items    the answer's songs, best first
 * @param channels for each item, the recall channels that found it (strongest first)
 * @param nanos    the time of each scene call behind the answer (one; for FM one per song)
 */
record Served(String userId, List<String> items, List<List<String>> channels, long[] nanos, Truth truth) {
    /** The same answer without Daily's familiar songs: what its discovery part alone brought. */
    Served discoveries() {
        List<String> ids = new java.util.ArrayList<>();
        List<List<String>> found = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!channels.get(i).equals(List.of(io.melograph.scene.DailyMixScene.FAMILIAR))) {
                ids.add(items.get(i));
                found.add(channels.get(i));
            }
        }
        return new Served(userId, ids, found, nanos, truth);
    }
}
