package io.melograph.eval.fm;

import java.util.List;

/**
 * The numbers protocol 4 reads off one radio session, given what the listener did with each song in order.
 *
 * @param songs         songs played (at most the protocol's session length)
 * @param skips         of those, skipped
 * @param firstLike     1-based position of the first liked song, or 0 when none was liked
 * @param burstEnd      1-based position of the second skip of the first run of at least two skips in a row, or 0
 * @param afterBurst    songs played after that burst, at most {@link #AFTER_BURST}
 * @param afterBurstSkips of those, skipped
 */
public record FmSessionMetrics(int songs, int skips, int firstLike, int burstEnd, int afterBurst, int afterBurstSkips) {
    /** How many songs after a burst of skips show how fast the mix shifts. */
    public static final int AFTER_BURST = 5;

    /** What the listener did with one song. */
    public record Played(boolean skipped, boolean liked) {}

    /** Reads the first {@code length} songs of a session. */
    public static FmSessionMetrics of(List<Played> session, int length) {
        int n = Math.min(length, session.size());
        int skips = 0;
        int firstLike = 0;
        int burstEnd = 0;
        for (int i = 0; i < n; i++) {
            Played p = session.get(i);
            if (p.skipped()) {
                skips++;
                if (burstEnd == 0 && i > 0 && session.get(i - 1).skipped()) {
                    burstEnd = i + 1;
                }
            }
            if (p.liked() && firstLike == 0) {
                firstLike = i + 1;
            }
        }
        int after = 0;
        int afterSkips = 0;
        for (int i = burstEnd; burstEnd > 0 && i < n && after < AFTER_BURST; i++) {
            after++;
            afterSkips += session.get(i).skipped() ? 1 : 0;
        }
        return new FmSessionMetrics(n, skips, firstLike, burstEnd, after, afterSkips);
    }

    public double skipRate() {
        return songs == 0 ? 0 : (double) skips / songs;
    }

    public boolean liked() {
        return firstLike > 0;
    }
}
