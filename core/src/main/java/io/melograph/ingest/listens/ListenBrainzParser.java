package io.melograph.ingest.listens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.melograph.ingest.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A ListenBrainz user export. The current export is a zip of {@code user.json}, {@code feedback.jsonl} and
 * {@code listens/<year>/<month>.jsonl}: one listen per line; the older export (and the web page's "inspect listen")
 * is a JSON array of the same objects. Both are read, told apart by the first character. A listen:
 * <pre>{"listened_at": 1443521965, "inserted_at": ..., "recording_msid": "...", "track_metadata": {
 *    "artist_name": "...", "track_name": "...", "release_name": "...",
 *    "additional_info": {"recording_mbid": "...", "artist_mbids": ["..."], "duration_ms": 323000, "media_player": ...},
 *    "mbid_mapping": {"recording_mbid": "...", "artist_mbids": ["..."], "artists": [{"artist_mbid": ...}], ...} | null}}</pre>
 * {@code listened_at} is epoch seconds; the export writes it with PostgreSQL's {@code extract(epoch ...)}, which can
 * give a decimal ({@code 1700000000.000000}), so any number is accepted. MBIDs: the server's {@code mbid_mapping} is
 * preferred, then what the client submitted in {@code additional_info} ({@code artist_mbids} is sometimes a single
 * string there). {@code additional_info.track_mbid} is a MusicBrainz <em>track</em> (a position on a release), not a
 * recording, and is not used. Every listen is a scrobble (ListenBrainz asks clients to submit after half the track or
 * 4 minutes), so {@code msPlayed} is -1. The user is the {@code user} argument, else the row's {@code user_name}.
 */
final class ListenBrainzParser implements ListenParser {
    /** Epoch seconds beyond this (year 5138) are milliseconds written by mistake. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(100_000_000_000L);
    private static final String TM = "track_metadata";
    private static final String INFO = TM + ".additional_info";
    private static final String MAPPING = TM + ".mbid_mapping";

    @Override
    public void parse(Path file, String user, Consumer<Listen> listens, Consumer<Problem> problems) throws IOException {
        String source = file.getFileName().toString();
        // the export's own name says whose it is (listenbrainz_USER_...): its listens carry no user_name any more
        String given = Optional.ofNullable(ListenValues.emptyToNull(user)).or(() -> MissingListener.fromListenBrainzPath(file)).orElse(null);
        MissingListener missing = new MissingListener();
        JsonRecords.read(file, source, record -> {
            try {
                listens.accept(listen(new JsonFields(source, record, problems), record.line(), given, missing));
            } catch (JsonFields.Reject reported) {
                // the record's error has been reported; go on with the next one
            }
        }, problems);
    }

    private static Listen listen(JsonFields f, long line, String given, MissingListener missing) {
        ObjectNode o = f.root();
        JsonNode at = JsonFields.get(o, "listened_at");
        if (at == null) {
            f.error("listened_at", "missing listened_at (when the track was listened to, in epoch seconds)");
        }
        if (!at.isNumber()) {
            f.error("listened_at", "expected epoch seconds as a number, found " + JsonFields.describe(at));
        }
        BigDecimal seconds = at.decimalValue();
        if (seconds.signum() < 0) {
            f.error("listened_at", "a time cannot be negative: " + at);
        }
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            f.error("listened_at", at + " is too large for epoch seconds (milliseconds?)");
        }
        long ts = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        ObjectNode tm = f.object(o, TM);
        if (tm == null) {
            f.error(TM, "missing track_metadata");
        }
        String artist = f.required(tm, TM + ".artist_name", "artist name");
        String track = f.required(tm, TM + ".track_name", "track name");
        String release = f.string(tm, TM + ".release_name");
        String who = given != null ? given : f.string(o, "user_name");
        if (who == null) {
            missing.reject(f, "user_name", "no listener: the listen has no user_name and the file's name (listenbrainz_USER_...) "
                    + "names none");
        }
        ObjectNode info = f.object(tm, INFO);
        ObjectNode mapping = f.object(tm, MAPPING);
        String player = f.string(info, INFO + ".media_player");
        if (player == null) {
            player = f.string(info, INFO + ".submission_client");
        }
        String recording = mbid(f, mapping, MAPPING + ".recording_mbid");
        if (recording == null) {
            recording = mbid(f, info, INFO + ".recording_mbid");
        }
        String artistMbid = firstMbid(f, mapping, MAPPING + ".artist_mbids");
        JsonNode credits = JsonFields.get(mapping, "artists");
        if (artistMbid == null && credits != null && credits.isArray() && !credits.isEmpty()) {
            artistMbid = mbid(f, credits.get(0), MAPPING + ".artists.artist_mbid");
        }
        if (artistMbid == null) {
            artistMbid = firstMbid(f, info, INFO + ".artist_mbids");
        }
        return new Listen(who, ts, artist, artistMbid, track, recording, release, Listen.UNKNOWN_MS, null, null, player, line);
    }

    private static String mbid(JsonFields f, JsonNode parent, String path) {
        JsonNode v = JsonFields.get(parent, path.substring(path.lastIndexOf('.') + 1));
        if (v == null || v.isTextual() && v.textValue().isBlank()) {
            return null;
        }
        if (!v.isTextual()) {
            f.warning(path, "expected a MusicBrainz id, found " + JsonFields.describe(v) + "; ignored");
            return null;
        }
        return checked(f, path, v.textValue());
    }

    /** The first id of an {@code artist_mbids} list (or of a single string, as some clients send it). */
    private static String firstMbid(JsonFields f, JsonNode parent, String path) {
        JsonNode v = JsonFields.get(parent, path.substring(path.lastIndexOf('.') + 1));
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue().isBlank() ? null : checked(f, path, v.textValue().strip());
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual() && !e.textValue().isBlank()) {
                    return checked(f, path, e.textValue().strip());
                }
            }
            return null;
        }
        f.warning(path, "expected a list of MusicBrainz ids, found " + JsonFields.describe(v) + "; ignored");
        return null;
    }

    private static String checked(JsonFields f, String path, String s) {
        if (ListenValues.isMbid(s.strip())) {
            return ListenValues.mbid(s.strip());
        }
        f.warning(path, "not a MusicBrainz id (a UUID): \"" + s + "\"; ignored");
        return null;
    }
}
