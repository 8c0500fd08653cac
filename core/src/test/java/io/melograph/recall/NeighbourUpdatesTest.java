package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerStates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Between builds, aggregation moving co-listening updates the store's co-listened lists of exactly the songs it
 * touched, and the friends' favourites of the listeners following whoever played; a build made after the updates
 * leaves them aside.
 */
class NeighbourUpdatesTest {
    @TempDir
    Path home;

    @Test
    void aggregatedCoListeningReachesTheStoreWithoutABuild() throws Exception {
        TestGraph.clear();
        TwoScenes.write(TestGraph.connection());
        try (var s = TestGraph.connection().session()) { // b-user follows a-user: a-user's favourites are b-user's kg-friends
            s.run("MATCH (a:User {id: 'a-user'}), (b:User {id: 'b-user'}) CREATE (b)-[:FOLLOWS]->(a)").consume();
        }
        Path dir = home.resolve("neighbours");
        try (RecallService recall = new RecallService(TestGraph.connection(), new ListenerProfiles(TestGraph.connection(),
                new ListenerStates(new ItemCatalog(TestGraph.connection()))), Duration.ofSeconds(20), new SimpleMeterRegistry())) {
            NeighbourBuild.run(TestGraph.connection(), recall, dir, 2, null);
            try (NeighbourWatch watch = NeighbourWatch.start(recall, dir, Optional::empty, Duration.ofMinutes(1));
                 NeighbourUpdates updates = NeighbourUpdates.start(TestGraph.connection(), recall, NeighbourUpdates.beside(dir), watch::check, null,
                         Duration.ZERO);
                 FileJournal journal = FileJournal.open(home.resolve("journal"))) {
                assertTrue(coListened(recall, "a-song-1-2").isEmpty(), "nobody played anything together yet");
                List<String> friendsBefore = friends(recall);
                assertEquals(RecallService.STORED, recall.run(List.of("kg-friends"), context(), 20, n -> Duration.ofSeconds(20))
                        .status().get("kg-friends"), "kept per listener");
                GraphAggregator aggregator = new GraphAggregator(TestGraph.connection(), journal, 60_000).start();
                aggregator.whenCoListened(updates::coListened);
                aggregator.whenWritten(updates::listened);
                long t = 1_700_000_000_000L;
                journal.append(List.of(play("e-1", "a-song-1-2", t), play("e-2", "b-song-2-3", t + 60_000))).get();
                aggregator.flush();
                aggregator.close();

                assertEquals(2 + 1, updates.run(), "the two songs played together; the follower of the listener who played them");
                RecallService.Answer a = recall.similarSongs("a-song-1-2", 20).orElseThrow();
                assertEquals(RecallService.STORED, a.result().status().get("kg-co-listened"));
                assertEquals(List.of("b-song-2-3"), coListened(recall, "a-song-1-2"), "from the updated list, not the graph");
                assertEquals(List.of("a-song-1-2"), coListened(recall, "b-song-2-3"));
                assertEquals(0, updates.run(), "nothing new");
                List<String> friendsAfter = friends(recall);
                assertEquals(lines(recall.channels().get("kg-friends").recall(context(), 20, Duration.ofSeconds(20))), friendsAfter,
                        "b-user's friends' favourites from the updates are what the graph says now");
                assertFalse(friendsAfter.equals(friendsBefore), "a-user played two songs more: they count more for b-user");

                // a build after the updates holds the same; the older updates are left aside
                NeighbourBuild.run(TestGraph.connection(), recall, dir, 2, null);
                watch.check();
                assertFalse(recall.neighbours().orElseThrow().updates().isPresent());
                assertEquals(List.of("b-song-2-3"), coListened(recall, "a-song-1-2"));
            }
        }
    }

    private static ListenerContext context() {
        return new ListenerContext("b-user", List.of(), List.of(), List.of());
    }

    private static List<String> friends(RecallService recall) {
        RecallRunner.Result r = recall.run(List.of("kg-friends"), context(), 20, n -> Duration.ofSeconds(20));
        assertEquals(RecallService.STORED, r.status().get("kg-friends"));
        return lines(r.candidates().get("kg-friends"));
    }

    private static List<String> lines(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.itemId() + " " + String.format(java.util.Locale.ROOT, "%.6f", c.score()) + " " + c.reason()
                + " " + c.path()).toList();
    }

    private static Event play(String id, String song, long ts) {
        return new Event(id, "a-user", song, ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN, null, ts);
    }

    private static List<String> coListened(RecallService recall, String song) {
        RecallService.Answer a = recall.similarSongs(song, 20).orElseThrow();
        return a.result().candidates().getOrDefault("kg-co-listened", List.of()).stream().map(Candidate::itemId).toList();
    }
}
