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

    @Test
    void aRememberedProfileIsReadAgainOnceAggregationWritesTheListener(@TempDir Path dir) throws Exception {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        try (Session s = graph.session()) {
            s.run("""
                    CREATE (u:User {id: 'u-mem', timeZone: 'Europe/Oslo'})-[:LISTENED {plays: 2}]->(:Song {id: 's-a', name: 'A'})
                    CREATE (:Song {id: 's-b', name: 'B'}), (:Song {id: 's-c', name: 'C'})
                    """).consume();
        }
        ListenerProfiles profiles = new ListenerProfiles(graph, new ListenerStates(new ItemCatalog(graph).reload()), 100,
                Duration.ofMinutes(10));
        assertEquals(Set.of("s-a"), heard(profiles));

        try (Session s = graph.session()) { // a writer that does not tell (a bulk import): remembered until it expires
            s.run("MATCH (u:User {id: 'u-mem'}), (b:Song {id: 's-b'}) CREATE (u)-[:LISTENED {plays: 1}]->(b)").consume();
        }
        assertEquals(Set.of("s-a"), heard(profiles), "the second request asks the graph nothing");
        assertEquals("Europe/Oslo", profiles.timeZone("u-mem").orElseThrow());

        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            aggregator.whenWritten(profiles::forget);
            journal.append(List.of(new Event("e-1", "u-mem", "s-c", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN,
                    null, 1_700_000_000_000L))).get();
            aggregator.flush();
            aggregator.close();
        }
        assertEquals(Set.of("s-a", "s-b", "s-c"), heard(profiles), "aggregation told the profiles: read again");
    }
}
