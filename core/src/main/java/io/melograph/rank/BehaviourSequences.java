package io.melograph.rank;

import io.melograph.events.Action;

/**
 * A listener's behaviour sequences as the deep rankers read them: plays, completes, skips and likes kept apart (a skip
 * says the opposite of a complete, so the two must not be mixed into one history), each the newest {@link #LENGTH}
 * songs, each song with how many sessions back it happened (sessions end after {@link #SESSION_GAP_MILLIS} without an
 * event), and the moment's position in its session (songs played in it so far). Fed one event at a time in time
 * order; {@link #at} is what a ranker may know at a moment, before the event that moment brings. The one place these
 * features are built: offline training, the evaluation and serving feed it the same events, so the features cannot
 * differ between them. Songs are the caller's indices (a model's vocabulary); not thread-safe.
 */
public final class BehaviourSequences {
    /** The sequences, in this order in {@link History}. */
    public enum Kind { PLAY, COMPLETE, SKIP, LIKE }

    public static final int LENGTH = 30;
    public static final long SESSION_GAP_MILLIS = 30 * 60_000L;

    /**
     * What came before one moment: per {@link Kind} (by ordinal) the songs oldest first and, for each, how many sessions
     * before the moment's own session it happened (0: the same session); and the moment's position in its session, the
     * songs played in it before (0: the moment starts a session).
     */
    public record History(int[][] songs, int[][] sessionsBack, int position) {
        public static final History EMPTY = new History(new int[Kind.values().length][0], new int[Kind.values().length][0], 0);

        public int[] songs(Kind kind) {
            return songs[kind.ordinal()];
        }

        public int[] sessionsBack(Kind kind) {
            return sessionsBack[kind.ordinal()];
        }
    }

    private final int[][] songs = new int[Kind.values().length][LENGTH];
    private final int[][] sessions = new int[Kind.values().length][LENGTH];
    /** Entries written per kind (the ring's newest is at {@code (count - 1) % LENGTH}). */
    private final int[] counts = new int[Kind.values().length];
    private int session;
    private int sessionPlays;
    private long lastTs = Long.MIN_VALUE;

    /** The sequence an action goes to, if any: a dislike is the strongest skip, a save or share a like. */
    public static Kind kindOf(Action action) {
        return switch (action) {
            case PLAY -> Kind.PLAY;
            case COMPLETE -> Kind.COMPLETE;
            case SKIP, DISLIKE -> Kind.SKIP;
            case LIKE, SAVE, SHARE -> Kind.LIKE;
            default -> null;
        };
    }

    /** One event of the listener; any event (an impression too) keeps the session alive. */
    public void add(int song, Action action, long ts) {
        if (lastTs != Long.MIN_VALUE && ts - lastTs > SESSION_GAP_MILLIS) {
            session++;
            sessionPlays = 0;
        }
        lastTs = Math.max(lastTs, ts);
        if (action == Action.PLAY) {
            sessionPlays++;
        }
        Kind kind = kindOf(action);
        if (kind == null || song < 0) {
            return;
        }
        int k = kind.ordinal();
        int at = counts[k] % LENGTH;
        songs[k][at] = song;
        sessions[k][at] = session;
        counts[k]++;
    }

    /** The sequences as a ranker sees them at {@code ts} (not before the last event added). */
    public History at(long ts) {
        boolean starts = lastTs != Long.MIN_VALUE && ts - lastTs > SESSION_GAP_MILLIS;
        int current = session + (starts ? 1 : 0);
        int kinds = Kind.values().length;
        int[][] outSongs = new int[kinds][];
        int[][] outBack = new int[kinds][];
        for (int k = 0; k < kinds; k++) {
            int n = Math.min(counts[k], LENGTH);
            outSongs[k] = new int[n];
            outBack[k] = new int[n];
            for (int j = 0; j < n; j++) {
                int at = (counts[k] - n + j) % LENGTH;
                outSongs[k][j] = songs[k][at];
                outBack[k][j] = current - sessions[k][at];
            }
        }
        return new History(outSongs, outBack, starts ? 0 : sessionPlays);
    }
}
