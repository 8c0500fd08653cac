package io.melograph.cli;

import io.melograph.TestGraph;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.JournalPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code melograph import listens} on small fixtures in each format's real layout, into a graph that has some of the
 * songs: resolution by MBID and by name, unresolved songs created, events in the journal, re-import adds nothing,
 * invalid input writes nothing.
 */
class ListensImportCommandTest {
    private static final String KARMA_POLICE = "1f0a3c6e-4d3b-4c2a-9a1e-2b7f7a1d0c11";
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void catalog() {
        cli = new CliRunner();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    CREATE (r:Artist {id: 'a-radiohead', name: 'Radiohead'})
                    CREATE (:Song {id: 's-karma', name: 'Karma Police', mbid: $mbid})-[:PERFORMED_BY]->(r)
                    CREATE (b:Artist {id: 'a-beyonce', name: 'Beyoncé'})
                    CREATE (:Song {id: 's-halo', name: 'Halo'})-[:ON_ALBUM]->(:Album {id: 'al-iam', name: 'I Am... Sasha Fierce'})-[:BY]->(b)
                    """, Map.of("mbid", KARMA_POLICE)).consume();
        }
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    private List<Event> journal() {
        List<Event> events = new ArrayList<>();
        try (FileJournal j = FileJournal.open(dir.resolve("home/journal"))) {
            j.replay(JournalPosition.START, (e, after) -> events.add(e));
        }
        return events;
    }

    private int importListens(String format, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "listens", "--home", dir.resolve("home").toString(), "--format", format));
        args.addAll(List.of(more));
        args.add(file.toString());
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void lastFm1kResolvesByMbidThenByNameAndCreatesTheRest() throws Exception {
        Path tsv = dir.resolve("userid-timestamp-artid-artname-traid-traname.tsv");
        Files.writeString(tsv, String.join("\n",
                "user_000001\t2009-05-04T23:08:57Z\ta74b1b7f-71a5-4011-9441-d0b5e4122711\tRADIOHEAD (live)\t" + KARMA_POLICE + "\tKarma Police (Live)",
                "user_000001\t2009-05-04T22:55:13Z\t\tBEYONCE\t\thalo",
                "user_000002\t2009-05-03T10:00:00Z\t0383dadf-2a4e-4d10-a46a-e9e041da8eb3\tQueen\t\tBohemian Rhapsody",
                "user_000002\t2009-05-03T10:06:00Z\t0383dadf-2a4e-4d10-a46a-e9e041da8eb3\tQueen\t\tBohemian Rhapsody", ""));
        long versionBefore = catalogVersion();
        assertEquals(0, importListens("lastfm-1k", tsv), cli.stderr());
        assertTrue(cli.stdout().contains("Imported 4 listens"), cli.stdout());
        assertTrue(cli.stdout().contains("{created=2, mbid=1, name=1}"), cli.stdout());
        long versionAfter = catalogVersion();
        assertEquals(versionBefore + 1, versionAfter, "the created songs move the catalog version (ItemCatalog reloads)");

        List<Event> events = journal();
        assertEquals(8, events.size(), "a scrobble is a play and a complete");
        assertEquals(List.of("s-karma", "s-halo"), events.stream().filter(e -> e.userId().equals("lastfm-1k:user:user_000001"))
                .filter(e -> e.action().wire().equals("play")).sorted(java.util.Comparator.comparingLong(Event::ts).reversed())
                .map(Event::itemId).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).ts() <= events.get(i).ts(), "journaled in time order");
        }
        try (Session s = TestGraph.connection().session()) {
            var queen = s.run("MATCH (s:Song {unresolved: true})-[:PERFORMED_BY]->(a:Artist {unresolved: true}) "
                    + "RETURN s.id AS id, s.name AS name, a.mbid AS artist, count(*) AS n").single();
            assertEquals("Bohemian Rhapsody", queen.get("name").asString());
            assertEquals("0383dadf-2a4e-4d10-a46a-e9e041da8eb3", queen.get("artist").asString());
            assertEquals(1, s.run("MATCH (s:Song) WHERE s.unresolved RETURN count(s) AS n").single().get("n").asInt());
        }

        assertEquals(0, importListens("lastfm-1k", tsv), cli.stderr());
        assertTrue(cli.stdout().contains("0 events to the journal in"), cli.stdout());
        assertTrue(cli.stdout().contains("(8 already there)"), cli.stdout());
        assertEquals(8, journal().size());
        assertEquals(versionAfter, catalogVersion(), "nothing created the second time");
    }

    private static long catalogVersion() {
        try (Session s = TestGraph.connection().session()) {
            return s.run("OPTIONAL MATCH (v:CatalogVersion {name: 'catalog'}) RETURN coalesce(v.catalogVersion, 0) AS v")
                    .single().get("v").asLong();
        }
    }

    @Test
    void listenBrainzJsonLinesByRecordingMbid() throws Exception {
        Path jsonl = dir.resolve("listens.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"listened_at\":1614882782,\"track_metadata\":{\"artist_name\":\"Radiohead\",\"track_name\":\"Karma Police\","
                        + "\"mbid_mapping\":{\"recording_mbid\":\"" + KARMA_POLICE + "\"}}}",
                "{\"listened_at\":1614882500,\"track_metadata\":{\"artist_name\":\"Sigur Rós\",\"track_name\":\"Hoppípolla\"}}", ""));
        assertEquals(0, importListens("listenbrainz", jsonl, "--user", "u-42"), cli.stderr());
        List<Event> events = journal();
        assertEquals(4, events.size());
        assertTrue(events.stream().allMatch(e -> e.userId().equals("u-42")));
        assertTrue(events.stream().anyMatch(e -> e.itemId().equals("s-karma")));
        assertTrue(events.stream().allMatch(e -> e.scene().equals("import:listenbrainz")));
    }

    @Test
    void spotifyShortPlaysAndSkippedStreamsBecomeSkips() throws Exception {
        Path json = dir.resolve("Streaming_History_Audio_2021.json");
        Files.writeString(json, """
                [
                  {"ts": "2021-03-04T18:35:40Z", "username": "anna", "platform": "Android", "ms_played": 8512,
                   "master_metadata_track_name": "Halo", "master_metadata_album_artist_name": "Beyoncé",
                   "master_metadata_album_album_name": "I Am... Sasha Fierce", "reason_start": "clickrow",
                   "reason_end": "fwdbtn", "shuffle": false, "skipped": true},
                  {"ts": "2021-03-04T18:40:30Z", "username": "anna", "platform": "Android", "ms_played": 263000,
                   "master_metadata_track_name": "Karma Police", "master_metadata_album_artist_name": "Radiohead",
                   "master_metadata_album_album_name": "OK Computer", "reason_start": "trackdone",
                   "reason_end": "trackdone", "shuffle": false, "skipped": false}
                ]
                """);
        assertEquals(0, importListens("spotify-history", json), cli.stderr());
        List<String> actions = journal().stream().map(e -> e.itemId() + " " + e.action().wire() + " " + e.durationMs()).toList();
        assertEquals(List.of("s-halo play 8512", "s-halo skip 8512", "s-karma play 263000", "s-karma complete 263000"), actions);
        assertEquals("spotify-history:user:anna", journal().get(0).userId());
    }

    @Test
    void invalidListensWriteNothingAndNameFileLineAndField() throws Exception {
        Path tsv = dir.resolve("history.tsv");
        Files.writeString(tsv, "user_000001\t2009-05-04T23:08:57Z\t\tRadiohead\t\tKarma Police\n"
                + "user_000001\tyesterday\t\tRadiohead\t\tAirbag\n"
                + "user_000001\t1999-01-01T00:00:00Z\t\tRadiohead\t\tLucky\n");
        assertEquals(2, importListens("lastfm-1k", tsv));
        assertTrue(cli.stderr().contains("history.tsv:2: timestamp"), cli.stderr());
        assertTrue(cli.stderr().contains("history.tsv:3: ts: out of range"), cli.stderr());
        assertTrue(cli.stdout().contains("Nothing was written: 2 errors"), cli.stdout());
        assertEquals(List.of(), journal());

        assertEquals(0, importListens("lastfm-1k", tsv, "--skip-invalid"), cli.stderr());
        assertEquals(2, journal().size(), "the valid listen only");
        assertEquals(2, cli.run("import", "listens", "--format", "napster", tsv.toString()));
        assertTrue(cli.stderr().contains("unknown --format 'napster'"), cli.stderr());
    }
}
