package io.melograph.eval.replay;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventIntake;
import io.melograph.scene.FmNext;
import io.melograph.scene.PrivateFmScene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Private FM started where each held-out session started. The radio serves {@code steps} songs one by one; when it
 * serves a song the listener played in that session, their real reactions to it (play, complete or skip, like ...)
 * are sent through intake at the radio's time, so the session adapts as it did for them; any other song counts as an
 * exposure only (the impression the radio records itself). Sessions run in time order over all listeners, each after
 * the graph has aggregated what the earlier ones added.
 */
final class FmSessionReplay {
    /** Where replayed sessions run: the radio, the way reactions reach it, and what settles between two sessions. */
    interface Radio {
        PrivateFmScene fm();

        /** Where the radio's listeners' events go. */
        EventIntake intake();

        /** Sends reactions through intake and waits until they are durable and in live state (the next request sees them). */
        default void append(List<Event> events) {
            if (!events.isEmpty()) {
                intake().accept(events).join();
            }
        }

        /** Before each session: what earlier sessions added reaches the graph. */
        void settle();
    }

    /** A served song the listener did not react to takes this long before the next request. */
    static final long EXPOSURE_MS = 1_000;
    /** Longest gap kept between two reactions to one served song (about a long song). */
    static final long MAX_GAP_MS = 10 * 60_000L;

    private FmSessionReplay() {}

    private record Start(HeldOut listener, List<Event> session) {}

    static List<Served> run(Radio world, Collection<HeldOut> listeners, int perListener, int steps) {
        List<Start> starts = new ArrayList<>();
        for (HeldOut h : listeners) {
            if (!h.known()) {
                continue;
            }
            h.sessions().stream().filter(s -> HeldOut.played(s).size() >= 2).limit(perListener)
                    .forEach(s -> starts.add(new Start(h, s)));
        }
        starts.sort(Comparator.comparingLong((Start s) -> s.session().get(0).ts()).thenComparing(s -> s.listener().userId()));
        List<Served> out = new ArrayList<>();
        for (Start s : starts) {
            world.settle();
            session(world, s, steps).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Served> session(Radio world, Start start, int steps) {
        String user = start.listener().userId();
        List<Event> events = start.session();
        long now = events.get(0).ts();
        List<String> items = new ArrayList<>();
        List<List<String>> channels = new ArrayList<>();
        long[] nanos = new long[steps];
        Set<String> reacted = new HashSet<>();
        int n = 0;
        while (n < steps) {
            long started = System.nanoTime();
            Optional<FmNext> next = world.fm().next(user, true, now);
            nanos[n] = System.nanoTime() - started;
            if (next.isEmpty() || next.get().item() == null) {
                break;
            }
            n++;
            String song = next.get().item().id();
            items.add(song);
            channels.add(next.get().item().channels());
            List<Event> reactions = reacted.add(song) ? reactions(events, song, user, now) : List.of();
            world.append(reactions);
            now = reactions.isEmpty() ? now + EXPOSURE_MS : reactions.get(reactions.size() - 1).ts() + EXPOSURE_MS;
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Served(user, items, channels, java.util.Arrays.copyOf(nanos, n), Truth.of(events, null)));
    }

    /**
     * The listener's first listening of the song in the session (its events up to the next play of it), moved to the
     * radio's time with the gaps between them kept but at most {@link #MAX_GAP_MS}, so the session stays one session.
     */
    private static List<Event> reactions(List<Event> session, String song, String user, long now) {
        List<Event> out = new ArrayList<>();
        long previous = -1;
        long at = now;
        for (Event e : session) {
            if (!e.itemId().equals(song) || e.action() == Action.IMPRESSION) {
                continue;
            }
            if (e.action() == Action.PLAY && !out.isEmpty()) {
                break; // played again later: that is another listening, not a reaction to this serve
            }
            at += previous < 0 ? 0 : Math.min(MAX_GAP_MS, e.ts() - previous);
            previous = e.ts();
            out.add(new Event(e.eventId(), user, song, e.itemType(), e.action(), e.positionMs(), e.durationMs(), "fm", at));
        }
        return out;
    }
}
