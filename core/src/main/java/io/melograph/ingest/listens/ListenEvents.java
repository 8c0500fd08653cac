package io.melograph.ingest.listens;

import io.melograph.events.Action;

import java.util.List;

/**
 * The behaviour a {@link Listen} stands for, in the event model's actions: every listen is a {@link Action#PLAY},
 * followed by how the play ended when the history tells.
 *
 * <p>The rule, in order:
 * <ol>
 * <li><b>SKIP</b> if Spotify flagged the stream {@code skipped == true}, or if it played for less than
 * {@value #SKIP_BELOW_MS} ms ({@code 0 <= msPlayed < 30 000}) without reaching the end ({@code reasonEnd} is not
 * {@code "trackdone"}). 30 s is the line Spotify itself draws for counting a stream, and ListenBrainz's importer of
 * Spotify histories drops exactly these streams as not-a-listen. The duration test matters because Spotify's
 * {@code skipped} flag is unreliable: it is false on every stream from April 2015 to October 2022, while
 * {@code reason_end} still says {@code fwdbtn}. A track shorter than 30 s that played to its end is not a skip.</li>
 * <li><b>COMPLETE</b> if the stream ended because the track did ({@code reasonEnd == "trackdone"}).</li>
 * <li><b>COMPLETE</b> for a scrobble: nothing says how it played ({@code msPlayed == -1}, {@code skipped} and
 * {@code reasonEnd} null), as in Last.fm 1K and ListenBrainz. Scrobbling rules (Last.fm, and ListenBrainz's "half the
 * track or 4 minutes, whichever is lower") only record a track played that far, which counts as listened through.</li>
 * <li>otherwise just <b>PLAY</b>: a stream of 30 s or more that ended another way ({@code fwdbtn} after 30 s,
 * {@code endplay}, {@code logout}, {@code unexpected-exit} ...), or an account-data Spotify row, which has only
 * {@code msPlayed}. Without the track's length there is no telling a late skip from a near-complete listen.</li>
 * </ol>
 * So the result is {@code [PLAY, SKIP]}, {@code [PLAY, COMPLETE]} or {@code [PLAY]}.
 */
public final class ListenEvents {
    /** Streams shorter than this, not played to their end, are skips. */
    public static final long SKIP_BELOW_MS = 30_000;
    /** Spotify's {@code reason_end} when the track played to its end. */
    public static final String TRACK_DONE = "trackdone";

    private static final List<Action> SKIP = List.of(Action.PLAY, Action.SKIP);
    private static final List<Action> COMPLETE = List.of(Action.PLAY, Action.COMPLETE);
    private static final List<Action> PLAY = List.of(Action.PLAY);

    private ListenEvents() {}

    /** The actions a listen stands for, in order (see the class comment for the rule). */
    public static List<Action> actionsFor(Listen l) {
        boolean trackDone = TRACK_DONE.equals(l.reasonEnd());
        if (Boolean.TRUE.equals(l.skipped()) || l.msPlayed() >= 0 && l.msPlayed() < SKIP_BELOW_MS && !trackDone) {
            return SKIP;
        }
        if (trackDone) {
            return COMPLETE;
        }
        if (l.msPlayed() < 0 && l.skipped() == null && l.reasonEnd() == null) {
            return COMPLETE;
        }
        return PLAY;
    }
}
