package io.melograph.events;

import java.util.Locale;
import java.util.Optional;

/** What a listener did, in the order of the behaviour chain: exposure, click, play, then how the play ended, then feedback. */
public enum Action {
    IMPRESSION, CLICK, PLAY, COMPLETE, SKIP, LIKE, UNLIKE, DISLIKE, SAVE, SHARE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Action a : values()) {
            if (a.wire().equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
