package io.melograph.events;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durable, ordered log of accepted events, the source of truth every derived state is rebuilt from. On one node it
 * is {@link FileJournal}; in a multi-node deployment a Kafka topic takes its place (docs/events.md).
 */
public interface Journal extends AutoCloseable {

    /** How one append went: events written, and events dropped because their id was already in the journal. */
    record Appended(int written, int duplicates, JournalPosition end) {}

    /**
     * Appends events not seen before (by {@code eventId}); completes once they are durable. Listeners registered with
     * {@link #onDurable} see the written events, in journal order, before the future completes.
     */
    CompletableFuture<Appended> append(List<Event> events);

    /**
     * Every stored event from {@code from} on, in order, with the position just after it; returns where the read
     * stopped, after the last record it read — one it passed over too (a copy in a Kafka topic), which no event's
     * position shows — or {@code from} when it read none.
     */
    JournalPosition replay(JournalPosition from, Replay consumer);

    /** Called on the writer thread with each durable group of new events, in order. */
    void onDurable(Durable listener);

    JournalPosition end();

    /**
     * Whether no event lies between {@code end} (where one read stopped) and {@code start} (where the next begins): they
     * are equal, or, in a journal of segments, {@code end} closes a segment and {@code start} opens the next.
     */
    default boolean contiguous(JournalPosition end, JournalPosition start) {
        return end.equals(start);
    }

    /**
     * Ids of events already counted downstream that this journal may no longer hold (its tail was lost): an append of
     * one of them is a duplicate, as if it were still here. A journal that never loses its tail (a Kafka topic) takes
     * none: it learns them as it reads them.
     *
     * @return those of the ids the journal did not hold (the lost ones; none for a journal that loses nothing)
     */
    List<String> remember(Collection<String> eventIds);

    long size();

    /**
     * What tells this journal's history from another's where positions alone do not: a Kafka topic's id (a topic made
     * again under the same name starts its offsets anew); empty for a file journal, which its home names.
     */
    default String identity() {
        return "";
    }

    /**
     * How many lanes a position has (a Kafka topic's partitions; one for the file journal): with several, two reads may
     * interleave them differently ({@link JournalPosition}).
     */
    default int lanes() {
        return 1;
    }

    /**
     * Why this journal no longer hands new events to its listeners, or null while it does: a Kafka topic whose
     * partitions changed under the process, or whose reading failed. Until a restart nothing new arrives, so a
     * consumer holding shared work (the graph aggregation's lease) gives it to a process that still reads.
     */
    default RuntimeException stopped() {
        return null;
    }

    /**
     * Whether the journal can end before a position it once reached (a file journal whose tail was cut by hand or lost
     * by a disk). A replicated log never does; its {@link #end} may just not have reached another process's writes yet.
     */
    default boolean mayLoseTail() {
        return true;
    }

    @Override
    void close();

    @FunctionalInterface
    interface Replay {
        void accept(Event event, JournalPosition after);
    }

    @FunctionalInterface
    interface Durable {
        void accept(List<Event> events, JournalPosition end);
    }
}
