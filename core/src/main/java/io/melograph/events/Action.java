package io.melograph.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a listener did, in the order of the behaviour chain: exposure, click, play, then how the play ended, then feedback. */
public enum Action {
    IMPRESSION, CLICK, PLAY, COMPLETE, SKIP, LIKE, UNLIKE, DISLIKE, SAVE, SHARE;

    // every event is written and read by these names: made once, not per event
    private static final Map<String, Action> BY_WIRE = Arrays.stream(values()).collect(Collectors.toMap(Action::wire, a -> a));
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static Optional<Action> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_WIRE.get(s));
    }
}
