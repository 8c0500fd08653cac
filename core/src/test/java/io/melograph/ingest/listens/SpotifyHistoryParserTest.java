package io.melograph.ingest.listens;

import io.melograph.events.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotifyHistoryParserTest {
    private static final String FILE = "Streaming_History_Audio_2019-2021_0.json";

    @TempDir
    Path dir;

    /** A value written as is, to break the JSON on purpose. */
    private record Raw(String json) {}

    /** The fields of an extended streaming history stream, in the export's order, with a music track's values. */
    private static LinkedHashMap<String, Object> stream() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("ts", "2021-03-04T18:33:02Z");
        m.put("platform", "android");
        m.put("ms_played", 215093);
        m.put("conn_country", "IS");
        m.put("ip_addr", "203.0.113.7");
        m.put("master_metadata_track_name", "Jóga");
        m.put("master_metadata_album_artist_name", "Björk");
        m.put("master_metadata_album_album_name", "Homogenic");
        m.put("spotify_track_uri", "spotify:track:0aEr5Ds1bAqtR9jVc9qBgW");
        m.put("episode_name", null);
        m.put("episode_show_name", null);
        m.put("spotify_episode_uri", null);
        m.put("audiobook_title", null);
        m.put("audiobook_uri", null);
        m.put("audiobook_chapter_uri", null);
        m.put("audiobook_chapter_title", null);
        m.put("reason_start", "trackdone");
        m.put("reason_end", "trackdone");
        m.put("shuffle", false);
        m.put("skipped", false);
        m.put("offline", false);
        m.put("offline_timestamp", null);
        m.put("incognito_mode", false);
        return m;
    }

    private static final List<String> FIELDS = new ArrayList<>(stream().keySet());

    /** One stream, pretty-printed as Spotify does (2 spaces, one field a line: 25 lines), with some values replaced. */
    private static String row(Object... overrides) {
        Map<String, Object> m = stream();
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        StringBuilder sb = new StringBuilder("  {\n");
        int n = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            String json = v == null ? "null" : v instanceof Raw r ? r.json() : v instanceof String s
                    ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : v.toString();
            sb.append("    \"").append(e.getKey()).append("\": ").append(json).append(++n < m.size() ? ",\n" : "\n");
        }
        return sb.append("  }").toString();
    }

    private static String export(String... rows) {
        return "[\n" + String.join(",\n", rows) + "\n]\n";
    }

    /** The line of row {@code i}'s opening brace. */
    private static long rowLine(int i) {
        return 2 + 25L * i;
    }

    private static long fieldLine(int i, String field) {
        return rowLine(i) + 1 + FIELDS.indexOf(field);
    }

    private static final String HISTORY = export(
            row(), // 0
            row("ts", "2021-03-04T18:35:40Z", "platform", "iOS 14.4 (iPhone12,1)", "ms_played", 8512,
                    "master_metadata_track_name", "Hoppípolla", "master_metadata_album_artist_name", "Sigur Rós",
                    "master_metadata_album_album_name", "Takk...", "spotify_track_uri", "spotify:track:6eTGxxQxiTFE6LfZHC33Wm",
                    "reason_start", "clickrow", "reason_end", "fwdbtn", "shuffle", true, "skipped", true), // 1
            row("ts", "2021-03-05T07:30:00Z", "ms_played", 1801233, "master_metadata_track_name", null,
                    "master_metadata_album_artist_name", null, "master_metadata_album_album_name", null,
                    "spotify_track_uri", null, "episode_name", "#112 The Long Tail", "episode_show_name", "Data Skeptic",
                    "spotify_episode_uri", "spotify:episode:5bA2pZ6fQk2mH3hVt0bX9c", "reason_end", "endplay"), // 2
            row("ts", "2019-06-01T09:00:00Z", "platform", "Windows 10 (10.0.17763; x64)", "ms_played", 12000,
                    "master_metadata_track_name", "Roygbiv", "master_metadata_album_artist_name", "Boards of Canada",
                    "master_metadata_album_album_name", "Music Has the Right to Children",
                    "spotify_track_uri", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "reason_end", "fwdbtn"), // 3
            row("ms_played", -1), // 4
            row("ts", "04/03/2021 18:33"), // 5
            row("incognito_mode", true), // 6
            row("ms_played", 0, "master_metadata_track_name", null, "master_metadata_album_artist_name", null,
                    "master_metadata_album_album_name", null, "spotify_track_uri", null, "reason_end", "endplay"), // 7
            row("ts", "2021-03-06T22:10:00Z", "ms_played", 95000, "reason_end", "endplay", "skipped", null,
                    "offline", true, "offline_timestamp", 1615068505123L), // 8
            row("ms_played", new Raw("12a")), // 9
            row("ts", "2021-03-07T10:00:00Z", "ms_played", 25000, "master_metadata_track_name", "Merry Christmas Mr. Lawrence",
                    "master_metadata_album_artist_name", "坂本龍一", "master_metadata_album_album_name", "戦場のメリークリスマス",
                    "reason_end", "trackdone"), // 10
            row("ms_played", 600000, "master_metadata_track_name", null, "master_metadata_album_artist_name", null,
                    "master_metadata_album_album_name", null, "spotify_track_uri", null,
                    "audiobook_title", "Pride and Prejudice", "audiobook_uri", "spotify:show:1a2b3c4d5e6f7g8h9i0jKL",
                    "audiobook_chapter_uri", "spotify:episode:0aBcDeFgHiJkLmNoPqRsTu", "audiobook_chapter_title", "Chapter 1"), // 11
            row("master_metadata_album_artist_name", null)); // 12

    @Test
    void readsTheExtendedStreamingHistory() throws IOException {
        Parsed p = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, FILE, HISTORY, "alice");

        assertEquals(new Listen("alice", 1614882782000L, "Björk", null, "Jóga", null, "Homogenic", 215093, false,
                "trackdone", "android", rowLine(0)), p.at(rowLine(0)));
        assertEquals(new Listen("alice", 1614882940000L, "Sigur Rós", null, "Hoppípolla", null, "Takk...", 8512, true,
                "fwdbtn", "iOS 14.4 (iPhone12,1)", rowLine(1)), p.at(rowLine(1)));
        assertEquals(1559379600000L, p.at(rowLine(3)).ts());
        Listen offline = p.at(rowLine(8));
        assertEquals(null, offline.skipped(), "skipped: null stays unknown");
        assertEquals("坂本龍一", p.at(rowLine(10)).artistName());
        assertEquals(5, p.listens.size());

        assertEquals(List.of(
                FILE + ":" + fieldLine(4, "ms_played") + ": ms_played: cannot be negative: -1",
                FILE + ":" + fieldLine(5, "ts") + ": ts: not a UTC time like 2021-03-04T18:33:02Z: \"04/03/2021 18:33\"",
                FILE + ":" + fieldLine(9, "ms_played") + ": column 20: malformed JSON: Unexpected character ('a' (code 97)): "
                        + "was expecting comma to separate Object entries (in the record that starts on line " + rowLine(9)
                        + "); the record is skipped",
                FILE + ":" + fieldLine(12, "master_metadata_album_artist_name")
                        + ": master_metadata_album_artist_name: missing artist name"), p.errors());
        assertEquals(List.of(
                FILE + ":" + fieldLine(2, "episode_name") + ": episode_name: a podcast episode \"#112 The Long Tail\" of "
                        + "\"Data Skeptic\", not music; skipped (warning)",
                FILE + ":" + fieldLine(7, "master_metadata_track_name") + ": master_metadata_track_name: no track, episode or "
                        + "audiobook named (Spotify leaves some streams without metadata); skipped (warning)",
                FILE + ":" + fieldLine(11, "audiobook_title") + ": audiobook_title: an audiobook \"Pride and Prejudice\", "
                        + "not music; skipped (warning)",
                FILE + ": incognito_mode: 1 stream(s) played in a private session were skipped (the first on line "
                        + rowLine(6) + "): Spotify keeps private sessions out of recommendations (warning)"), p.warnings());
    }

    @Test
    void aStreamLongerThanADayIsRefusedWhereItIs() throws IOException {
        Parsed p = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, FILE, export(row(), row("ms_played", 90_000_000)), "alice");
        assertEquals(1, p.listens.size());
        assertEquals(List.of(FILE + ":" + (2 + 25 + 3) + ": ms_played: more than 24 hours (90000000 ms) in one stream"), p.errors());
    }

    @Test
    void eachStreamBecomesTheBehaviourItShows() throws IOException {
        Parsed p = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, FILE, HISTORY, "alice");
        List<Action> complete = List.of(Action.PLAY, Action.COMPLETE);
        List<Action> skip = List.of(Action.PLAY, Action.SKIP);
        assertEquals(complete, ListenEvents.actionsFor(p.at(rowLine(0))), "trackdone");
        assertEquals(skip, ListenEvents.actionsFor(p.at(rowLine(1))), "skipped: true");
        assertEquals(skip, ListenEvents.actionsFor(p.at(rowLine(3))), "12 s then fwdbtn, though skipped is false (2015-2022)");
        assertEquals(List.of(Action.PLAY), ListenEvents.actionsFor(p.at(rowLine(8))), "95 s, then endplay");
        assertEquals(complete, ListenEvents.actionsFor(p.at(rowLine(10))), "a 25 s track played to its end");
    }

    @Test
    void aCurrentExportWithoutUsernameSaysOnceThatTheListenerIsNeededAndNullPlayTimeIsUnknown() throws IOException {
        Parsed none = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, "Streaming_History_Audio_2023.json", export(row(), row(), row()), null);
        assertTrue(none.listens.isEmpty());
        assertEquals(1, none.errors().size(), "one explanation, not one per row: " + none.errors());
        assertTrue(none.errors().get(0).contains("give the listener with --user ID"), none.errors().get(0));
        Parsed given = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, "Streaming_History_Audio_2023.json",
                export(row("ms_played", null)), "me");
        assertEquals(List.of(), given.errors());
        assertEquals(-1, given.listens.get(0).msPlayed(), "ms_played: null is not measured, not missing");
    }

    @Test
    void olderExtendedFilesNameTheUser() throws IOException {
        Parsed p = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, "endsong_0.json", export(row("username", "spotifyuser42")), null);
        assertEquals("spotifyuser42", p.listens.get(0).user());
        assertEquals(List.of(), p.problems);
    }

    private static final String ACCOUNT_DATA = """
            [
              {
                "endTime" : "2021-03-04 18:33",
                "artistName" : "Björk",
                "trackName" : "Jóga",
                "msPlayed" : 215093
              },
              {
                "endTime" : "2021-03-04 18:34",
                "artistName" : "Sigur Rós",
                "trackName" : "Hoppípolla",
                "msPlayed" : 8512
              },
              {
                "endTime" : "2021-03-05 07:30",
                "podcastName" : "Data Skeptic",
                "episodeName" : "#112 The Long Tail",
                "msPlayed" : 1801233
              },
              {
                "endTime" : "March 4th",
                "artistName" : "Nobody",
                "trackName" : "Nothing",
                "msPlayed" : 1000
              },
              {
                "endTime" : "2021-03-06 10:00",
                "artistName" : "Nobody",
                "trackName" : "Nothing",
                "msPlayed" : 1000.5
              }
            ]
            """;

    @Test
    void readsTheAccountDataStreamingHistory() throws IOException {
        Parsed p = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, "StreamingHistory0.json", ACCOUNT_DATA, "alice");

        Listen joga = p.at(2);
        assertEquals(new Listen("alice", 1614882780000L, "Björk", null, "Jóga", null, null, 215093, null, null, null, 2), joga);
        assertEquals(List.of(Action.PLAY), ListenEvents.actionsFor(joga), "long enough, but nothing says it ended");
        assertEquals(List.of(Action.PLAY, Action.SKIP), ListenEvents.actionsFor(p.at(8)));
        assertEquals(2, p.listens.size());
        assertEquals(List.of("StreamingHistory0.json:17: episodeName: a podcast episode \"#112 The Long Tail\" of "
                + "\"Data Skeptic\", not music; skipped (warning)"), p.warnings());
        assertEquals(List.of(
                "StreamingHistory0.json:21: endTime: not a UTC time like 2021-03-04 18:33: \"March 4th\"",
                "StreamingHistory0.json:30: msPlayed: expected a whole number, found 1000.5"), p.errors());
    }

    @Test
    void aRowOfNeitherShapeIsReported() throws IOException {
        Parsed p = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, FILE, "[{\"track\": \"x\"}]", "alice");
        assertEquals(List.of(FILE + ":1: not a Spotify stream: expected the fields ts, ms_played, master_metadata_track_name ... "
                + "(extended streaming history) or endTime, artistName, trackName, msPlayed (account data)"), p.errors());
        assertEquals(Arrays.asList(), p.listens);
    }
}
