package io.melograph.cli;

import com.sun.net.httpserver.HttpServer;
import io.melograph.TestGraph;
import io.melograph.events.FileJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code melograph simulate} over a small catalog in the test graph. */
class SimulateCommandTest {
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void catalog() {
        cli = new CliRunner();
        try (Session s = TestGraph.connection().session()) {
            // 20 artists x 10 songs, 6 genres, 12 tags, two languages: enough variety for tastes
            s.run("""
                    UNWIND range(0, 199) AS i
                    MERGE (a:Artist {id: 'artist-' + (i % 20), name: 'Artist ' + (i % 20)})
                    MERGE (g:Genre {id: 'genre-' + (i % 6), name: 'Genre ' + (i % 6)})
                    MERGE (t:Tag {id: 'tag-' + (i % 12), name: 'tag ' + (i % 12)})
                    MERGE (l:Language {id: CASE WHEN i % 5 = 0 THEN 'es' ELSE 'en' END})
                    CREATE (s:Song {id: 'song-' + i, name: 'Song ' + i, durationSec: 150 + i % 120,
                                    releaseDate: date('2020-01-01') + duration({days: i * 7})})
                    CREATE (s)-[:PERFORMED_BY]->(a), (s)-[:HAS_GENRE]->(g), (s)-[:TAGGED {weight: 1}]->(t), (s)-[:IN_LANGUAGE]->(l)
                    """).consume();
        }
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    private int simulate(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--home", dir.resolve("home").toString(),
                "--users", "40", "--days", "7"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void sameSeedGivesByteIdenticalEventsAndASummary() throws IOException {
        assertEquals(0, simulate("--seed", "7", "--out", dir.resolve("a.jsonl").toString()), cli.stderr());
        String summary = cli.stdout();
        for (String line : List.of("sessions per listener", "skip rate", "repeat rate", "long-tail share, artists", "HetRec")) {
            assertTrue(summary.contains(line), summary);
        }
        assertEquals(0, simulate("--seed", "7", "--no-world", "--out", dir.resolve("b.jsonl").toString()), cli.stderr());
        assertEquals(0, simulate("--seed", "8", "--no-world", "--out", dir.resolve("c.jsonl").toString()), cli.stderr());
        byte[] a = Files.readAllBytes(dir.resolve("a.jsonl"));
        assertTrue(a.length > 10_000, "a week of 40 listeners makes events");
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b.jsonl")));
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c.jsonl"))), "another seed, other events");
        String events = new String(a, StandardCharsets.UTF_8);
        for (String action : List.of("impression", "click", "play", "complete", "skip", "like", "save")) {
            assertTrue(events.contains("\"action\":\"" + action + "\""), action);
        }
        assertTrue(events.contains("\"itemType\":\"video\"") && events.contains("\"itemType\":\"mlog\""));
    }

    /** Session moods are favourite genres: asked for over a catalog without any, the command says none will happen. */
    @Test
    void sessionEffectsWarnWhenNoSongHasAGenre() {
        assertEquals(0, simulate("--seed", "7", "--no-world", "--session-effects", "--out", dir.resolve("m.jsonl").toString()), cli.stderr());
        assertFalse(cli.stderr().contains("no session will have a mood"), cli.stderr());
        try (Session s = TestGraph.connection().session()) {
            s.run("MATCH (:Song)-[r:HAS_GENRE]->() DELETE r").consume();
        }
        assertEquals(0, simulate("--seed", "7", "--no-world", "--session-effects", "--out", dir.resolve("n.jsonl").toString()), cli.stderr());
        assertTrue(cli.stderr().contains("no song in the catalog has a genre, so no session will have a mood"), cli.stderr());
    }

    /** The catalog the evaluation reads gives each song the facts the service's rankers get, its artists' genres too. */
    @Test
    void catalogOutGivesTheSongsFactsAsTheServiceSeesThem() throws IOException {
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    CREATE (a:Artist {id: 'artist-genred', name: 'Genred'})-[:HAS_GENRE]->(:Genre {id: 'genre-artist', name: 'Artist Genre'})
                    CREATE (:Song {id: 'song-bare', name: 'Bare', durationSec: 200, releaseDate: date('2021-01-01')})-[:PERFORMED_BY]->(a)
                    """).consume();
        }
        Path catalog = dir.resolve("catalog.csv");
        assertEquals(0, simulate("--seed", "7", "--no-world", "--out", dir.resolve("e.jsonl").toString(),
                "--catalog-out", catalog.toString()), cli.stderr());
        List<String> rows = Files.readAllLines(catalog);
        assertEquals("head,relation,tail", rows.get(0));
        for (String row : List.of("song-bare,performedBy,artist-genred", "song-bare,hasGenre,Artist Genre",
                "song-0,performedBy,artist-0", "song-0,hasGenre,Genre 0", "song-0,hasGenre,tag 0")) {
            assertTrue(rows.contains(row), row + " in " + rows.subList(0, Math.min(12, rows.size())));
        }
    }

    @Test
    void writesTheSyntheticWorldAndJournalsTheEvents() throws IOException {
        assertEquals(0, simulate("--seed", "7", "--out", dir.resolve("a.jsonl").toString()), cli.stderr());
        long lines = Files.readAllLines(dir.resolve("a.jsonl")).size();
        assertEquals(0, simulate("--seed", "7"), cli.stderr());
        assertTrue(cli.stdout().contains(String.format("%,d events to the journal in", lines)), cli.stdout());
        try (FileJournal journal = FileJournal.open(dir.resolve("home/journal"))) {
            assertEquals(lines, journal.size());
        }
        assertEquals(0, simulate("--seed", "7"), cli.stderr());
        assertTrue(cli.stdout().contains(String.format("0 events to the journal in %s (%,d already there)",
                dir.resolve("home/journal"), lines)), "a re-run adds nothing: " + cli.stdout());
        try (Session s = TestGraph.connection().session()) {
            Map<String, Object> counts = s.run("""
                    MATCH (n:Synthetic) WITH labels(n) AS l, n
                    RETURN sum(CASE WHEN 'User' IN l THEN 1 END) AS users,
                           sum(CASE WHEN 'Playlist' IN l AND EXISTS { (n)-[:CONTAINS]->(:Song) } AND EXISTS { (:User)-[:CREATED]->(n) } THEN 1 END) AS playlists,
                           sum(CASE WHEN 'Video' IN l AND EXISTS { (n)-[:FEATURES]->(:Song) } THEN 1 END) AS videos,
                           sum(CASE WHEN 'Mlog' IN l AND EXISTS { (n)-[:USES]->(:Song) } THEN 1 END) AS mlogs
                    """).single().asMap();
            assertEquals(Map.of("users", 40L, "playlists", 13L, "videos", 10L, "mlogs", 10L), counts);
            assertTrue(s.run("MATCH (:User:Synthetic)-[f:FOLLOWS]->(:User:Synthetic) RETURN count(f) AS n").single().get("n").asLong() > 0);
        }
    }

    /**
     * Live mode's client side. The Daily and FM endpoints arrive with the scenes issue, so this stands up a stand-in
     * service with the documented answers and checks that listeners ask it and that their events reach it.
     */
    @Test
    void liveModeAsksTheServiceAndSendsItTheEvents() throws IOException {
        AtomicInteger daily = new AtomicInteger();
        AtomicInteger fm = new AtomicInteger();
        AtomicInteger events = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/users/", x -> {
            String path = x.getRequestURI().getPath();
            String body = path.endsWith("/daily")
                    ? "{\"items\":[{\"id\":\"song-" + daily.incrementAndGet() % 200 + "\"},{\"id\":\"song-3\"}]}"
                    : "{\"item\":{\"id\":\"song-" + (fm.incrementAndGet() * 7) % 200 + "\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.createContext("/events", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = body.split("\"eventId\"").length - 1;
            events.addAndGet(n);
            byte[] bytes = ("{\"accepted\":" + n + ",\"duplicates\":0,\"unknownItems\":0}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders("Bearer t0k".equals(x.getRequestHeaders().getFirst("Authorization")) ? 202 : 401, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            assertEquals(0, cli.run("simulate", "--users", "20", "--days", "2", "--seed", "7", "--no-world", "--live", url,
                    "--token", "t0k"), cli.stderr());
            assertTrue(daily.get() > 0 && fm.get() > 0, "daily " + daily + ", fm " + fm);
            assertTrue(events.get() > 0);
            assertTrue(cli.stdout().contains(String.format("%,d events to %s/events", events.get(), url)), cli.stdout());
        } finally {
            server.stop(0);
        }
    }
}
