package io.melograph.events;

import io.melograph.TestGraph;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIntakeTest {
    private static final long T0 = 1_700_000_000_000L;
    private static ItemCatalog catalog;

    @BeforeAll
    static void songsWithArtistsAndGenres() {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        try (Session s = graph.session()) {
            // two artists on one song: their affinities fade alike (ties)
            s.run("""
                    CREATE (rock:Genre {name: 'rock'}), (pop:Genre {name: 'pop'})
                    CREATE (a:Artist {id: 'a-1', name: 'One'})-[:HAS_GENRE]->(rock), (b:Artist {id: 'a-2', name: 'Two'})-[:HAS_GENRE]->(pop)
                    WITH a, b
                    UNWIND range(0, 19) AS i
                    CREATE (s:Song {id: 's-' + i, name: 'S' + i})-[:PERFORMED_BY]->(a)
                    FOREACH (_ IN CASE WHEN i % 3 = 0 THEN [1] ELSE [] END | CREATE (s)-[:PERFORMED_BY]->(b))
                    """).consume();
        }
        catalog = new ItemCatalog(graph).reload();
    }

    /** Plays, completes, skips and likes of a few listeners over several sessions, some naming songs nobody knows. */
    private static List<Event> listening(int from, int to) {
        return listening(from, to, 7);
    }

    private static List<Event> listening(int from, int to, int listeners) {
        Random r = new Random(from);
        Action[] actions = {Action.PLAY, Action.COMPLETE, Action.SKIP, Action.LIKE};
        List<Event> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String song = r.nextInt(10) == 0 ? "unknown-" + i : "s-" + r.nextInt(20);
            long ts = T0 + i * 7 * 60_000L; // a session breaks now and then for a listener of every few events
            out.add(new Event("e-" + i, "u-" + r.nextInt(listeners), song, ItemType.SONG, actions[r.nextInt(actions.length)],
                    Event.UNKNOWN, Event.UNKNOWN, i % 5 == 0 ? null : "fm", ts));
        }
        return out;
    }

    private static void append(Journal journal, List<Event> events) throws Exception {
        for (int i = 0; i < events.size(); i += 50) {
            journal.append(events.subList(i, Math.min(events.size(), i + 50))).get();
        }
    }

    /** Everything a listener's live state answers with. */
    private static List<String> described(ListenerStates states) {
        return states.all().stream().sorted(Comparator.comparing(ListenerState::userId))
                .map(s -> String.join("|", s.userId(), String.valueOf(s.events()), String.valueOf(s.newest()),
                        String.valueOf(s.session()), s.recent(ListenerState.RECENT).toString(),
                        s.artistAffinities(100).toString(), s.genreAffinities(100).toString(),
                        s.ongoing(T0 + 2_000 * 7 * 60_000L, 3 * 3_600_000L).toString()))
                .toList();
    }

    @Test
    void aStartFromTheSnapshotReadsOnlyTheEventsAfterItAndEndsWhereAWholeReadEnds(@TempDir Path home) throws Exception {
        Path journalDir = home.resolve("journal");
        Path snapshots = LiveStateSnapshot.in(home);
        try (FileJournal journal = FileJournal.open(journalDir)) {
            append(journal, listening(0, 600));
            EventIntake intake = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            assertTrue(intake.snapshot());
            assertFalse(intake.snapshot(), "nothing came since");
            append(journal, listening(600, 1000));
            assertEquals(600, intake.stats().readAtStart());
            // no close: a process killed after its snapshot
        }
        try (FileJournal journal = FileJournal.open(journalDir)) {
            EventIntake restored = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            EventIntake whole = new EventIntake(journal, catalog, new ListenerStates(catalog)).awaitCaughtUp();
            assertEquals(400, restored.stats().readAtStart(), "only the events after the snapshot");
            assertEquals(1000, whole.stats().readAtStart());
            assertEquals(described(whole.states()), described(restored.states()));
            assertEquals(whole.stats().unknownItemEvents(), restored.stats().unknownItemEvents());
            assertTrue(whole.stats().unknownItemEvents() > 0);

            // and live events go on from there alike
            append(journal, listening(1000, 1100));
            assertEquals(described(whole.states()), described(restored.states()));
            restored.close(); // a last snapshot, at the journal's end
        }
        try (FileJournal journal = FileJournal.open(journalDir)) {
            EventIntake again = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            assertEquals(0, again.stats().readAtStart(), "the shutdown's snapshot holds everything");
            assertEquals(journal.end().toString(), again.stats().snapshotAt());
        }
    }

    @Test
    void snapshotsTakenWhileEventsArriveHoldExactlyTheEventsBeforeTheirPosition(@TempDir Path home) throws Exception {
        Path snapshots = LiveStateSnapshot.in(home);
        try (FileJournal journal = FileJournal.open(home.resolve("journal"))) {
            EventIntake intake = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            // many listeners (a copy takes a while) and large groups (so does applying one): a snapshot whose copy and
            // position were not taken together would often hold a group its position does not
            List<Event> all = listening(0, 20_000, 2_000);
            Thread appender = new Thread(() -> {
                try {
                    for (int i = 0; i < all.size(); i += 500) { // each group applied on the journal's writer thread
                        journal.append(all.subList(i, i + 500)).get();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            appender.start();
            int taken = 0;
            while (appender.isAlive()) {
                taken += intake.snapshot() ? 1 : 0;
            }
            appender.join();
            assertTrue(taken > 3, taken + " snapshots taken while events came");
        } // killed: the last snapshot is one taken in the middle of the stream
        try (FileJournal journal = FileJournal.open(home.resolve("journal"))) {
            EventIntake restored = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            EventIntake whole = new EventIntake(journal, catalog, new ListenerStates(catalog)).awaitCaughtUp();
            assertTrue(restored.stats().readAtStart() < 20_000);
            assertEquals(described(whole.states()), described(restored.states()));
            assertEquals(whole.stats().unknownItemEvents(), restored.stats().unknownItemEvents());
        }
    }

    @Test
    void overATopicOfSeveralPartitionsTheSnapshotHoldsEachPartitionsPositionAndNamesItsTopic(@TempDir Path home) throws Exception {
        Path snapshots = LiveStateSnapshot.in(home);
        KafkaJournal.Settings topic = new KafkaJournal.Settings(io.melograph.TestKafka.bootstrap(), "live-" + java.util.UUID.randomUUID(), 0, 3);
        try (KafkaJournal journal = KafkaJournal.open(topic)) {
            append(journal, listening(0, 600));
            EventIntake intake = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            assertTrue(intake.snapshot());
            append(journal, listening(600, 900)); // then killed
        }
        try (KafkaJournal journal = KafkaJournal.open(topic)) {
            EventIntake restored = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            EventIntake whole = new EventIntake(journal, catalog, new ListenerStates(catalog)).awaitCaughtUp();
            assertEquals(300, restored.stats().readAtStart());
            // each listener's events are in one partition, in order: a listener's state does not depend on how reads merge
            assertEquals(described(whole.states()), described(restored.states()));
        }
        KafkaJournal.Settings another = new KafkaJournal.Settings(topic.bootstrap(), "live-" + java.util.UUID.randomUUID(), 0, 3);
        try (KafkaJournal journal = KafkaJournal.open(another)) {
            append(journal, listening(0, 900)); // as long as the first: only its name tells them apart
            EventIntake intake = new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            assertEquals(900, intake.stats().readAtStart(), "another topic's snapshot is not used");
        }
    }

    @Test
    void aSnapshotPastTheJournalsEndOrUnreadableIsNotUsed(@TempDir Path home) throws Exception {
        Path snapshots = LiveStateSnapshot.in(home);
        try (FileJournal journal = FileJournal.open(home.resolve("journal"))) {
            append(journal, listening(0, 300));
            new EventIntake(journal, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp().close();
        }
        try (FileJournal longer = FileJournal.open(home.resolve("longer"))) { // another journal, reaching past the position
            append(longer, listening(1000, 1400));
            EventIntake intake = new EventIntake(longer, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            assertEquals(400, intake.stats().readAtStart(), "its name tells it from the snapshot's journal");
        }
        try (FileJournal shorter = FileJournal.open(home.resolve("another"))) { // the journal lost its tail, or is another
            append(shorter, listening(0, 100));
            EventIntake intake = new EventIntake(shorter, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            EventIntake whole = new EventIntake(shorter, catalog, new ListenerStates(catalog)).awaitCaughtUp();
            assertEquals(100, intake.stats().readAtStart());
            assertEquals(described(whole.states()), described(intake.states()));
            intake.close(); // a snapshot of this journal now

            Path file = snapshots.resolve(LiveStateSnapshot.FILE);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short
            EventIntake fromCut = new EventIntake(shorter, catalog, new ListenerStates(catalog), snapshots, null).awaitCaughtUp();
            assertEquals(100, fromCut.stats().readAtStart());
            assertEquals(described(whole.states()), described(fromCut.states()));
        }
    }
}
