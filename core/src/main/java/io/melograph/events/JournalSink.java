package io.melograph.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Appends to a journal: the journal of a home folder whose service is not running ({@link #open}; the journal's lock
 * keeps a second writer out), or the service's own while it starts. Events are checked by the same
 * {@link EventParser} rules as POST /events before anything is written.
 */
public final class JournalSink implements EventSink {
    private final Journal journal;
    private final String where;
    private final boolean owned;
    private final EventParser parser = new EventParser(MAX_BATCH);

    /** Appends to {@code journal}, which stays open when the sink closes. */
    public JournalSink(Journal journal, String where) {
        this(journal, where, false);
    }

    private JournalSink(Journal journal, String where, boolean owned) {
        this.journal = journal;
        this.where = where;
        this.owned = owned;
    }

    /** Opens the journal in {@code dir} for this sink alone; closing the sink closes it. */
    public static JournalSink open(Path dir) {
        return new JournalSink(FileJournal.open(dir), "the journal in " + dir, true);
    }

    @Override
    public Sent send(List<Event> events) throws InvalidEventsException {
        // the wire format round trip applies exactly the rules the HTTP intake applies
        EventParser.Result checked = parser.parse(EventJson.writeArray(events).getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis());
        if (!checked.valid()) {
            throw new InvalidEventsException(checked.problems(), events);
        }
        try {
            Journal.Appended a = journal.append(checked.events()).join();
            return new Sent(a.written(), a.duplicates());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public String target() {
        return where;
    }

    @Override
    public void close() {
        if (owned) {
            journal.close();
        }
    }
}
