package io.melograph.events;

/**
 * What each action says about a listener's taste, in one table: the live state's short-term affinities, the session's
 * seed songs and the long-term fondness of a heard song all read it, so a like weighs the same everywhere.
 * Finishing or liking pulls towards a song, skipping or disliking pushes away; an impression or a click says nothing
 * about taste (the ranker learns from them as labels, {@code rank.OnlineLabels}).
 */
public final class ActionWeights {
    private ActionWeights() {}

    /** The weight of one action. */
    public static double of(Action a) {
        return switch (a) {
            case PLAY -> 0.2;
            case COMPLETE -> 1.0;
            case LIKE, SAVE -> 2.0;
            case SHARE -> 1.5;
            case SKIP -> -1.0;
            case DISLIKE -> -2.0;
            case UNLIKE -> -1.0;
            case IMPRESSION, CLICK -> 0;
        };
    }

    /** Whether the action turns the listener away from the song for now (no seed, not offered again this session). */
    public static boolean refuses(Action a) {
        return a == Action.SKIP || a == Action.DISLIKE;
    }

    /**
     * How fond a listener is of a song from the counts aggregated over their whole history: plays and completes grow
     * it slowly (log, so a song on repeat does not drown the rest), each like by its weight, skips take it down slowly.
     * Above 0 the song is a seed; the strongest seeds come first.
     */
    public static double fondness(long plays, long completes, long likes, long skips) {
        return Math.log(1 + plays + completes) + of(Action.LIKE) * likes + of(Action.SKIP) / 2 * Math.log(1 + skips);
    }
}
