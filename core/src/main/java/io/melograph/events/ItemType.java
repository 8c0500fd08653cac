package io.melograph.events;

import java.util.Locale;
import java.util.Optional;

/** The kinds of items listeners act on; each is a label of the graph. */
public enum ItemType {
    SONG("Song"), VIDEO("Video"), MLOG("Mlog"), PLAYLIST("Playlist");

    private final String label;

    ItemType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (ItemType t : values()) {
            if (t.wire().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
