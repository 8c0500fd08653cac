package io.melograph.events;

/** A place in the journal: a segment number and a byte offset in it. Ordered. */
public record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {
    public static final JournalPosition START = new JournalPosition(0, 0);

    @Override
    public int compareTo(JournalPosition o) {
        return segment != o.segment ? Long.compare(segment, o.segment) : Long.compare(offset, o.offset);
    }
}
