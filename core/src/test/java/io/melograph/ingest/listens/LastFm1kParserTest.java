package io.melograph.ingest.listens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LastFm1kParserTest {
    private static final String FILE = "userid-timestamp-artid-artname-traid-traname.tsv";

    @TempDir
    Path dir;

    /** Lines as in the dataset: newest first per user, no header, empty MBIDs, quotes and any script in names. */
    private static final String FIXTURE = String.join("\n",
            "user_000639\t2009-04-08T01:57:47Z\t2b5f4cd2-0ba1-4e26-9e5c-b1f8b4d9b1f6\tThe Dogs D'Amour\t\tFall in Love Again?",
            "user_000639\t2009-04-08T01:53:56Z\t87C5DEDD-371D-4A53-9F7F-80522FB7F3CB\tBjörk\t"
                    + "b8f1b0a4-1a7e-4c1f-9f8e-3c2d1e0f9a7b\tJóga",
            "user_000639\t2009-04-07T23:10:02Z\t\tSigur Rós\t\tHoppípolla",
            "",
            "user_000640\t2009-05-04T23:08:57Z\t4d5447d7-c61c-4120-ba1b-d7f471d385b9\t坂本龍一\t\t戦場のメリークリスマス\r",
            "user_000640\t2009-05-04T22:55:13Z\t5441c29d-3602-4898-b1a1-b77fa23b8e50\tDavid Bowie\t\t\"Heroes\" - 1999 Remastered Version",
            "user_000640\t2009-05-04T22:50:00Z\tnot-an-mbid\tThe Artist\t\tThe Track",
            "user_000640\tyesterday\t\tArtist\t\tTrack",
            "user_000640\t2009-05-04T22:40:00Z\t\tOnly Four Fields",
            "user_000640\t2009-05-04T22:35:00Z\t\tArtist\t\t ",
            "\t2009-05-04T22:30:00Z\t\tArtist\t\tTrack",
            "user_000640\t2009-05-04T22:25:00Z\t\t\t\tTrack",
            "user_000640\t2009-05-04T22:20:00Z\t\tLast\t\tNo Newline At The End");

    @Test
    void readsTheDatasetsColumnsAndReportsEachBrokenLine() throws IOException {
        Parsed p = Parsed.of(ListenFormat.LASTFM_1K, dir, FILE, FIXTURE, "ignored-user");

        assertEquals(new Listen("user_000639", 1239155867000L, "The Dogs D'Amour", "2b5f4cd2-0ba1-4e26-9e5c-b1f8b4d9b1f6",
                "Fall in Love Again?", null, null, -1, null, null, null, 1), p.at(1));
        assertEquals(new Listen("user_000639", 1239155636000L, "Björk", "87c5dedd-371d-4a53-9f7f-80522fb7f3cb", "Jóga",
                "b8f1b0a4-1a7e-4c1f-9f8e-3c2d1e0f9a7b", null, -1, null, null, null, 2), p.at(2), "MBIDs in lower case");
        assertEquals(new Listen("user_000639", 1239145802000L, "Sigur Rós", null, "Hoppípolla", null, null, -1, null, null,
                null, 3), p.at(3), "empty MBIDs are null");
        Listen sakamoto = p.at(5);
        assertEquals("戦場のメリークリスマス", sakamoto.trackName(), "a CRLF line end is not part of the name");
        assertEquals(1241478537000L, sakamoto.ts());
        assertEquals("user_000640", sakamoto.user(), "the row's user, not the argument");
        assertEquals("\"Heroes\" - 1999 Remastered Version", p.at(6).trackName(), "quotes are literal");
        assertEquals(null, p.at(7).artistMbid());
        assertEquals("No Newline At The End", p.at(13).trackName());
        assertEquals(7, p.listens.size());

        assertEquals(List.of(
                FILE + ":8: timestamp: not an ISO 8601 UTC time like 2009-05-04T23:08:57Z: \"yesterday\"",
                FILE + ":9: expected 6 tab-separated fields (userid, timestamp, musicbrainz-artist-id, artist-name, "
                        + "musicbrainz-track-id, track-name), found 4",
                FILE + ":10: track-name: missing track name",
                FILE + ":11: userid: missing user id",
                FILE + ":12: artist-name: missing artist name"), p.errors());
        assertEquals(List.of(FILE + ":7: musicbrainz-artist-id: not a MusicBrainz id (a UUID): \"not-an-mbid\"; ignored (warning)"),
                p.warnings());
    }

    @Test
    void aLineThatIsNotUtf8IsReportedWithItsColumnAndReadingGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte order mark
        out.write("user_000001\t2009-05-04T23:08:57Z\t\tBjörk\t\tJóga\n".getBytes(StandardCharsets.UTF_8));
        out.write("user_000001\t2009-05-04T23:00:00Z\t\tCafé Tacuba\t\tLa Ingrata\n".getBytes(StandardCharsets.ISO_8859_1));
        out.write("user_000001\t2009-05-04T22:55:00Z\t\tMotörhead\t\tAce of Spades\n".getBytes(StandardCharsets.UTF_8));
        Parsed p = Parsed.of(ListenFormat.LASTFM_1K, Parsed.write(dir, FILE, out.toByteArray()), null);

        assertEquals("user_000001", p.at(1).user(), "the byte order mark is not part of the user id");
        assertEquals("Motörhead", p.at(3).artistName());
        assertEquals(List.of(FILE + ":2: column 38: not valid UTF-8 (the file must be UTF-8 encoded); the line is skipped"),
                p.errors());
    }

    @Test
    void everyScrobbleIsACompletedPlay() throws IOException {
        Parsed p = Parsed.of(ListenFormat.LASTFM_1K, dir, FILE, FIXTURE, null);
        assertTrue(p.listens.stream().allMatch(l -> ListenEvents.actionsFor(l).equals(
                List.of(io.melograph.events.Action.PLAY, io.melograph.events.Action.COMPLETE))));
    }
}
