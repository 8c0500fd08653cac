package io.melograph.train.ranking;

import io.melograph.events.Event;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Head;
import io.melograph.train.ChainExposures;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The journal's events as the labelled exposures of one model's vocabulary ({@link ChainExposures}): listeners and
 * items by the model's indices, those it does not know as index 0 (its "any other" row), split at a cut into the
 * exposures it learns from and those it is judged on. Every history is built from all events before its exposure,
 * on either side of the cut, as serving builds it from the listener's latest events.
 */
final class JournalExposures {
    private final ChainExposures.Events events;
    private final BehaviourSequences.History[] histories;
    private final long[] times;

    /** @param events in time order */
    JournalExposures(List<Event> events, Map<String, Integer> users, Map<String, Integer> items) {
        int n = events.size();
        int[] u = new int[n];
        int[] i = new int[n];
        times = new long[n];
        String[] actions = new String[n];
        String[] scenes = new String[n];
        for (int k = 0; k < n; k++) {
            Event e = events.get(k);
            u[k] = users.getOrDefault(e.userId(), 0);
            i[k] = items.getOrDefault(e.itemId(), 0);
            times[k] = e.ts();
            actions[k] = e.action().wire();
            scenes[k] = e.scene();
        }
        this.events = new ChainExposures.Events(u, i, times, actions, scenes);
        this.histories = ChainExposures.histories(this.events);
    }

    /** Each behaviour's exposures before {@code cut} (epoch ms). */
    Map<Head, ChainExposures.Labelled> before(long cut) {
        return of(IntStream.range(0, times.length).filter(k -> times[k] < cut).toArray());
    }

    /** Each behaviour's exposures from {@code cut} on. */
    Map<Head, ChainExposures.Labelled> after(long cut) {
        return of(IntStream.range(0, times.length).filter(k -> times[k] >= cut).toArray());
    }

    private Map<Head, ChainExposures.Labelled> of(int[] rows) {
        Map<Head, ChainExposures.Labelled> out = new EnumMap<>(Head.class);
        for (Head h : Head.values()) {
            out.put(h, ChainExposures.of(events, rows, h, histories));
        }
        return out;
    }


    /** The ids of the events' listeners or items in order of first appearance, after {@code first} (the "any other" row). */
    static List<String> idsOf(List<Event> events, Function<Event, String> id, String first) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        ids.add(first);
        events.forEach(e -> ids.add(id.apply(e)));
        return new ArrayList<>(ids);
    }
}
