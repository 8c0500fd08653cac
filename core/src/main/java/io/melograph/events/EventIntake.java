package io.melograph.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The front door for behaviour: events are journaled (durable before acknowledged), then applied to live listener
 * state on the journal's writer thread, so the very next request sees them. Events for items the catalog does not
 * know are accepted (the catalog may lag) and counted.
 */
public final class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    /** What happened to one request's events; {@code unknownItems} counts the request's events naming items the catalog lacks. */
    public record Receipt(int accepted, int duplicates, int unknownItems) {}

    /** Intake counters for /admin/stats; {@code caughtUp}: listener state has read the whole journal. */
    public record Stats(long journaled, long duplicates, long unknownItemEvents, int listeners, String journalEnd,
                        boolean caughtUp) {}

    private final Journal journal;
    private final ItemCatalog catalog;
    private final ListenerStates states;
    private final JournalFollower follower;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    /**
     * Rebuilds listener state by replaying the whole journal on a thread of its own (requests are answered meanwhile,
     * from the state rebuilt so far), then follows new durable events.
     */
    public EventIntake(Journal journal, ItemCatalog catalog, ListenerStates states) {
        this.journal = journal;
        this.catalog = catalog;
        this.states = states;
        this.follower = JournalFollower.start("listener-state-catch-up", journal, this::rebuild, (events, end) -> events.forEach(this::apply));
    }

    private JournalPosition rebuild() {
        long started = System.nanoTime();
        long[] n = {0};
        JournalPosition[] reached = {JournalPosition.START};
        journal.replay(JournalPosition.START, (e, after) -> {
            apply(e);
            reached[0] = after;
            n[0]++;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Listener state rebuilt from {} journaled events in {} ms ({} events/s)", n[0], Math.round(seconds * 1000),
                seconds > 0 ? Math.round(n[0] / seconds) : n[0]);
        return reached[0];
    }

    /** Waits until listener state has read the whole journal (commands and tests that need it complete). */
    public EventIntake awaitCaughtUp() {
        follower.awaitCaughtUp();
        return this;
    }

    private void apply(Event e) {
        states.apply(e);
        if (!catalog.known(e.itemType(), e.itemId())) {
            unknown.incrementAndGet();
        }
    }

    public CompletableFuture<Receipt> accept(List<Event> events) {
        int unknownHere = 0;
        for (Event e : events) {
            if (!catalog.known(e.itemType(), e.itemId())) {
                unknownHere++;
            }
        }
        int flagged = unknownHere;
        return journal.append(events).thenApply(a -> {
            duplicates.addAndGet(a.duplicates());
            return new Receipt(a.written(), a.duplicates(), flagged);
        });
    }

    public ListenerStates states() {
        return states;
    }

    public Stats stats() {
        JournalPosition end = journal.end();
        return new Stats(journal.size(), duplicates.get(), unknown.get(), states.size(), end.toString(),
                follower.caughtUp());
    }
}
