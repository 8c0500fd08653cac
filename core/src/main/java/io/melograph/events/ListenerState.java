package io.melograph.events;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One listener, live: the last {@value #RECENT} actions, the current session (a new one after 30 minutes without an
 * event) with its counters, and short-term affinities to artists and genres that fade with a half-life of
 * {@value #HALF_LIFE_HOURS} hours of event time. Built only from events, so replaying the journal rebuilds it exactly.
 */
public final class ListenerState {
    public static final int RECENT = 200;
    public static final long SESSION_GAP_MS = 30 * 60_000L;
    static final int HALF_LIFE_HOURS = 6;
    private static final int MAX_AFFINITIES = 100;

    /** One remembered action. */
    public record Recent(String itemId, ItemType itemType, Action action, String scene, long ts) {}

    /** The current session: when it started, its last event, and what happened in it. */
    public record Session(int number, long start, long last, int plays, int completes, int skips, int likes) {}

    /**
     * A listening session still going: its events as they were applied, oldest first (at most {@link #RECENT}), and
     * how many events the listener has in all, read together.
     */
    public record Ongoing(List<Recent> events, long total) {}

    private final String userId;
    private final Deque<Recent> recent = new ArrayDeque<>();
    private final Map<String, Double> artists = new HashMap<>();
    private final Map<String, Double> genres = new HashMap<>();
    private long affinityTime = Long.MIN_VALUE;
    private Session session;
    /** Events applied since the current session began (in arrival order: late ones with earlier times included). */
    private long sessionEvents;
    private long events;
    private volatile long newest = Long.MIN_VALUE;

    ListenerState(String userId) {
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }

    /** The time of the newest event applied (how recently the listener was active). */
    public long newest() {
        return newest;
    }

    synchronized void apply(Event e, ItemCatalog.SongFacts song) {
        events++;
        newest = Math.max(newest, e.ts());
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(new Recent(e.itemId(), e.itemType(), e.action(), e.scene(), e.ts()));
        if (session == null || e.ts() - session.last() > SESSION_GAP_MS) {
            session = new Session(session == null ? 1 : session.number() + 1, e.ts(), e.ts(), 0, 0, 0, 0);
            sessionEvents = 0;
        }
        sessionEvents++;
        session = new Session(session.number(), session.start(), Math.max(session.last(), e.ts()),
                session.plays() + (e.action() == Action.PLAY ? 1 : 0), session.completes() + (e.action() == Action.COMPLETE ? 1 : 0),
                session.skips() + (e.action() == Action.SKIP ? 1 : 0), session.likes() + (e.action() == Action.LIKE ? 1 : 0));
        double weight = ActionWeights.of(e.action());
        if (song != null && weight != 0) {
            decayTo(e.ts());
            double share = weight / Math.max(1, song.artistIds().size());
            song.artistIds().forEach(a -> artists.merge(a, share, Double::sum));
            double genreShare = weight / Math.max(1, song.genres().size());
            song.genres().forEach(g -> genres.merge(g, genreShare, Double::sum));
            trim(artists);
            trim(genres);
        }
    }

    /** What a state keeps and how (part of {@link LiveStateSnapshot}'s rules). */
    static String rules() {
        return RECENT + "," + SESSION_GAP_MS + "," + HALF_LIFE_HOURS + "," + MAX_AFFINITIES;
    }

    /** A copy that later events to this one do not change (records and strings are shared: they do not change). */
    synchronized ListenerState copy() {
        ListenerState c = new ListenerState(userId);
        c.recent.addAll(recent);
        c.artists.putAll(artists);
        c.genres.putAll(genres);
        c.affinityTime = affinityTime;
        c.session = session;
        c.sessionEvents = sessionEvents;
        c.events = events;
        c.newest = newest;
        return c;
    }

    /** Writes the whole state (a live-state snapshot, {@link LiveStateSnapshot}); {@link #read} makes it again exactly. */
    synchronized void write(DataOutput out, LiveStateSnapshot.Words words) throws IOException {
        out.writeUTF(userId);
        out.writeLong(events);
        out.writeLong(newest);
        out.writeLong(affinityTime);
        out.writeLong(sessionEvents);
        out.writeBoolean(session != null);
        if (session != null) {
            out.writeInt(session.number());
            out.writeLong(session.start());
            out.writeLong(session.last());
            out.writeInt(session.plays());
            out.writeInt(session.completes());
            out.writeInt(session.skips());
            out.writeInt(session.likes());
        }
        writeAffinities(out, artists, words);
        writeAffinities(out, genres, words);
        out.writeInt(recent.size());
        for (Recent r : recent) {
            words.write(out, r.itemId());
            out.writeByte(r.itemType().ordinal());
            out.writeByte(r.action().ordinal());
            words.write(out, r.scene());
            out.writeLong(r.ts());
        }
    }

    static ListenerState read(DataInput in, LiveStateSnapshot.Words words) throws IOException {
        ListenerState s = new ListenerState(in.readUTF());
        s.events = in.readLong();
        s.newest = in.readLong();
        s.affinityTime = in.readLong();
        s.sessionEvents = in.readLong();
        if (in.readBoolean()) {
            s.session = new Session(in.readInt(), in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        }
        readAffinities(in, s.artists, words);
        readAffinities(in, s.genres, words);
        int n = in.readInt();
        ItemType[] types = ItemType.values();
        Action[] actions = Action.values();
        for (int i = 0; i < n; i++) {
            s.recent.addLast(new Recent(words.read(in), types[in.readByte()], actions[in.readByte()], words.read(in), in.readLong()));
        }
        return s;
    }

    private static void writeAffinities(DataOutput out, Map<String, Double> m, LiveStateSnapshot.Words words) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Double> e : m.entrySet()) {
            words.write(out, e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    private static void readAffinities(DataInput in, Map<String, Double> m, LiveStateSnapshot.Words words) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            m.put(words.read(in), in.readDouble());
        }
    }

    private void decayTo(long ts) {
        if (affinityTime != Long.MIN_VALUE && ts > affinityTime) {
            double factor = Math.pow(0.5, (ts - affinityTime) / (HALF_LIFE_HOURS * 3_600_000.0));
            artists.replaceAll((k, v) -> v * factor);
            genres.replaceAll((k, v) -> v * factor);
        }
        affinityTime = Math.max(affinityTime, ts);
    }

    /** Keeps the {@value #MAX_AFFINITIES} strongest: one song of several new artists may add more than one. */
    private static void trim(Map<String, Double> m) {
        int excess = m.size() - MAX_AFFINITIES;
        if (excess > 0) {
            // ties (two artists of one song fade alike) go by name, not by the map's order, which a state read back
            // from a snapshot need not share
            m.entrySet().stream().sorted(Comparator.<Map.Entry<String, Double>>comparingDouble(x -> Math.abs(x.getValue()))
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(excess).map(Map.Entry::getKey).toList().forEach(m::remove);
        }
    }

    /** The current session's events if its last event is at most {@code idleMs} before {@code now}; else none. */
    public synchronized Ongoing ongoing(long now, long idleMs) {
        int n = session == null || now - session.last() > idleMs ? 0 : (int) Math.min(sessionEvents, recent.size());
        List<Recent> out = new ArrayList<>(recent(n));
        java.util.Collections.reverse(out);
        return new Ongoing(List.copyOf(out), events);
    }

    /** The newest actions first. */
    public synchronized List<Recent> recent(int limit) {
        List<Recent> out = new ArrayList<>(Math.min(limit, recent.size()));
        var it = recent.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }

    public synchronized Session session() {
        return session;
    }

    public synchronized long events() {
        return events;
    }

    /** Strongest artist affinities first (negative ones are avoidances). */
    public synchronized Map<String, Double> artistAffinities(int limit) {
        return top(artists, limit);
    }

    public synchronized Map<String, Double> genreAffinities(int limit) {
        return top(genres, limit);
    }

    private static Map<String, Double> top(Map<String, Double> m, int limit) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).forEach(e -> out.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
        return out;
    }
}
