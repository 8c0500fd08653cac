package io.melograph.events;

import java.nio.file.Path;

/** A damaged record with valid records after it: start-up stops rather than skip acknowledged events silently. */
public class JournalCorruptedException extends RuntimeException {
    public JournalCorruptedException(Path segment, long offset, String detail) {
        super("the event journal is corrupt: " + segment + " at byte " + offset + " (" + detail + "); valid events follow it, "
                + "so it is not a torn write. Restore the journal from a backup, or run `melograph journal repair --home <MELOGRAPH_HOME>` "
                + "to cut out the damaged bytes (the events in them are lost) and start again.");
    }
}
