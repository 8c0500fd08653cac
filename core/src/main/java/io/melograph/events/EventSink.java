package io.melograph.events;

import java.io.IOException;
import java.util.List;

/**
 * Where a batch producer (a listen-history import, the simulator) delivers events: the journal of a home folder, a
 * running service's POST /events, or a JSONL file. Every event passes the same validation as POST /events.
 */
public interface EventSink extends AutoCloseable {

    /** What a delivered batch did: new events, and events dropped because their id was already recorded. */
    record Sent(int accepted, int duplicates) {}

    /** Delivers the batch (at most {@link #MAX_BATCH} events); returns once it is durable at the target. */
    Sent send(List<Event> events) throws IOException;

    /** Where events go, for messages ("journal in data/journal", "http://127.0.0.1:8080/events"). */
    String target();

    @Override
    void close() throws IOException;

    /** The largest batch POST /events takes. */
    int MAX_BATCH = 1000;
}
