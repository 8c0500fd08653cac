package io.melograph.events;

import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The front door for behaviour: events are journaled (durable before acknowledged), then applied to live listener
 * state on the journal's writer thread, so the very next request sees them. Events for items the catalog does not
 * know are accepted (the catalog may lag) and counted. With a snapshot folder, live state is saved there now and then
 * and at {@link #close}, with the journal position it includes, and a start reads only the events after it.
 */
public final class EventIntake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    /** What happened to one request's events; {@code unknownItems} counts the request's events naming items the catalog lacks. */
    public record Receipt(int accepted, int duplicates, int unknownItems) {}

    /**
     * Intake counters for /admin/stats; {@code caughtUp}: listener state has read the whole journal; {@code readAtStart}:
     * the events it read to get there (all, or those after its snapshot); {@code snapshotAt}: the journal position of
     * the live-state snapshot last written or started from (empty: none).
     */
    public record Stats(long journaled, long duplicates, long unknownItemEvents, int listeners, String journalEnd,
                        boolean caughtUp, long readAtStart, String snapshotAt) {}

    private final Journal journal;
    private final ItemCatalog catalog;
    private final ListenerStates states;
    private final JournalFollower follower;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    /** Where snapshots go (null: none). */
    private final Path snapshots;
    private final String journalName;
    /** Held while events are applied after the catch-up, and while a snapshot is taken: a consistent cut. */
    private final Object cut = new Object();
    /** The journal position the state includes (guarded by {@link #cut}). */
    private JournalPosition applied = JournalPosition.START;
    private volatile JournalPosition saved;
    private volatile long readAtStart;
    /** A group of events failed to apply: snapshots stop (the journal still holds those events). */
    private volatile boolean unsaved;
    private ScheduledExecutorService schedule;

    /**
     * Rebuilds listener state by replaying the whole journal on a thread of its own (requests are answered meanwhile,
     * from the state rebuilt so far), then follows new durable events.
     */
    public EventIntake(Journal journal, ItemCatalog catalog, ListenerStates states) {
        this(journal, catalog, states, null, null);
    }

    /**
     * As {@link #EventIntake(Journal, ItemCatalog, ListenerStates)}, but starting from the snapshot in {@code snapshots}
     * when it is of this journal and the journal still reaches its position; a snapshot is written there every
     * {@code every} (when events came since the last) and at {@link #close}.
     */
    public EventIntake(Journal journal, ItemCatalog catalog, ListenerStates states, Path snapshots, Duration every) {
        this.journal = journal;
        this.catalog = catalog;
        this.states = states;
        this.snapshots = snapshots;
        this.journalName = journal.identity();
        this.follower = JournalFollower.start("listener-state-catch-up", journal, this::rebuild, this::applyGroup);
        if (snapshots != null && every != null) {
            schedule = Periodic.every(every, "live-state-snapshot", LOG, this::snapshot);
        }
    }

    private JournalPosition rebuild() {
        long started = System.nanoTime();
        long[] n = {0};
        JournalPosition from = restore();
        JournalPosition[] reached = {from};
        Journal.Replay read = (e, after) -> {
            apply(e);
            reached[0] = after;
            n[0]++;
        };
        try {
            reached[0] = journal.replay(from, read);
        } catch (RuntimeException e) {
            if (from.equals(JournalPosition.START)) {
                throw e;
            }
            // the journal does not read from the snapshot's position (not where a record begins: not the history the
            // snapshot was taken of); the whole journal tells
            LOG.warn("The event journal cannot be read from the live-state snapshot's position {} ({}): listener state is "
                    + "rebuilt from the whole journal", from, e.toString());
            states.clear();
            unknown.set(0);
            saved = null;
            n[0] = 0;
            from = JournalPosition.START;
            reached[0] = journal.replay(from, read);
        }
        synchronized (cut) {
            applied = reached[0];
        }
        readAtStart = n[0];
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("Listener state {} {} journaled events in {} ms ({} events/s): {} listeners", from.equals(JournalPosition.START)
                        ? "rebuilt from" : "restored from its snapshot at " + from + ", then", n[0], Math.round(seconds * 1000),
                seconds > 0 ? Math.round(n[0] / seconds) : n[0], states.size());
        return reached[0];
    }

    /** The snapshot's state and position when there is a usable one; else nothing (and the journal is read whole). */
    private JournalPosition restore() {
        if (snapshots == null || !LiveStateSnapshot.exists(snapshots)) {
            return JournalPosition.START;
        }
        try {
            LiveStateSnapshot.Header h = LiveStateSnapshot.read(snapshots, journalName, states);
            JournalPosition end = journal.end();
            if (!h.position().atOrBefore(end)) {
                // the journal lost its tail after the snapshot (or is another one): what it held is not the journal's now
                states.clear();
                LOG.warn("The live-state snapshot in {} reaches {}, past the event journal's end {}: listener state is rebuilt "
                        + "from the whole journal", snapshots, h.position(), end);
                return JournalPosition.START;
            }
            unknown.set(h.unknownItemEvents());
            saved = h.position();
            return h.position();
        } catch (IOException e) {
            LOG.warn("The live-state snapshot in {} is not used ({}): listener state is rebuilt from the whole journal",
                    snapshots, e.getMessage());
            return JournalPosition.START;
        }
    }

    private void applyGroup(List<Event> events, JournalPosition end) {
        synchronized (cut) {
            try {
                events.forEach(this::apply);
            } catch (RuntimeException e) {
                // the state now lacks events its position would claim: no snapshot may say otherwise until a restart
                // rebuilds it from the last good one
                unsaved = true;
                throw e;
            }
            applied = JournalPosition.max(applied, end);
        }
    }

    /**
     * Writes the snapshot now when the state is caught up with the journal and events came since the last one; returns
     * whether it wrote one.
     */
    public synchronized boolean snapshot() {
        if (snapshots == null || !follower.caughtUp() || unsaved) {
            return false;
        }
        long started = System.nanoTime();
        ListenerStates copy;
        JournalPosition at;
        long unknownAt;
        synchronized (cut) {
            at = applied;
            if (at.equals(saved)) {
                return false;
            }
            copy = states.copy(); // events wait only for the copy, not for the encoding and the write
            unknownAt = unknown.get();
        }
        long held = System.nanoTime() - started;
        long bytes;
        try {
            bytes = LiveStateSnapshot.write(snapshots, new LiveStateSnapshot.Header(journalName, at, unknownAt,
                    System.currentTimeMillis()), copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the live-state snapshot to " + snapshots, e);
        }
        saved = at;
        LOG.info("Live state of {} listeners saved at {}: {} KB, events held back {} ms (its copy), written in {} ms", copy.size(), at,
                bytes / 1024, held / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Stops the periodic snapshots and writes a last one (when caught up). */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = schedule;
            schedule = null;
        }
        if (s != null) {
            s.shutdown(); // not interrupted: a snapshot being written finishes (the next one below waits for it)
        }
        try {
            snapshot();
        } catch (UncheckedIOException e) {
            LOG.warn("The last live-state snapshot was not written; the next start reads more of the journal", e);
        }
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
        JournalPosition snapshot = saved;
        return new Stats(journal.size(), duplicates.get(), unknown.get(), states.size(), end.toString(),
                follower.caughtUp(), readAtStart, snapshot == null ? "" : snapshot.toString());
    }
}
