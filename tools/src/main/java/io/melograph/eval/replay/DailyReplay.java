package io.melograph.eval.replay;

import io.melograph.scene.DailyList;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.Pick;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Daily Recommendation as the service computes it at each listener's first 06:00 after their cut. */
final class DailyReplay {
    private DailyReplay() {}

    static List<Served> run(ReplayWorld world, Collection<HeldOut> listeners, int size) {
        return run(world.daily, listeners, size);
    }

    static List<Served> run(DailyMixScene daily, Collection<HeldOut> listeners, int size) {
        List<Served> out = new ArrayList<>();
        for (HeldOut h : listeners) {
            if (!h.known()) {
                continue; // the state at the cut has nothing of them: no Daily list (onboarding is not replayed)
            }
            Instant cut = Instant.ofEpochMilli(h.cut());
            ZoneId zone = daily.zoneOf(h.userId(), cut);
            Instant at = DailyMixScene.nextTurn(cut, zone);
            long started = System.nanoTime();
            Optional<DailyList> list = daily.daily(h.userId(), zone, size, at);
            long nanos = System.nanoTime() - started;
            list.ifPresent(l -> out.add(new Served(h.userId(), l.items().stream().map(Pick::id).toList(),
                    l.items().stream().map(Pick::channels).toList(), new long[] {nanos}, h.truth())));
        }
        return out;
    }
}
