package io.melograph.cli;

import io.melograph.TestGraph;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemType;
import io.melograph.events.SeedSegment;
import io.melograph.graph.GraphConnection;
import io.melograph.sim.DemoCommunity;
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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code melograph demo purge}: a home with the demo community and real listeners' events, purged, holds exactly what
 * the real events alone make (compared with a graph that only ever saw them), and aggregation goes on from there.
 */
class DemoCommandTest {
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        cli = new CliRunner();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private static void catalog() {
        TestGraph.clear();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    UNWIND range(0, 119) AS i
                    MERGE (a:Artist {id: 'artist-' + (i % 12), name: 'Artist ' + (i % 12)})
                    MERGE (g:Genre {id: 'genre-' + (i % 5), name: 'Genre ' + (i % 5)})
                    CREATE (s:Song {id: 'song-' + i, name: 'Song ' + i, durationSec: 150 + i % 120})
                    CREATE (s)-[:PERFORMED_BY]->(a), (s)-[:HAS_GENRE]->(g)
                    """).consume();
        }
    }

    /** Two real listeners, sessions of plays, a like and a skip: listens and co-listening of their own. */
    private static List<Event> realEvents(int from, int to) {
        List<Event> out = new ArrayList<>();
        long start = 1_760_000_000_000L; // after the simulated weeks
        for (int n = from; n < to; n++) {
            String user = n % 2 == 0 ? "u-ann" : "u-bob";
            Action action = n % 9 == 0 ? Action.LIKE : n % 7 == 0 ? Action.SKIP : Action.PLAY;
            out.add(new Event("real-" + n, user, "song-" + (n * 7 % 40), ItemType.SONG, action, Event.UNKNOWN, Event.UNKNOWN,
                    null, start + n * 60_000L));
        }
        return out;
    }

    private static void aggregate(GraphConnection graph, Path journalDir, List<Event> events) throws Exception {
        try (FileJournal journal = FileJournal.open(journalDir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000, "test").start();
            if (!events.isEmpty()) {
                journal.append(events).get();
            }
            aggregator.flush();
            aggregator.close();
        }
    }

    /** Every listen and co-listening weight, and the aggregation's count, as text to compare. */
    private static Map<String, Object> state(GraphConnection graph) {
        Map<String, Object> state = new TreeMap<>();
        try (Session s = graph.session()) {
            s.run("MATCH (u:User)-[l:LISTENED]->(s:Song) RETURN u.id + ' ' + s.id AS k, [l.plays, l.completes, l.skips, l.likes] AS v")
                    .forEachRemaining(r -> state.put("listen " + r.get("k").asString(), r.get("v").asList().toString()));
            s.run("MATCH (a:Song)-[c:CO_LISTENED]->(b:Song) RETURN a.id + ' ' + b.id AS k, c.weight AS w, c.synthetic AS syn")
                    .forEachRemaining(r -> state.put("co " + r.get("k").asString(), r.get("w").asLong() + "/" + r.get("syn")));
            s.run("MATCH (c:JournalCursor) RETURN c.eventCount AS n").forEachRemaining(r -> state.put("counted", r.get("n").asLong()));
        }
        return state;
    }

    private static long count(GraphConnection graph, String cypher) {
        try (Session s = graph.session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }

    /** What the real events alone make, in a graph that never saw the community. */
    private Map<String, Object> realOnly(GraphConnection graph) throws Exception {
        catalog();
        aggregate(graph, dir.resolve("real-only-" + System.nanoTime() + "/journal"), realEvents(0, 120));
        Map<String, Object> expected = state(graph);
        assertTrue(expected.keySet().stream().anyMatch(k -> k.startsWith("co ")), "the real sessions co-listen");
        return expected;
    }

    /** A fresh catalog and a demo home with its community. */
    private Path demoHome(GraphConnection graph, int listeners, int days) {
        catalog();
        Path home = dir.resolve("demo");
        assertTrue(DemoCommunity.createIfFirstStart(graph, home, listeners, days));
        return home;
    }

    @Test
    void purgeLeavesExactlyWhatTheRealEventsMake() throws Exception {
        GraphConnection graph = TestGraph.connection();
        Map<String, Object> expected = realOnly(graph);

        Path home = demoHome(graph, 30, 4);
        assertTrue(SeedSegment.exists(home.resolve("journal")));
        aggregate(graph, home.resolve("journal"), realEvents(0, 120));
        assertTrue(count(graph, "MATCH (n:Synthetic) RETURN count(n)") > 30, "the community is in the graph");
        assertTrue(count(graph, "MATCH ()-[c:CO_LISTENED]->() WHERE c.synthetic > 0 RETURN count(c)") > 0);
        Files.createDirectories(home.resolve("daily"));
        Files.createDirectories(home.resolve("catalog"));

        assertEquals(0, cli.run("demo", "purge", "--home", home.toString()), cli.stderr());
        String out = cli.stdout();
        assertTrue(out.contains("Removed from the graph: ") && out.contains(" User") && out.contains(" Playlist"), out);
        assertTrue(out.contains("simulated events (its seed segment"), out);
        assertEquals(0, count(graph, "MATCH (n:Synthetic) RETURN count(n)"));
        assertEquals(0, count(graph, "MATCH (u:User) WHERE u.id STARTS WITH 'sim:' RETURN count(u)"));
        assertEquals(expected, state(graph), "listens, co-listening and the count are what the real events alone made");
        assertFalse(SeedSegment.exists(home.resolve("journal")));
        assertFalse(Files.exists(home.resolve("daily")) || Files.exists(home.resolve("catalog")), "derived state goes");

        // the service starts again on the purged home: nothing is counted twice, new events count, no new community
        assertFalse(DemoCommunity.createIfFirstStart(graph, home, 30, 4));
        aggregate(graph, home.resolve("journal"), List.of());
        assertEquals(expected, state(graph), "a restart counts nothing again");
        aggregate(graph, home.resolve("journal"), realEvents(120, 121));
        assertEquals(121L, state(graph).get("counted"));

        assertEquals(0, cli.run("demo", "purge", "--home", home.toString()), cli.stderr());
        assertTrue(cli.stdout().contains("no simulated nodes"), cli.stdout());
        assertEquals(121L, state(graph).get("counted"), "purging again changes nothing");
    }

    @Test
    void aDemoWithoutRealListenersIsPurgedAndRealEventsCountFromThere() throws Exception {
        GraphConnection graph = TestGraph.connection();
        Map<String, Object> expected = realOnly(graph);
        Path home = demoHome(graph, 20, 3);
        aggregate(graph, home.resolve("journal"), List.of()); // the demo's first start: the community counted, cursor in the seed
        assertTrue(count(graph, "MATCH (c:JournalCursor) RETURN c.segment") == 0);
        assertTrue(count(graph, "MATCH (c:JournalCursor) RETURN c.eventCount") > 100);

        assertEquals(0, cli.run("demo", "purge", "--home", home.toString()), cli.stderr());
        assertEquals(0, count(graph, "MATCH ()-[r:LISTENED|CO_LISTENED]->() RETURN count(r)"), "only the community listened");
        assertEquals(1, count(graph, "MATCH (c:JournalCursor) RETURN c.segment"), "the cursor moved past the seed");
        assertEquals(0, count(graph, "MATCH (c:JournalCursor) RETURN c.eventCount"));
        assertFalse(DemoCommunity.createIfFirstStart(graph, home, 20, 3), "an empty journal, but the demo was purged");

        aggregate(graph, home.resolve("journal"), realEvents(0, 120));
        assertEquals(expected, state(graph));
    }

    @Test
    void aPurgeWaitsForTheAggregationToStop() throws Exception {
        GraphConnection graph = TestGraph.connection();
        Path home = demoHome(graph, 10, 2);
        aggregate(graph, home.resolve("journal"), List.of());
        try (Session s = graph.session()) { // a worker elsewhere holds the lease (the journal here is free)
            s.run("MATCH (c:JournalCursor) SET c.holder = 'worker-b', c.leaseUntil = timestamp() + 60000").consume();
        }
        Map<String, Object> before = state(graph);
        assertEquals(1, cli.run("demo", "purge", "--home", home.toString()));
        assertTrue(cli.stderr().contains("the graph aggregation is running in worker-b"), cli.stderr());
        assertEquals(before, state(graph));
        assertTrue(count(graph, "MATCH (n:Synthetic) RETURN count(n)") > 0);
        assertTrue(SeedSegment.exists(home.resolve("journal")));
        assertFalse(Files.exists(home.resolve("demo-purged")));
    }

    @Test
    void aMistypedHomeIsRefusedAndNotMade() {
        Path wrong = dir.resolve("no-such-home");
        assertEquals(1, cli.run("demo", "purge", "--home", wrong.toString()));
        assertTrue(cli.stderr().contains("is no Melograph home"), cli.stderr());
        assertFalse(Files.exists(wrong), "nothing made there");
    }

    @Test
    void aRunningServiceKeepsItsDemo() throws Exception {
        GraphConnection graph = TestGraph.connection();
        Path home = demoHome(graph, 10, 2);
        long synthetic = count(graph, "MATCH (n:Synthetic) RETURN count(n)");
        try (FileJournal journal = FileJournal.open(home.resolve("journal"))) {
            assertEquals(1, cli.run("demo", "purge", "--home", home.toString()));
            assertTrue(cli.stderr().contains("in use by another process"), cli.stderr());
            assertTrue(journal.size() > 0);
        }
        assertEquals(synthetic, count(graph, "MATCH (n:Synthetic) RETURN count(n)"), "nothing was removed");
        assertTrue(SeedSegment.exists(home.resolve("journal")));
    }
}
