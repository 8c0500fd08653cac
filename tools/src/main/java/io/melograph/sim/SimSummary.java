package io.melograph.sim;

import java.util.Locale;

/**
 * What a run looked like, to judge its realism. A listener is a user with at least one session. Rates are over song
 * plays ({@code plays}); video and MLOG plays are counted apart. The long-tail share is the share of plays outside the
 * head, the 20 % most-played items among those played at least once; HetRec has artist plays only, so the comparison
 * with HetRec is at the artist level (sim plays credited to the song's primary artist).
 *
 * @param sessionsPerListenerWeek sessions per listener per week of membership within the simulated period
 * @param repeatRate              share of plays of a song the listener had already played in this run
 * @param artistExponent          Zipf exponent of simulated plays per artist, fitted like the prior (OLS on log-log over
 *                                the top ranks, {@link PopularityPrior#fitRanks})
 * @param hetrecLongTailShare     HetRec's artist-level long-tail share, NaN when the prior did not come from HetRec
 */
public record SimSummary(long seed, int days, int users, int listeners, long sessions, double sessionsPerListenerMean,
                         double sessionsPerListenerMedian, double sessionsPerListenerWeek, long events,
                         double eventsPerListener, long plays, double skipRate, double completeRate, double likeRate,
                         double repeatRate, long videoPlays, long mlogPlays, double longTailShareSongs,
                         double longTailShareArtists, double artistExponent, double priorExponent,
                         double hetrecLongTailShare, String priorSource) {

    /** A small aligned table: simulated value, HetRec Last.fm where there is one, and a typical range to judge by. */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Simulated listening (labelled sim:, seed %d): %d users x %d days%n", seed, users, days));
        b.append(String.format(Locale.ROOT, "popularity prior: s = %.4f, %s%n", priorExponent, priorSource));
        String fmt = "%-36s %14s %16s  %s%n";
        b.append(String.format(Locale.ROOT, fmt, "metric", "simulated", "HetRec Last.fm", "typical"));
        b.append(String.format(Locale.ROOT, fmt, "-".repeat(36), "-".repeat(14), "-".repeat(16), "-".repeat(22)));
        row(b, fmt, "listeners (users with a session)", listeners + " / " + users, "", "");
        row(b, fmt, "sessions", Long.toString(sessions), "", "");
        row(b, fmt, "sessions per listener, mean", num(sessionsPerListenerMean), "", "");
        row(b, fmt, "sessions per listener, median", num(sessionsPerListenerMedian), "", "");
        row(b, fmt, "sessions per listener per week", num(sessionsPerListenerWeek), "", "several");
        row(b, fmt, "events", Long.toString(events), "", "");
        row(b, fmt, "events per listener", num(eventsPerListener), "", "");
        row(b, fmt, "song plays", Long.toString(plays), "", "");
        row(b, fmt, "video plays / MLOG plays", videoPlays + " / " + mlogPlays, "", "");
        row(b, fmt, "skip rate (skips / plays)", pct(skipRate), "", "25-45 %");
        row(b, fmt, "complete rate", pct(completeRate), "", "55-75 %");
        row(b, fmt, "like rate (likes / plays)", pct(likeRate), "", "1-10 %");
        row(b, fmt, "repeat rate (replayed songs)", pct(repeatRate), "", "well above 0");
        row(b, fmt, "long-tail share, songs", pct(longTailShareSongs), "", "");
        row(b, fmt, "long-tail share, artists", pct(longTailShareArtists), pct(hetrecLongTailShare), "");
        row(b, fmt, "Zipf exponent, plays per artist", exp(artistExponent),
                exp(Double.isNaN(hetrecLongTailShare) ? Double.NaN : priorExponent), "");
        return b.toString();
    }

    private static void row(StringBuilder b, String fmt, String name, String sim, String real, String typical) {
        b.append(String.format(Locale.ROOT, fmt, name, sim, real, typical));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String exp(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
