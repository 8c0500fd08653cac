package io.melograph.events;

import java.nio.file.Path;

/** Another process (normally the running service) is the journal's writer. */
public final class JournalInUseException extends IllegalStateException {
    public JournalInUseException(Path dir) {
        super("the event journal in " + dir + " is in use by another process (a running `melograph serve`?): send the "
                + "events to that service's POST /events, or stop it first");
    }
}
