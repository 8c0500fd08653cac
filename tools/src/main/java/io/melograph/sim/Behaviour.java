package io.melograph.sim;

import java.util.SplittableRandom;

/**
 * How a listener reacts to one song (and to videos and MLOGs): logistic models on the taste match {@code m} in
 * [0, 1] plus small, named effects. The numbers were set so that a mixed population lands where streaming services
 * report: skips on roughly a third of plays (Spotify's published figure for all plays is ~25–35 %, up to ~50 % on
 * radio-like streams), clicks on a daily list of about one in three, likes on a few percent of plays.
 */
final class Behaviour {
    private Behaviour() {}

    /**
     * Click on an exposed song. Logit {@code -2.0 + 3.2 m + 0.6 pop + 0.9 [in heavy rotation] + 0.6 [a friend liked it
     * lately] + 0.8 fresh + trait}, where {@code pop = 1 - ln(rank)/ln(n)} (1 for the top hit, 0 for the last song: a
     * known hit is clicked more) and {@code fresh = exp(-age/7)} for a release {@code age} days old, 0 after 4 weeks
     * (curiosity for new releases). On a mid-popular song ({@code pop = 0.5}) a perfect match is clicked ~80 % of the time,
     * a poor one ({@code m = 0.1}) ~20 %.
     */
    static double click(double m, double pop, boolean familiar, boolean social, double fresh, double trait) {
        return Rand.sigmoid(-2.0 + 3.2 * m + 0.6 * pop + (familiar ? 0.9 : 0) + (social ? 0.6 : 0) + 0.8 * fresh + trait);
    }

    /**
     * Skip a playing song. Logit {@code 1.0 - 3.4 m + trait - 1.0 [liked] - 0.2 min(affinity, 4) + 0.9 [played in the
     * last 2 h] + scene + previous}, scene: fm +0.3 and playlist +0.2 (lean-back, the listener did not pick the song),
     * search −1.0 (they asked for it), a song opened from a video or MLOG −0.5 (they just heard it), daily 0; previous:
     * {@link #afterPrevious} (0 without session effects). A stranger ({@code m = 0.1}) is skipped ~65 % of the time, a
     * close match ({@code m = 0.7}) ~20 %.
     */
    static double skip(double m, double trait, boolean liked, double affinity, boolean recentlyPlayed, String scene,
                       double previous) {
        double sceneShift = switch (scene) {
            case "fm" -> 0.3;
            case "playlist" -> 0.2;
            case "search" -> -1.0;
            case "video", "mlog" -> -0.5;
            default -> 0;
        };
        return Rand.sigmoid(1.0 - 3.4 * m + trait - (liked ? 1.0 : 0) - 0.2 * Math.min(affinity, 4)
                + (recentlyPlayed ? 0.9 : 0) + sceneShift + previous);
    }

    /**
     * With session effects: a song's match in a session with a mood (a favourite genre drawn at the session's start,
     * {@value #MOOD_SHARE} of sessions): + 0.3 for a song of that genre, − 0.25 for any other, within [0, 1]. It moves
     * clicks, skips and likes alike, so what a listener finished or skipped earlier in the session says what they will
     * take to next.
     */
    static double inMood(double m, boolean moodGenre) {
        return Math.max(0, Math.min(1, m + (moodGenre ? 0.3 : -0.25)));
    }

    /** Sessions that have a mood, with session effects. */
    static final double MOOD_SHARE = 0.7;

    /**
     * With session effects, the skip logit's shift from the previous song of the session: + 0.6 after a skip (patience
     * runs out), + 0.5 when it was by the same primary artist (enough of them for now).
     */
    static double afterPrevious(boolean previousSkipped, boolean sameArtist) {
        return (previousSkipped ? 0.6 : 0) + (sameArtist ? 0.5 : 0);
    }

    /**
     * Where a skip happens, in ms. Early (uniform 2–30 s, "not this one") with probability {@code 0.45 + 0.4 (1 - m)},
     * else uniform from 30 s to 95 % of the song ("had enough"); so poor matches are skipped earlier. Never at or after
     * the end.
     */
    static long skipPositionMs(SplittableRandom r, double m, long durationMs) {
        long early = Math.min(30_000, durationMs * 9 / 10);
        if (Rand.chance(r, 0.45 + 0.4 * (1 - m)) || durationMs * 95 / 100 <= early) {
            return Rand.between(r, Math.min(2_000, early / 2), Math.max(early, 1));
        }
        return Rand.between(r, early, durationMs * 95 / 100);
    }

    /**
     * Like a song just completed (once; liked songs are not liked again). Logit
     * {@code -4.2 + 3.4 m + 0.25 min(affinity, 4) + trait}: ~2 % for a poor match ({@code m = 0.1}), ~18 % for a close
     * one ({@code m = 0.8}) heard for the first time.
     */
    static double like(double m, double affinity, double trait) {
        return Rand.sigmoid(-4.2 + 3.4 * m + 0.25 * Math.min(affinity, 4) + trait);
    }

    /** Save a completed song to the library: 0.5 % + 2 % × m. */
    static double save(double m) {
        return 0.005 + 0.02 * m;
    }

    /** Share a completed song: 0.2 % + 0.8 % × m. */
    static double share(double m) {
        return 0.002 + 0.008 * m;
    }

    /** Dislike ("not interested") after an early skip (first 30 s): 1 % + 5 % × (1 − m). */
    static double dislike(double m) {
        return 0.01 + 0.05 * (1 - m);
    }

    /** Un-like a liked song that was just skipped: 15 % (tastes move on). */
    static final double UNLIKE_AFTER_SKIP = 0.15;

    /** Click on a shown video or MLOG whose songs match {@code m}: logit {@code -1.6 + 3.0 m + 0.6 [by a friend] + trait}. */
    static double clickClip(double m, boolean byFriend, double trait) {
        return Rand.sigmoid(-1.6 + 3.0 * m + (byFriend ? 0.6 : 0) + trait);
    }

    /** Skip a playing video or MLOG: logit {@code 0.6 - 3.0 m + trait}; short MLOGs are skipped a bit less (−0.3). */
    static double skipClip(double m, boolean mlog, double trait) {
        return Rand.sigmoid(0.6 - 3.0 * m + trait - (mlog ? 0.3 : 0));
    }

    /** Like a completed video or MLOG: logit {@code -3.4 + 3.0 m + 0.8 [MLOG by a friend] + trait}. */
    static double likeClip(double m, boolean byFriend, double trait) {
        return Rand.sigmoid(-3.4 + 3.0 * m + (byFriend ? 0.8 : 0) + trait);
    }

    /** Open a playlist shown with appeal {@code a} (mean match of its first songs, + 0.3 if their own, + 0.15 a friend's). */
    static double openPlaylist(double a, double trait) {
        return Rand.sigmoid(-1.6 + 3.5 * a + trait);
    }

    static double popularity(int rank, int size) {
        return size <= 1 ? 1 : 1 - Math.log(rank) / Math.log(size);
    }
}
