package io.melograph.rank;

import java.util.Locale;

/** The behaviours of the listening chain the ranker predicts, one FTRL model each. */
public enum Head {
    /** a shown song is opened (clicked or played) */
    CLICK,
    /** a played song is played to the end rather than skipped */
    COMPLETE,
    /** a played song is liked or saved */
    LIKE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
