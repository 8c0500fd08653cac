package io.melograph.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of items listeners act on; each is a label of the graph. */
public enum ItemType {
    SONG("Song"), VIDEO("Video"), MLOG("Mlog"), PLAYLIST("Playlist");

    // every event is written and read by these names: made once, not per event
    private static final Map<String, ItemType> BY_WIRE = Arrays.stream(values()).collect(Collectors.toMap(ItemType::wire, t -> t));
    private final String label;
    private final String wire = name().toLowerCase(Locale.ROOT);

    ItemType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ItemType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_WIRE.get(s));
    }
}
