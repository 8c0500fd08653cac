package io.melograph.recall;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What the graph said of recently asked listeners, so that their next requests ask it nothing: at most
 * {@code capacity} listeners (the least recently asked go first), each for at most {@code ttlMillis}. A listener is
 * forgotten as soon as a writer says their data changed (the graph aggregation, onboarding); the time limit covers
 * writers that do not say (bulk imports). A read that overlapped a change is answered but not kept, so a value read
 * before a write cannot outlive it.
 */
public final class ListenerMemory<V> {
    private record Entry<V>(V value, long at) {}

    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clock;
    private final Map<String, Entry<V>> entries;
    /** Counts changes: a read keeps its value only if none happened while it ran. */
    private long changes;

    public ListenerMemory(int capacity, long ttlMillis, LongSupplier clock) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > ListenerMemory.this.capacity;
            }
        };
    }

    /** No memory: every request reads the graph (command-line tools, the replay). */
    public static <V> ListenerMemory<V> none() {
        return new ListenerMemory<>(0, 0, System::currentTimeMillis);
    }

    /** The remembered value, or the one {@code read} gives (kept unless the listener changed meanwhile). */
    public V get(String userId, Function<String, V> read) {
        long changesBefore;
        synchronized (this) {
            Entry<V> e = entries.get(userId);
            if (e != null && clock.getAsLong() - e.at() < ttlMillis) {
                return e.value();
            }
            changesBefore = changes;
        }
        long at = clock.getAsLong();
        V value = read.apply(userId);
        synchronized (this) {
            if (capacity > 0 && changes == changesBefore) {
                entries.put(userId, new Entry<>(value, at));
            }
        }
        return value;
    }

    /** The remembered value, if any and still fresh; never reads. */
    public synchronized V peek(String userId) {
        Entry<V> e = entries.get(userId);
        return e != null && clock.getAsLong() - e.at() < ttlMillis ? e.value() : null;
    }

    /** These listeners' data changed: their next request reads it again. */
    public synchronized void forget(Collection<String> userIds) {
        changes++;
        userIds.forEach(entries::remove);
    }

    public synchronized int size() {
        return entries.size();
    }
}
