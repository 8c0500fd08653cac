package io.melograph.eval.fm;

import java.util.Arrays;
import java.util.List;

/**
 * One arm of the FM adaptation experiment (adaptive or not) over its sessions.
 *
 * @param skipRate            skips / songs over all sessions' first songs (pooled)
 * @param likedShare          share of sessions with a like within their songs
 * @param firstLikeMedian     median position of the first like with never-liked sessions counted as never (after every
 *                            position): {@link Double#POSITIVE_INFINITY} when more than half never liked one
 * @param firstLikeMeanLiked  mean position of the first like, over sessions that liked one (NaN when none did)
 * @param firstLikeMeanCensored mean position with never-liked sessions counted as session length + 1 (a lower bound)
 * @param burstSessions       sessions with a burst of at least two skips in a row
 * @param afterBurstSongs     songs played in the {@value FmSessionMetrics#AFTER_BURST} after each session's first burst
 * @param afterBurstSkipRate  skips among those songs (pooled; NaN without any)
 */
public record FmArmSummary(int sessions, int songs, int skips, double skipRate, double likedShare, double firstLikeMedian,
                           double firstLikeMeanLiked, double firstLikeMeanCensored, int burstSessions, int afterBurstSongs,
                           double afterBurstSkipRate) {

    public static FmArmSummary of(List<FmSessionMetrics> sessions, int length) {
        int songs = 0;
        int skips = 0;
        int liked = 0;
        double likedSum = 0;
        double censoredSum = 0;
        int bursts = 0;
        int after = 0;
        int afterSkips = 0;
        double[] firstLikes = new double[sessions.size()];
        for (int i = 0; i < sessions.size(); i++) {
            FmSessionMetrics m = sessions.get(i);
            songs += m.songs();
            skips += m.skips();
            if (m.liked()) {
                liked++;
                likedSum += m.firstLike();
            }
            censoredSum += m.liked() ? m.firstLike() : length + 1;
            firstLikes[i] = m.liked() ? m.firstLike() : Double.POSITIVE_INFINITY;
            if (m.burstEnd() > 0) {
                bursts++;
                after += m.afterBurst();
                afterSkips += m.afterBurstSkips();
            }
        }
        int n = sessions.size();
        return new FmArmSummary(n, songs, skips, songs == 0 ? Double.NaN : (double) skips / songs,
                n == 0 ? Double.NaN : (double) liked / n, median(firstLikes), liked == 0 ? Double.NaN : likedSum / liked,
                n == 0 ? Double.NaN : censoredSum / n, bursts, after, after == 0 ? Double.NaN : (double) afterSkips / after);
    }

    /** The lower median (an actual session's value), so "never" only when more than half never liked. */
    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
