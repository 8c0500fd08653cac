package io.melograph.ingest.listens;

/**
 * One listen from an exported listening history, in no particular service's terms.
 *
 * @param user       who listened: the row's own user id (Last.fm 1K) or the user the export was attributed to
 * @param ts         when, in epoch milliseconds UTC, as the export dates it: the scrobble time for Last.fm 1K and
 *                   ListenBrainz, the end of the stream for Spotify (its {@code ts} / {@code endTime})
 * @param artistName the credited artist (Spotify: the album artist, the only artist its export names)
 * @param artistMbid the MusicBrainz artist id, lower case, or null
 * @param trackName  the track title as the service spelled it
 * @param trackMbid  the MusicBrainz <em>recording</em> id (Last.fm's "track MBID" is a recording id), or null
 * @param albumName  the album or release, or null
 * @param msPlayed   how long it played in milliseconds, or -1 when the format does not say (scrobbles)
 * @param skipped    Spotify's {@code skipped} flag, or null when unknown
 * @param reasonEnd  why playback ended ({@code trackdone}, {@code fwdbtn}, {@code endplay} ...), or null when unknown
 * @param platform   the device or player (Spotify's {@code platform}, ListenBrainz's {@code media_player}), or null
 * @param line       the line of the record in its file (the line of its opening brace for pretty-printed JSON)
 */
public record Listen(String user, long ts, String artistName, String artistMbid, String trackName,
                     String trackMbid, String albumName, long msPlayed, Boolean skipped,
                     String reasonEnd, String platform, long line) {

    /** The value of {@link #msPlayed} when the format does not record it. */
    public static final long UNKNOWN_MS = -1;
}
