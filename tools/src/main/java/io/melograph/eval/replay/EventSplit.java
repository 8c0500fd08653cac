package io.melograph.eval.replay;

import io.melograph.events.Event;
import io.melograph.events.EventHistory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events' split by a {@link ReplayCut}: those before each listener's cut (in time order, to build the
 * state) and each listener's held-out window; events after the window are left out of both.
 */
record EventSplit(List<Event> before, Map<String, HeldOut> heldOut, long events, String checksum) {

    static EventSplit of(EventHistory history, ReplayCut cut) {
        Map<String, List<Event>> byListener = new HashMap<>();
        long[] n = {0};
        history.readAll((e, after) -> {
            byListener.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
            n[0]++;
        });
        return of(byListener, cut, n[0]);
    }

    static EventSplit of(List<Event> events, ReplayCut cut) {
        Map<String, List<Event>> byListener = new HashMap<>();
        events.forEach(e -> byListener.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e));
        return of(byListener, cut, events.size());
    }

    private static EventSplit of(Map<String, List<Event>> byListener, ReplayCut cut, long total) {
        List<Event> before = new ArrayList<>();
        Map<String, HeldOut> heldOut = new TreeMap<>(); // listeners in id order: the same order on every run
        for (Map.Entry<String, List<Event>> entry : byListener.entrySet()) {
            List<Event> list = entry.getValue();
            list.sort(Comparator.comparingLong(Event::ts)); // stable: journal order among equal times
            long c = cut.cutOf(list.get(list.size() - 1).ts());
            long end = c + cut.horizon().toMillis();
            List<Event> after = new ArrayList<>();
            boolean known = false;
            for (Event e : list) {
                if (e.ts() < c) {
                    before.add(e);
                    known = true;
                } else if (e.ts() < end) {
                    after.add(e);
                }
            }
            HeldOut h = HeldOut.of(entry.getKey(), c, after, known);
            if (!h.truth().plays().isEmpty()) {
                heldOut.put(entry.getKey(), h);
            }
        }
        before.sort(Comparator.comparingLong(Event::ts).thenComparing(Event::userId));
        return new EventSplit(before, heldOut, total, checksum(byListener));
    }

    /** SHA-256 over every event's id and time, listeners in id order: which events a report was made from. */
    private static String checksum(Map<String, List<Event>> byListener) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, List<Event>> e : new TreeMap<>(byListener).entrySet()) {
                for (Event event : e.getValue()) {
                    sha.update((event.eventId() + '\u0000' + event.ts() + '\n').getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Listeners with held-out plays, by whether they had events before their cut. */
    Map<String, Long> sizes() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("events read", events);
        out.put("events before the cut", (long) before.size());
        out.put("listeners with held-out plays", (long) heldOut.size());
        out.put("of them new after the cut", heldOut.values().stream().filter(h -> !h.known()).count());
        out.put("held-out plays", heldOut.values().stream().mapToLong(h -> h.truth().plays().size()).sum());
        return out;
    }
}
