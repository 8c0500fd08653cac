package io.melograph.recall;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * What the graph said of recently asked listeners, so that their next requests ask it nothing: values up to a total
 * weight (each value weighs what {@code weigher} says, e.g. its songs: a heavy listener costs more memory than a
 * new one), the least recently asked going first, each for at most {@code ttlMillis}. A listener is forgotten as soon
 * as a writer says their data changed (the graph aggregation, onboarding, an import); the time limit covers writers
 * that do not say. A read that overlapped a change is answered but not kept, so a value read before a write cannot
 * outlive it.
 */
public final class ListenerMemory<V> {
    private record Entry<V>(V value, long at, int weight) {}

    private final long maxWeight;
    private final long ttlMillis;
    private final ToIntFunction<V> weigher;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;
    /** Counts changes: a read keeps its value only if none happened while it ran. */
    private long changes;

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
        int w = Math.max(1, weigher.applyAsInt(value));
        synchronized (this) {
            if (changes == changesBefore && w <= maxWeight) {
                remove(userId);
                entries.put(userId, new Entry<>(value, at, w));
                weight += w;
                for (Iterator<Entry<V>> eldest = entries.values().iterator(); weight > maxWeight && eldest.hasNext(); ) {
                    weight -= eldest.next().weight();
                    eldest.remove();
                }
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
        userIds.forEach(this::remove);
    }

    /** Anybody's data may have changed (a bulk import): every listener is read again. */
    public synchronized void forgetAll() {
        changes++;
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
