package io.melograph.recall;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * What the graph said of recently asked listeners, so that their next requests ask it nothing: values up to a total
 * weight (each value weighs what {@code weigher} says, e.g. its songs: a heavy listener costs more memory than a
 * new one), the least recently asked going first, each for at most {@code ttlMillis}. A listener is forgotten as soon
 * as a writer says their data changed (onboarding, an import), or answers only until read again ({@link #expire}: the
 * graph aggregation, whose events the live state still holds); the time limit covers writers that do not say. A read
 * that overlapped a change is answered but not kept, so a value read before a write cannot outlive it.
 */
public final class ListenerMemory<V> {
    private record Entry<V>(V value, long at, int weight) {}

    private final long maxWeight;
    private final long ttlMillis;
    private final ToIntFunction<V> weigher;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;
    /** Reads running now; while any runs, the listeners changed meanwhile are noted so no read keeps their old value. */
    private int reading;
    private final Set<String> changedWhileReading = new HashSet<>();
    private boolean allChangedWhileReading;

    public ListenerMemory(long maxWeight, long ttlMillis, ToIntFunction<V> weigher, LongSupplier clock) {
        this.maxWeight = maxWeight;
        this.ttlMillis = ttlMillis;
        this.weigher = weigher;
        this.clock = clock;
    }

    /** No memory: every request reads the graph (command-line tools, the replay). */
    public static <V> ListenerMemory<V> none() {
        return new ListenerMemory<>(0, 0, v -> 1, System::currentTimeMillis);
    }

    /** The remembered value, or the one {@code read} gives (kept unless the listener changed meanwhile). */
    public V get(String userId, Function<String, V> read) {
        V fresh = peek(userId);
        return fresh != null ? fresh : readAll(List.of(userId), ids -> Collections.singletonMap(userId, read.apply(userId))).get(userId);
    }

    /**
     * Reads these listeners in one go ({@code read} answers each of them) and keeps them, except those that changed
     * while it ran; the background keeps remembered listeners current this way, off the request path. Returns what
     * {@code read} gave.
     */
    public Map<String, V> readAll(List<String> userIds, Function<List<String>, Map<String, V>> read) {
        synchronized (this) {
            reading++;
        }
        long at = clock.getAsLong();
        Map<String, V> values = Map.of();
        try {
            values = read.apply(userIds);
        } finally {
            synchronized (this) {
                values.forEach((id, v) -> {
                    if (v != null) {
                        keep(id, v, at);
                    }
                });
                readDone();
            }
        }
        return values;
    }

    /** Whether the listener's value is held now (fresh or not). */
    public synchronized boolean holds(String userId) {
        return entries.containsKey(userId);
    }

    private void keep(String userId, V value, long at) {
        int w = Math.max(1, weigher.applyAsInt(value));
        if (allChangedWhileReading || changedWhileReading.contains(userId) || w > maxWeight) {
            return;
        }
        remove(userId);
        entries.put(userId, new Entry<>(value, at, w));
        weight += w;
        for (Iterator<Entry<V>> eldest = entries.values().iterator(); weight > maxWeight && eldest.hasNext(); ) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }

    private void readDone() {
        if (--reading == 0) {
            changedWhileReading.clear();
            allChangedWhileReading = false;
        }
    }

    /** The remembered value, if any and still fresh; never reads. */
    public synchronized V peek(String userId) {
        Entry<V> e = entries.get(userId);
        return e != null && clock.getAsLong() - e.at() < ttlMillis ? e.value() : null;
    }

    /** The listener's value even when no longer fresh (null when none is held): answered while a fresh one is read. */
    public synchronized V stale(String userId) {
        Entry<V> e = entries.get(userId);
        return e == null ? null : e.value();
    }

    /**
     * These listeners' data changed, but their values may still answer until read again ({@link #stale}): they stop
     * being fresh, and a read that overlapped the change does not keep its value.
     */
    public synchronized void expire(Collection<String> userIds) {
        for (String id : userIds) {
            Entry<V> e = entries.get(id);
            if (e != null) {
                entries.put(id, new Entry<>(e.value(), Long.MIN_VALUE / 2, e.weight()));
            }
        }
        if (reading > 0) {
            changedWhileReading.addAll(userIds);
        }
    }

    /** These listeners' data changed: their next request reads it again. */
    public synchronized void forget(Collection<String> userIds) {
        userIds.forEach(this::remove);
        if (reading > 0) {
            changedWhileReading.addAll(userIds);
        }
    }

    /** Anybody's data may have changed (a bulk import): every listener is read again. */
    public synchronized void forgetAll() {
        allChangedWhileReading = reading > 0;
        entries.clear();
        weight = 0;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The total weight held. */
    public synchronized long weight() {
        return weight;
    }

    private void remove(String userId) {
        Entry<V> e = entries.remove(userId);
        if (e != null) {
            weight -= e.weight();
        }
    }
}
