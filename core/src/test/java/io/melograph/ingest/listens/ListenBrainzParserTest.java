package io.melograph.ingest.listens;

import io.melograph.events.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenBrainzParserTest {
    @TempDir
    Path dir;

    /**
     * A month of the current export ({@code listens/2021/3.jsonl} in the zip): one listen per line, the server's
     * {@code mbid_mapping} (or null), {@code listened_at} as PostgreSQL's {@code extract(epoch ...)} writes it.
     */
    private static final String MONTH = """
            {"inserted_at":1614882790.123456,"listened_at":1614882782.000000,"recording_msid":"3ad5b1d0-f09d-420b-b9fa-28aa3f454401","track_metadata":{"artist_name":"Sigur Rós","track_name":"Hoppípolla","release_name":"Takk...","recording_msid":"3ad5b1d0-f09d-420b-b9fa-28aa3f454401","additional_info":{"duration_ms":268000,"media_player":"Strawberry","submission_client":"Strawberry","submission_client_version":"1.0.21","recording_mbid":"11111111-2222-4333-8444-555555555555","artist_mbids":["f6f2326f-6b25-4170-b89d-e235b25508e8"],"release_mbid":"a3a1ef6e-7a1c-4b38-a8c4-21a5a6f1b0c2","tracknumber":2},"mbid_mapping":{"caa_id":20001234567,"caa_release_mbid":"a3a1ef6e-7a1c-4b38-a8c4-21a5a6f1b0c2","recording_mbid":"5e1e2f2a-8b6e-4d0c-9a7f-0c3b1d2e4f60","recording_name":"Hoppípolla","release_mbid":"a3a1ef6e-7a1c-4b38-a8c4-21a5a6f1b0c2","artist_mbids":["F6F2326F-6B25-4170-B89D-E235B25508E8"],"artists":[{"artist_credit_name":"Sigur Rós","artist_mbid":"f6f2326f-6b25-4170-b89d-e235b25508e8","join_phrase":""}]}}}
            {"inserted_at":1614882600,"listened_at":1614882500,"recording_msid":"8f3d1c0e-4b9a-4c57-9d1e-6a2b7c8d9e0f","track_metadata":{"artist_name":"坂本龍一","track_name":"戦場のメリークリスマス","release_name":null,"recording_msid":"8f3d1c0e-4b9a-4c57-9d1e-6a2b7c8d9e0f","additional_info":{"submission_client":"Pano Scrobbler","submission_client_version":"3.27 - 2024, Mar 25","recording_mbid":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","artist_mbids":"4d5447d7-c61c-4120-ba1b-d7f471d385b9"},"mbid_mapping":null}}
            {"inserted_at":1614882100,"listened_at":1614882000.5,"track_metadata":{"artist_name":"Björk","track_name":"Jóga","release_name":"Homogenic","mbid_mapping":{"recording_mbid":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","artists":[{"artist_credit_name":"Björk","artist_mbid":"87c5dedd-371d-4a53-9f7f-80522fb7f3cb","join_phrase":""}]}}}
            {"listened_at":1614881000,"track_metadata":{"artist_name":"Broken,"track_name":"Line"}}
            {"listened_at":1614880000,"track_metadata":{"artist_name":"Nobody","track_name":"","additional_info":{}}}
            {"listened_at":"2021-03-04T18:33:02Z","track_metadata":{"artist_name":"Someone","track_name":"Something"}}
            {"listened_at":1614879000,"track_metadata":{"artist_name":"Boards of Canada","track_name":"Roygbiv","additional_info":{"recording_mbid":"spotify:track:4uLU6hMCjMI75M1A2tKUQC","origin_url":"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC","music_service":"spotify.com"}}}

            {"listened_at":1614882782000,"track_metadata":{"artist_name":"Too","track_name":"Late"}}
            {"listened_at":-5,"track_metadata":{"artist_name":"Too","track_name":"Early"}}
            {"listened_at":1614878000,"track_metadata":{"track_name":"No Artist"}}
            """;

    @Test
    void readsAMonthOfTheJsonLinesExport() throws IOException {
        Parsed p = Parsed.of(ListenFormat.LISTENBRAINZ, dir, "3.jsonl", MONTH, "alice");

        assertEquals(new Listen("alice", 1614882782000L, "Sigur Rós", "f6f2326f-6b25-4170-b89d-e235b25508e8", "Hoppípolla",
                "5e1e2f2a-8b6e-4d0c-9a7f-0c3b1d2e4f60", "Takk...", -1, null, null, "Strawberry", 1), p.at(1),
                "mbid_mapping's recording wins over additional_info's");
        assertEquals(new Listen("alice", 1614882500000L, "坂本龍一", "4d5447d7-c61c-4120-ba1b-d7f471d385b9",
                "戦場のメリークリスマス", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", null, -1, null, null, "Pano Scrobbler", 2),
                p.at(2), "no mapping: additional_info's MBIDs, artist_mbids given as one string");
        assertEquals(new Listen("alice", 1614882000500L, "Björk", "87c5dedd-371d-4a53-9f7f-80522fb7f3cb", "Jóga",
                "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "Homogenic", -1, null, null, null, 3), p.at(3),
                "the mapping's artist credits when it has no artist_mbids; fractional seconds kept to the millisecond");
        Listen noMbid = p.at(7);
        assertEquals(null, noMbid.trackMbid());
        assertEquals(1614879000000L, noMbid.ts());
        assertEquals(4, p.listens.size());

        int column = MONTH.lines().toList().get(3).indexOf("track_name") + 1;
        assertEquals(List.of(
                "3.jsonl:4: column " + column + ": malformed JSON: Unexpected character ('t' (code 116)): was expecting "
                        + "comma to separate Object entries; the record is skipped",
                "3.jsonl:5: track_metadata.track_name: missing track name",
                "3.jsonl:6: listened_at: expected epoch seconds as a number, found the string \"2021-03-04T18:33:02Z\"",
                "3.jsonl:9: listened_at: 1614882782000 is too large for epoch seconds (milliseconds?)",
                "3.jsonl:10: listened_at: a time cannot be negative: -5",
                "3.jsonl:11: track_metadata.artist_name: missing artist name"), p.errors());
        assertEquals(List.of("3.jsonl:7: track_metadata.additional_info.recording_mbid: not a MusicBrainz id (a UUID): "
                + "\"spotify:track:4uLU6hMCjMI75M1A2tKUQC\"; ignored (warning)"), p.warnings());
        assertEquals(List.of(Action.PLAY, Action.COMPLETE), ListenEvents.actionsFor(p.at(1)), "a scrobble is a complete play");
    }

    /** The older export: one JSON array of listens, each with its user_name. */
    private static final String OLD_EXPORT = """
            [
              {
                "inserted_at": 1614882790,
                "listened_at": 1614882782,
                "recording_msid": "3ad5b1d0-f09d-420b-b9fa-28aa3f454401",
                "user_name": "rob",
                "track_metadata": {
                  "artist_name": "Acid King",
                  "track_name": "2 Wheel Nation",
                  "release_name": "III",
                  "additional_info": {
                    "duration_ms": 323000,
                    "submission_client": "Pano Scrobbler",
                    "recording_msid": "3ad5b1d0-f09d-420b-b9fa-28aa3f454401"
                  },
                  "mbid_mapping": {
                    "recording_mbid": "28b50c59-77e4-4254-a0bd-16797ddaa3ca",
                    "recording_name": "2 Wheel Nation",
                    "release_mbid": "b471e55e-68ef-4833-b3bb-c2a7417ee1f1",
                    "artist_mbids": ["1fc5d8e8-240c-4c0e-9c7d-5b2e43a1f0d7"]
                  }
                }
              },
              {
                "listened_at": 1614882000,
                "user_name": "rob",
                "track_metadata": {
                  "artist_name": "Broken"
                  "track_name": "Missing Comma"
                }
              },
              {
                "listened_at": 1614881000,
                "user_name": "rob",
                "track_metadata": {
                  "artist_name": "Sleep",
                  "track_name": 42
                }
              },
              {
                "listened_at": 1614880000,
                "user_name": "rob",
                "track_metadata": {
                  "artist_name": "Kyuss",
                  "track_name": "Gardenia"
                }
              }
            ]
            """;

    @Test
    void readsTheOlderJsonArrayExportAndResyncsAfterABrokenListen() throws IOException {
        Parsed p = Parsed.of(ListenFormat.LISTENBRAINZ, dir, "listens.json", OLD_EXPORT, null);

        assertEquals(new Listen("rob", 1614882782000L, "Acid King", "1fc5d8e8-240c-4c0e-9c7d-5b2e43a1f0d7", "2 Wheel Nation",
                "28b50c59-77e4-4254-a0bd-16797ddaa3ca", "III", -1, null, null, "Pano Scrobbler", 2), p.at(2),
                "no user given: the listen's user_name");
        assertEquals("Gardenia", p.at(40).trackName());
        assertEquals(2, p.listens.size());
        assertEquals(List.of(
                "listens.json:29: column 7: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to "
                        + "separate Object entries (in the record that starts on line 24); the record is skipped",
                "listens.json:37: track_metadata.track_name: expected a string, found the number 42"), p.errors());
    }

    @Test
    void anExportsListenerComesFromItsNameWhenTheListensNameNone() throws IOException {
        String noUserName = OLD_EXPORT.replace("\"user_name\": \"rob\",", "");
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("listenbrainz_rob_1700000000"));
        Parsed p = Parsed.of(ListenFormat.LISTENBRAINZ, folder, "listens.json", noUserName, null);
        assertEquals("rob", p.listens.get(0).user(), "from the export's folder name");
        Parsed anonymous = Parsed.of(ListenFormat.LISTENBRAINZ, dir, "listens.json", noUserName, null);
        assertTrue(anonymous.listens.isEmpty());
        assertEquals(1, anonymous.errors().stream().filter(e -> e.contains("--user ID")).count(), anonymous.errors().toString());
    }

    @Test
    void theGivenUserWinsOverTheRowsUserName() throws IOException {
        Parsed p = Parsed.of(ListenFormat.LISTENBRAINZ, dir, "listens.json", OLD_EXPORT, "robert");
        assertEquals("robert", p.listens.get(0).user());
    }
}
