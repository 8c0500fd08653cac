package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerStates;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Profiles remembered between requests (harness): the graph is read again when aggregation changes the listener. */
class ListenerProfilesTest {

    private static Set<String> heard(ListenerProfiles profiles) {
        return profiles.of("u-mem").orElseThrow().heard().keySet();
    }

    /** The test graph emptied, then made by {@code create}. */
    private static GraphConnection graph(String create) {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        try (Session s = graph.session()) {
            s.run(create).consume();
        }
        return graph;
    }

    @Test
    void aRememberedProfileIsReadAgainOnceAggregationWritesTheListener(@TempDir Path dir) throws Exception {
        GraphConnection graph = graph("""
                CREATE (u:User {id: 'u-mem', timeZone: 'Europe/Oslo'})-[:LISTENED {plays: 2}]->(:Song {id: 's-a', name: 'A'})
                CREATE (:Song {id: 's-b', name: 'B'}), (:Song {id: 's-c', name: 'C'})
                """);
        ListenerProfiles profiles = new ListenerProfiles(graph, new ListenerStates(new ItemCatalog(graph).reload()), 100,
                Duration.ofMinutes(10));
        assertEquals(Set.of("s-a"), heard(profiles));

        try (Session s = graph.session()) { // a writer that does not tell (a bulk import): remembered until it expires
            s.run("MATCH (u:User {id: 'u-mem'}), (b:Song {id: 's-b'}) CREATE (u)-[:LISTENED {plays: 1}]->(b)").consume();
        }
        assertEquals(Set.of("s-a"), heard(profiles), "the second request asks the graph nothing");
        assertEquals("Europe/Oslo", profiles.timeZone("u-mem").orElseThrow());

        aggregatePlayOfC(graph, dir, profiles::forget);
        assertEquals(Set.of("s-a", "s-b", "s-c"), heard(profiles), "aggregation told the profiles: read again");
    }

    @Test
    void keptCurrentInTheBackgroundActiveListenersAreReadAheadAndAgainAfterAggregation(@TempDir Path dir) throws Exception {
        GraphConnection graph = graph("""
                CREATE (u:User {id: 'u-mem'})-[:LISTENED {plays: 2}]->(:Song {id: 's-a', name: 'A'})
                CREATE (:User {id: 'u-idle'})-[:LISTENED {plays: 1}]->(:Song {id: 's-b', name: 'B'}), (:Song {id: 's-c', name: 'C'})
                """);
        ListenerStates live = new ListenerStates(new ItemCatalog(graph).reload());
        live.apply(new Event("e-0", "u-mem", "s-a", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN, null, 1_700_000_000_000L));
        ListenerProfiles profiles = new ListenerProfiles(graph, live, 100, Duration.ofMinutes(10));
        try {
            profiles.keepCurrent(10, Duration.ZERO, () -> {});
            await(() -> profiles.remembers("u-mem"), "the active listener is read ahead, before any request");
            assertEquals(false, profiles.remembers("u-idle"), "a listener without live state is not");
            assertEquals(Set.of("s-a"), heard(profiles));

            aggregatePlayOfC(graph, dir, profiles::aggregated);
            assertEquals(true, profiles.remembers("u-mem"), "changed by aggregation: still answers while it is read again");
            assertEquals(Set.of("s-a"), heard(profiles), "as it was, until read again aside (asked for now)");
            await(() -> heard(profiles).equals(Set.of("s-a", "s-c")), "read again in the background after aggregation");
        } finally {
            profiles.close();
        }
    }

    /** u-mem plays s-c; the aggregation writes it to the graph and tells {@code written}. */
    private static void aggregatePlayOfC(GraphConnection graph, Path dir, java.util.function.Consumer<Set<String>> written)
            throws Exception {
        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            aggregator.whenWritten(written);
            journal.append(List.of(new Event("e-1", "u-mem", "s-c", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN,
                    null, 1_700_000_000_001L))).get();
            aggregator.flush();
            aggregator.close();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
