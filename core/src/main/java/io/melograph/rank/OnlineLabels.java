package io.melograph.rank;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;
import io.melograph.events.JournalPosition;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the event stream (journal order) into labelled examples, one head at a time; songs only.
 * <ul>
 *   <li>click: an IMPRESSION waits for a CLICK or PLAY of the same song by the same listener (positive); it is negative
 *       when the song is shown again first, or {@value #WINDOW_MS} ms of event time pass (which includes the session
 *       ending: a session ends after as long without an event).</li>
 *   <li>complete: a PLAY is positive on COMPLETE, negative on SKIP, on a new PLAY of the same song, or when it expires.</li>
 *   <li>like: a PLAY is positive on LIKE or SAVE (also after it completed), negative on DISLIKE, once the listener plays
 *       something next after it ended, or when it expires.</li>
 * </ul>
 * Each example carries the {@link ExposureFacts} of the moment it was shown or played: scene, hour, session position
 * (songs played earlier in the session), play count, and the recall channels remembered by {@link ServedLists} (none
 * when it was not served by this process, e.g. on replay). Expiry compares with the current event's time only, so the
 * same events give the same examples whether they are read live or replayed: what makes exactly-once learning after a
 * restore possible ({@link #replayFrom}).
 */
public final class OnlineLabels {
    /** How long an exposure waits for its outcome, and the idle time that ends a session: 30 minutes. */
    public static final long WINDOW_MS = 30 * 60_000L;
    /** Pending impressions kept per listener; older ones become negatives. */
    static final int MAX_PENDING = 1000;

    /** One labelled exposure for one head. */
    public record Example(Head head, ExposureFacts exposure, boolean label) {}

    /** A played song waiting for how it ended and for feedback. */
    private static final class Played {
        final ExposureFacts facts;
        boolean completeOpen = true;
        boolean likeOpen = true;

        Played(ExposureFacts facts) {
            this.facts = facts;
        }
    }

    /** One listener's current session and what in it still waits for an outcome. */
    private static final class Track {
        final JournalPosition startBefore;
        long lastTs;
        int plays;
        final LinkedHashMap<String, ExposureFacts> shown = new LinkedHashMap<>();
        final LinkedHashMap<String, Played> played = new LinkedHashMap<>();

        Track(JournalPosition startBefore, long ts) {
            this.startBefore = startBefore;
            this.lastTs = ts;
        }
    }

    private final FtrlRanker ranker;
    // access order: the listener idle longest comes first
    private final LinkedHashMap<String, Track> tracks = new LinkedHashMap<>(1024, 0.75f, true);

    public OnlineLabels(FtrlRanker ranker) {
        this.ranker = ranker;
    }

    /**
     * Takes the next event of the journal.
     *
     * @param before where the event (or its durable group) starts in the journal: replaying from there rebuilds this
     *               listener's session
     * @param out    receives the examples this event completes
     */
    public void accept(Event e, JournalPosition before, Consumer<Example> out) {
        expireIdle(e.ts(), out);
        Track t = tracks.get(e.userId());
        if (t != null && e.ts() - t.lastTs > WINDOW_MS) {
            expireAll(tracks.remove(e.userId()), out);
            t = null;
        }
        if (t == null) {
            t = new Track(before, e.ts());
            tracks.put(e.userId(), t);
        }
        expireItems(t, e.ts(), out);
        if (e.itemType() == ItemType.SONG) {
            song(t, e, out);
        }
        t.lastTs = Math.max(t.lastTs, e.ts());
        if (e.itemType() == ItemType.SONG && e.action() == Action.PLAY) {
            t.plays++;
        }
        ranker.sessions().set(e.userId(), t.lastTs, t.plays);
    }

    private void song(Track t, Event e, Consumer<Example> out) {
        String item = e.itemId();
        switch (e.action()) {
            case IMPRESSION -> {
                ExposureFacts again = t.shown.remove(item);
                if (again != null) {
                    out.accept(new Example(Head.CLICK, again, false));
                }
                t.shown.put(item, ranker.exposure(e.userId(), item, e.scene(), e.ts(), t.plays));
                if (t.shown.size() > MAX_PENDING) {
                    Iterator<ExposureFacts> it = t.shown.values().iterator();
                    out.accept(new Example(Head.CLICK, it.next(), false));
                    it.remove();
                }
            }
            case CLICK -> opened(t, item, out);
            case PLAY -> {
                opened(t, item, out);
                // the listener moved on: songs that ended get no like any more; a replayed song's old play is over
                Iterator<Map.Entry<String, Played>> it = t.played.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, Played> p = it.next();
                    if (p.getKey().equals(item) || !p.getValue().completeOpen) {
                        close(p.getValue(), out);
                        it.remove();
                    }
                }
                t.played.put(item, new Played(ranker.exposure(e.userId(), item, e.scene(), e.ts(), t.plays)));
            }
            case COMPLETE, SKIP -> {
                Played p = t.played.get(item);
                if (p != null && p.completeOpen) {
                    out.accept(new Example(Head.COMPLETE, p.facts, e.action() == Action.COMPLETE));
                    p.completeOpen = false;
                    removeIfDone(t, item, p);
                }
            }
            case LIKE, SAVE, DISLIKE -> {
                Played p = t.played.get(item);
                if (p != null && p.likeOpen) {
                    out.accept(new Example(Head.LIKE, p.facts, e.action() != Action.DISLIKE));
                    p.likeOpen = false;
                    removeIfDone(t, item, p);
                }
            }
            default -> { }
        }
    }

    private static void opened(Track t, String item, Consumer<Example> out) {
        ExposureFacts shown = t.shown.remove(item);
        if (shown != null) {
            out.accept(new Example(Head.CLICK, shown, true));
        }
    }

    private static void removeIfDone(Track t, String item, Played p) {
        if (!p.completeOpen && !p.likeOpen) {
            t.played.remove(item);
        }
    }

    /** Negatives for whatever of a play is still open. */
    private static void close(Played p, Consumer<Example> out) {
        if (p.completeOpen) {
            out.accept(new Example(Head.COMPLETE, p.facts, false));
        }
        if (p.likeOpen) {
            out.accept(new Example(Head.LIKE, p.facts, false));
        }
    }

    private static void expireItems(Track t, long now, Consumer<Example> out) {
        Iterator<ExposureFacts> shown = t.shown.values().iterator();
        while (shown.hasNext()) {
            ExposureFacts f = shown.next();
            if (now - f.ts() > WINDOW_MS) {
                out.accept(new Example(Head.CLICK, f, false));
                shown.remove();
            }
        }
        Iterator<Played> played = t.played.values().iterator();
        while (played.hasNext()) {
            Played p = played.next();
            if (now - p.facts.ts() > WINDOW_MS) {
                close(p, out);
                played.remove();
            }
        }
    }

    private static void expireAll(Track t, Consumer<Example> out) {
        t.shown.values().forEach(f -> out.accept(new Example(Head.CLICK, f, false)));
        t.played.values().forEach(p -> close(p, out));
    }

    /** Ends the sessions of listeners idle for longer than the window before {@code now}. */
    private void expireIdle(long now, Consumer<Example> out) {
        Iterator<Map.Entry<String, Track>> it = tracks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Track> eldest = it.next();
            if (now - eldest.getValue().lastTs <= WINDOW_MS) {
                break;
            }
            expireAll(eldest.getValue(), out);
            ranker.sessions().remove(eldest.getKey());
            it.remove();
        }
    }

    /**
     * Where a replay must start to rebuild every open session (and so every pending exposure) exactly: the earliest
     * session start, or {@code learnedUpTo} when no session is open.
     */
    public JournalPosition replayFrom(JournalPosition learnedUpTo) {
        JournalPosition from = learnedUpTo;
        for (Track t : tracks.values()) {
            from = JournalPosition.min(from, t.startBefore);
        }
        return from;
    }

    /** Exposures waiting for their outcome. */
    public int pending() {
        int n = 0;
        for (Track t : tracks.values()) {
            n += t.shown.size() + t.played.size();
        }
        return n;
    }

    public int openSessions() {
        return tracks.size();
    }
}
