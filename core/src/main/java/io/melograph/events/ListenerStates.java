package io.melograph.events;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live state of the listeners active lately, fed by the journal's durable events (and by its replay at start).
 * Bounded: above {@code max} listeners, those whose newest event is oldest are let go (a tenth at a time), so memory
 * follows the listeners of the moment, not everyone who ever played. A listener let go starts a fresh state with their
 * next event (their session had ended and their short-term affinities, half-life 6 hours, had faded); their history
 * stays in the graph.
 */
public final class ListenerStates {
    /** Listeners kept by default: ~2 KB each at most (200 recent actions, affinities). */
    public static final int DEFAULT_MAX = 100_000;

    private final ConcurrentHashMap<String, ListenerState> states = new ConcurrentHashMap<>();
    private final ItemCatalog catalog;
    private final int max;
    private final AtomicLong letGo = new AtomicLong();

    public ListenerStates(ItemCatalog catalog) {
        this(catalog, DEFAULT_MAX);
    }

    public ListenerStates(ItemCatalog catalog, int max) {
        if (max < 10) {
            throw new IllegalArgumentException("keep at least 10 listeners' live state, got " + max);
        }
        this.catalog = catalog;
        this.max = max;
    }

    public void apply(Event e) {
        ItemCatalog.SongFacts song = e.itemType() == ItemType.SONG ? catalog.song(e.itemId()) : null;
        states.computeIfAbsent(e.userId(), ListenerState::new).apply(e, song);
        if (states.size() > max + max / 10) {
            letGoOfTheLeastRecent();
        }
    }

    /** Down to {@code max}: the listeners whose newest event is oldest go. */
    private synchronized void letGoOfTheLeastRecent() {
        int over = states.size() - max;
        if (over <= 0) {
            return;
        }
        List<ListenerState> oldest = states.values().stream()
                .sorted(Comparator.comparingLong(ListenerState::newest)).limit(over).toList();
        oldest.forEach(s -> states.remove(s.userId(), s));
        letGo.addAndGet(oldest.size());
    }

    public Optional<ListenerState> get(String userId) {
        return Optional.ofNullable(states.get(userId));
    }

    /** A listener's latest {@link ListenerState#RECENT} events, newest first; empty for one without a state. */
    public List<ListenerState.Recent> recent(String userId) {
        ListenerState s = states.get(userId);
        return s == null ? List.of() : s.recent(ListenerState.RECENT);
    }

    /** A snapshot of every listener's state (each still live). */
    public List<ListenerState> all() {
        return List.copyOf(states.values());
    }

    public int size() {
        return states.size();
    }

    /** Forgets every listener's state (the replay's tuner rebuilds the state at its cut before each try). */
    public void clear() {
        states.clear();
        letGo.set(0);
    }

    /**
     * Every listener's state as it is now, which later events do not change: a consistent cut, taken while no event is
     * applied, that can be written out meanwhile.
     */
    ListenerStates copy() {
        ListenerStates c = new ListenerStates(catalog, max);
        states.forEach((id, s) -> c.states.put(id, s.copy()));
        c.letGo.set(letGo.get());
        return c;
    }

    /** Writes every listener's state (a {@link LiveStateSnapshot}); {@link #copy} first when events are being applied. */
    void write(DataOutput out, LiveStateSnapshot.Words words) throws IOException {
        out.writeLong(letGo.get());
        List<ListenerState> all = all();
        out.writeInt(all.size());
        for (ListenerState s : all) {
            s.write(out, words);
        }
    }

    /** Replaces every listener's state with those {@link #write} wrote. */
    void read(DataInput in, LiveStateSnapshot.Words words) throws IOException {
        clear();
        long gone = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            ListenerState s = ListenerState.read(in, words);
            states.put(s.userId(), s);
        }
        letGo.set(gone);
    }

    /** Listeners let go so far (the least recently active, above the bound). */
    public long letGo() {
        return letGo.get();
    }
}
