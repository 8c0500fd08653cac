package io.melograph.sim;

import java.util.List;

/**
 * A song as the simulator sees it: the catalog facts that make up a listener's taste match.
 * Null lists become empty lists; a title of null becomes the id.
 *
 * @param id               stable id (the graph's Song id)
 * @param artists          artist ids, the primary (performing) artist first
 * @param genres           genre ids, possibly empty (real catalogs are sparse: the artist's genres stand in then)
 * @param tags             tag ids, possibly empty (as for genres)
 * @param language         language code, or null when unknown
 * @param durationSec      length in seconds; 0 or less, or more than 6 hours, means unknown and becomes {@value #UNKNOWN_DURATION_SEC}
 * @param releasedEpochDay release date as days since 1970-01-01, or {@link Long#MIN_VALUE} when unknown
 */
public record SimSong(String id, String title, List<String> artists, List<String> genres, List<String> tags,
                      String language, int durationSec, long releasedEpochDay) {

    /** The length used when a song's is unknown: 3.5 minutes, about the median length of a popular song. */
    public static final int UNKNOWN_DURATION_SEC = 210;
    /** Longer than this (6 hours) is taken for a catalog error and treated as unknown. */
    public static final int MAX_DURATION_SEC = 6 * 3600;

    /** Release day of a song whose release date is unknown. */
    public static final long UNKNOWN_RELEASE = Long.MIN_VALUE;

    public SimSong {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a song needs an id");
        }
        title = title == null ? id : title;
        artists = artists == null ? List.of() : List.copyOf(artists);
        genres = genres == null ? List.of() : List.copyOf(genres);
        tags = tags == null ? List.of() : List.copyOf(tags);
        // catalogs carry garbage lengths (DBpedia has songs of several days); past 6 hours a length is not believed
        durationSec = durationSec <= 0 || durationSec > MAX_DURATION_SEC ? UNKNOWN_DURATION_SEC : durationSec;
    }
}
