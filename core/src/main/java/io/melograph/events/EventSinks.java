package io.melograph.events;

import io.melograph.graph.RunFile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Picks where a command's events go when it targets a home folder: its running service, else its journal. */
public final class EventSinks {
    private EventSinks() {}

    /**
     * The service of {@code home} if one is running ({@code service.run}), through POST /events with {@code token}
     * (falling back to MELOGRAPH_EVENTS_TOKEN, then MELOGRAPH_ADMIN_TOKEN); otherwise the journal in
     * {@code home/journal} directly.
     */
    public static EventSink forHome(Path home, String token) {
        Optional<URI> service = RunFile.live(home, RunFile.SERVICE);
        if (service.isPresent()) {
            return new HttpEventSink(service.get(), token(token));
        }
        return JournalSink.open(home.resolve("journal"));
    }

    /** The given token, or the one in the environment (events token first, then the admin token). */
    public static String token(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        for (String name : new String[] {"MELOGRAPH_EVENTS_TOKEN", "MELOGRAPH_ADMIN_TOKEN"}) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
