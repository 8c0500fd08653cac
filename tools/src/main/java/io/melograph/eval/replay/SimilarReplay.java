package io.melograph.eval.replay;

import io.melograph.events.Event;
import io.melograph.recall.Fusion;
import io.melograph.recall.RecallService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Similar songs ({@code /songs/{id}/similar}) for held-out seeds: the first song of a held-out session, scored
 * against the other songs the listener played in that session after it.
 */
final class SimilarReplay {
    private SimilarReplay() {}

    static List<Served> run(ReplayWorld world, Collection<HeldOut> listeners, int perListener, int size) {
        List<Served> out = new ArrayList<>();
        for (HeldOut h : listeners) {
            int taken = 0;
            for (List<Event> session : h.sessions()) {
                List<String> played = HeldOut.played(session);
                if (taken == perListener) {
                    break;
                }
                if (played.size() < 2) {
                    continue;
                }
                String seed = played.get(0);
                long started = System.nanoTime();
                Optional<RecallService.Answer> answer = world.recall.similarSongs(seed, size);
                long nanos = System.nanoTime() - started;
                if (answer.isEmpty()) {
                    continue; // a song the catalog at the cut does not have
                }
                List<Fusion.Fused> items = answer.get().merged(size);
                out.add(new Served(h.userId(), items.stream().map(Fusion.Fused::itemId).toList(),
                        items.stream().map(Fusion.Fused::channels).toList(), new long[] {nanos}, Truth.of(session, seed)));
                taken++;
            }
        }
        return out;
    }
}
