package io.melograph.ingest.listens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ListenFormatTest {
    @TempDir
    Path dir;

    @Test
    void commandLineNames() {
        assertEquals(Optional.of(ListenFormat.LASTFM_1K), ListenFormat.parse("lastfm-1k"));
        assertEquals(Optional.of(ListenFormat.LISTENBRAINZ), ListenFormat.parse("listenbrainz"));
        assertEquals(Optional.of(ListenFormat.SPOTIFY_HISTORY), ListenFormat.parse(" Spotify-History "));
        assertEquals(Optional.empty(), ListenFormat.parse("spotify"));
        assertEquals(Optional.empty(), ListenFormat.parse(null));
        for (ListenFormat f : ListenFormat.values()) {
            assertEquals(Optional.of(f), ListenFormat.parse(f.cliName()));
        }
        assertInstanceOf(LastFm1kParser.class, ListenParser.of(ListenFormat.LASTFM_1K));
        assertInstanceOf(ListenBrainzParser.class, ListenParser.of(ListenFormat.LISTENBRAINZ));
        assertInstanceOf(SpotifyHistoryParser.class, ListenParser.of(ListenFormat.SPOTIFY_HISTORY));
    }

    /** 2021-03-04T18:33:02Z is 1 614 882 782 s after the epoch, however each format writes it. */
    @Test
    void theSameInstantInEveryFormatIsTheSameEpochMillisecond() throws IOException {
        long expected = 1_614_882_782_000L;
        Parsed lastfm = Parsed.of(ListenFormat.LASTFM_1K, dir, "1k.tsv",
                "user_000001\t2021-03-04T18:33:02Z\t\tBjörk\t\tJóga\n", null);
        Parsed lb = Parsed.of(ListenFormat.LISTENBRAINZ, dir, "lb.jsonl",
                "{\"listened_at\":1614882782,\"track_metadata\":{\"artist_name\":\"Björk\",\"track_name\":\"Jóga\"}}\n"
                        + "{\"listened_at\":1614882782.000000,\"track_metadata\":{\"artist_name\":\"Björk\",\"track_name\":\"Jóga\"}}\n",
                "alice");
        Parsed spotify = Parsed.of(ListenFormat.SPOTIFY_HISTORY, dir, "sp.json",
                "[{\"ts\":\"2021-03-04T18:33:02Z\",\"ms_played\":215093,\"master_metadata_track_name\":\"Jóga\","
                        + "\"master_metadata_album_artist_name\":\"Björk\"},"
                        + "{\"endTime\":\"2021-03-04 18:33\",\"artistName\":\"Björk\",\"trackName\":\"Jóga\",\"msPlayed\":1}]",
                "alice");
        assertEquals(List.of(expected), lastfm.listens.stream().map(Listen::ts).toList());
        assertEquals(List.of(expected, expected), lb.listens.stream().map(Listen::ts).toList());
        assertEquals(List.of(expected, expected - 2_000), spotify.listens.stream().map(Listen::ts).toList(),
                "account data keeps only the minute");
        assertEquals(List.of(), lastfm.problems);
        assertEquals(List.of(), lb.problems);
        assertEquals(List.of(), spotify.problems);
    }
}
