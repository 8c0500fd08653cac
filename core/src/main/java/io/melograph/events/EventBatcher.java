package io.melograph.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects events one by one into batches for an {@link EventSink} and keeps the totals. Not thread-safe. */
public final class EventBatcher implements Consumer<Event> {
    private final EventSink sink;
    private final List<Event> batch = new ArrayList<>(EventSink.MAX_BATCH);
    private long accepted;
    private long duplicates;

    public EventBatcher(EventSink sink) {
        this.sink = sink;
    }

    /** Adds an event; a full batch is sent. A failed send surfaces as an {@link UncheckedIOException}. */
    @Override
    public void accept(Event e) {
        batch.add(e);
        if (batch.size() == EventSink.MAX_BATCH) {
            flush();
        }
    }

    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            EventSink.Sent sent = sink.send(batch);
            accepted += sent.accepted();
            duplicates += sent.duplicates();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }

    public long accepted() {
        return accepted;
    }

    public long duplicates() {
        return duplicates;
    }
}
