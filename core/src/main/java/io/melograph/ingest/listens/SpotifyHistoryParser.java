package io.melograph.ingest.listens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.melograph.events.EventParser;
import io.melograph.ingest.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A Spotify streaming history: a JSON array of streams, each row told apart by its field names.
 *
 * <ul>
 * <li>Extended streaming history ({@code Streaming_History_Audio_<years>_<n>.json}, formerly {@code endsong_<n>.json}):
 * {@code ts} (UTC, {@code 2021-03-04T18:33:02Z}, when the stream <em>ended</em>), {@code ms_played},
 * {@code master_metadata_track_name}, {@code master_metadata_album_artist_name},
 * {@code master_metadata_album_album_name}, {@code spotify_track_uri}, {@code episode_name},
 * {@code episode_show_name}, {@code spotify_episode_uri}, {@code audiobook_*}, {@code reason_start},
 * {@code reason_end} ({@code trackdone}, {@code fwdbtn}, {@code backbtn}, {@code endplay}, {@code logout} ...),
 * {@code shuffle}, {@code skipped} (true, false or null), {@code offline}, {@code offline_timestamp},
 * {@code incognito_mode}, {@code platform}, {@code conn_country}, {@code ip_addr}, older files also
 * {@code username}. Podcast episodes and audiobook chapters have null track fields: they are skipped with a warning.
 * Streams with no metadata at all (Spotify leaves some empty) are skipped with a warning too. Streams played in a
 * private session ({@code incognito_mode: true}) are kept out, as Spotify keeps them out of its own recommendations;
 * one warning per file counts them.</li>
 * <li>Account data ({@code StreamingHistory<n>.json}, {@code StreamingHistory_music_<n>.json}): {@code endTime}
 * ({@code 2021-03-04 18:33}, UTC, to the minute), {@code artistName}, {@code trackName}, {@code msPlayed}; podcast rows
 * ({@code podcastName}, {@code episodeName}) are skipped with a warning.</li>
 * </ul>
 * Spotify has no MusicBrainz ids. The user is the {@code user} argument, else an extended row's {@code username}.
 */
final class SpotifyHistoryParser implements ListenParser {
    private static final String TRACK = "master_metadata_track_name";
    private static final String ARTIST = "master_metadata_album_artist_name";
    private static final String ALBUM = "master_metadata_album_album_name";

    @Override
    public void parse(Path file, String user, Consumer<Listen> listens, Consumer<Problem> problems) throws IOException {
        String source = file.getFileName().toString();
        String given = ListenValues.emptyToNull(user);
        MissingListener missing = new MissingListener();
        long[] incognito = new long[2]; // count, first line
        JsonRecords.read(file, source, record -> {
            JsonFields f = new JsonFields(source, record, problems);
            try {
                Listen l;
                if (f.has("ts") || f.has("ms_played") || f.has(TRACK) || f.has("spotify_track_uri")) {
                    if (Boolean.TRUE.equals(f.bool(f.root(), "incognito_mode")) && !podcastOrAudiobook(f)) {
                        if (incognito[0]++ == 0) {
                            incognito[1] = record.line();
                        }
                        return;
                    }
                    l = extended(f, record.line(), given, missing);
                } else if (f.has("endTime") || f.has("msPlayed")) {
                    l = accountData(f, record.line(), given, missing);
                } else {
                    f.error("", "not a Spotify stream: expected the fields ts, ms_played, " + TRACK + " ... (extended "
                            + "streaming history) or endTime, artistName, trackName, msPlayed (account data)");
                    return;
                }
                if (l != null) {
                    listens.accept(l);
                }
            } catch (JsonFields.Reject reported) {
                // reported; go on with the next record
            }
        }, problems);
        if (incognito[0] > 0) {
            problems.accept(Problem.warning(source, 0, "incognito_mode", incognito[0] + " stream(s) played in a private "
                    + "session were skipped (the first on line " + incognito[1] + "): Spotify keeps private sessions out "
                    + "of recommendations"));
        }
    }

    private static boolean podcastOrAudiobook(JsonFields f) {
        ObjectNode o = f.root();
        return JsonFields.get(o, "episode_name") != null || JsonFields.get(o, "spotify_episode_uri") != null
                || JsonFields.get(o, "audiobook_title") != null || JsonFields.get(o, "audiobook_uri") != null;
    }

    private static Listen extended(JsonFields f, long line, String given, MissingListener missing) {
        ObjectNode o = f.root();
        String episode = f.string(o, "episode_name");
        if (episode != null || f.string(o, "spotify_episode_uri") != null) {
            String show = f.string(o, "episode_show_name");
            f.warning("episode_name", "a podcast episode" + (episode == null ? "" : " \"" + episode + "\"")
                    + (show == null ? "" : " of \"" + show + "\"") + ", not music; skipped");
            return null;
        }
        String audiobook = f.string(o, "audiobook_title");
        if (audiobook != null || f.string(o, "audiobook_uri") != null) {
            f.warning("audiobook_title", "an audiobook" + (audiobook == null ? "" : " \"" + audiobook + "\"")
                    + ", not music; skipped");
            return null;
        }
        String tsText = f.required(o, "ts", "ts (when the stream ended)");
        Long ts = ListenValues.spotifyMillis(tsText);
        if (ts == null) {
            f.error("ts", "not a UTC time like 2021-03-04T18:33:02Z: \"" + tsText + "\"");
        }
        long ms = msPlayed(f, o, "ms_played");
        String track = f.string(o, TRACK);
        String artist = f.string(o, ARTIST);
        if (track == null) {
            if (artist == null && f.string(o, "spotify_track_uri") == null) {
                f.warning(TRACK, "no track, episode or audiobook named (Spotify leaves some streams without metadata); skipped");
                return null;
            }
            f.error(TRACK, "missing track name");
        }
        if (artist == null) {
            f.error(ARTIST, "missing artist name");
        }
        String album = f.string(o, ALBUM);
        Boolean skipped = f.bool(o, "skipped");
        String reasonEnd = f.string(o, "reason_end");
        String platform = f.string(o, "platform");
        String who = given != null ? given : f.string(o, "username");
        if (who == null) {
            missing.reject(f, "username", "no listener: Spotify's streaming history names none since 2023 (no username)");
        }
        return new Listen(who, ts, artist, null, track, null, album, ms, skipped, reasonEnd, platform, line);
    }

    private static Listen accountData(JsonFields f, long line, String given, MissingListener missing) {
        ObjectNode o = f.root();
        if (f.has("podcastName") || f.has("episodeName")) {
            String episode = f.string(o, "episodeName");
            String show = f.string(o, "podcastName");
            f.warning(f.has("episodeName") ? "episodeName" : "podcastName", "a podcast episode"
                    + (episode == null ? "" : " \"" + episode + "\"") + (show == null ? "" : " of \"" + show + "\"")
                    + ", not music; skipped");
            return null;
        }
        String end = f.required(o, "endTime", "endTime (when the stream ended)");
        Long ts = ListenValues.spotifyMinuteMillis(end);
        if (ts == null) {
            ts = ListenValues.spotifyMillis(end);
        }
        if (ts == null) {
            f.error("endTime", "not a UTC time like 2021-03-04 18:33: \"" + end + "\"");
        }
        long ms = msPlayed(f, o, "msPlayed");
        String artist = f.required(o, "artistName", "artist name");
        String track = f.required(o, "trackName", "track name");
        if (given == null) {
            missing.reject(f, "", "no listener: the account-data history names none");
        }
        return new Listen(given, ts, artist, null, track, null, null, ms, null, null, null, line);
    }

    private static long msPlayed(JsonFields f, ObjectNode o, String field) {
        Long ms = f.wholeNumber(o, field);
        if (ms == null && o.has(field)) {
            return -1; // JSON null: not measured (ListenBrainz's own importer takes such streams too)
        }
        if (ms == null) {
            f.error(field, "missing " + field + " (how long the stream played, in milliseconds)");
        }
        if (ms < 0) {
            f.error(field, "cannot be negative: " + ms);
        }
        if (ms > EventParser.MAX_POSITION) {
            f.error(field, "more than 24 hours (" + ms + " ms) in one stream");
        }
        return ms;
    }
}
