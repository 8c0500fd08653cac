package io.melograph.events;

import io.melograph.TestGraph;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregation into the graph (harness) when the journal under it was repaired or lost its tail. */
class GraphAggregatorTest {

    private static List<Event> plays(String prefix, int from, int to) {
        List<Event> out = new ArrayList<>();
        for (int n = from; n < to; n++) {
            out.add(new Event(prefix + n, "u-agg", "s-agg", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN, null,
                    1_700_000_000_000L + n * 1_000L));
        }
        return out;
    }

    private static GraphConnection graphWithOneSong() {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        try (Session s = graph.session()) {
            s.run("CREATE (:Song {id: 's-agg', name: 'Aggregated'})").consume();
        }
        return graph;
    }

    private static long plays(GraphConnection graph) {
        try (Session s = graph.session()) {
            return s.run("MATCH (:User {id: 'u-agg'})-[l:LISTENED]->(:Song {id: 's-agg'}) RETURN l.plays AS p").single().get("p").asLong();
        }
    }

    /** What a test does to the journal while aggregation follows it. */
    private interface JournalWork {
        void run(FileJournal journal) throws Exception;
    }

    /** Opens the journal in {@code dir} with aggregation following it, does the work, folds everything in and stops. */
    private static void aggregating(GraphConnection graph, Path dir, JournalWork work) throws Exception {
        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            work.run(journal);
            aggregator.flush();
            aggregator.close();
        }
    }

    /**
     * close() wakes a loop asleep between batches (here for a minute) rather than interrupting it or waiting for it,
     * and writes what was queued since the last batch.
     */
    @Test
    void closeWakesTheSleepingLoopAndFlushes(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            journal.append(plays("wake-", 0, 3)).get();
            aggregator.flush(); // written; the loop now sleeps its minute
            journal.append(plays("wake-", 3, 5)).get();
            long started = System.nanoTime();
            aggregator.close();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 3, "close took " + seconds + " s"); // without the wake-up: the 5 s join first
            assertEquals(0, aggregator.status().pending());
        }
        assertEquals(5, plays(graph));
    }

    /** The first events of a new journal follow its start: close writes them, rather than leave them to the next start. */
    @Test
    void closeWritesTheFirstEventsOfANewJournal(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        try (FileJournal journal = FileJournal.open(dir)) {
            assertTrue(journal.contiguous(JournalPosition.START, journal.end()), "nothing lies before a new journal's end");
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            aggregator.flush(); // caught up with the empty journal: the cursor is still at its start
            journal.append(plays("first-", 0, 3)).get();
            aggregator.close();
        }
        assertEquals(3, plays(graph));
    }

    @Test
    void aGraphFarBehindReadsEventsBackFromTheJournalInsteadOfHoldingThem(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000, 10).start();
            aggregator.flush(); // caught up (nothing yet)
            for (int g = 0; g < 6; g++) {
                journal.append(plays("q-", g * 5, g * 5 + 5)).get(); // groups of 5: the third does not fit in memory
            }
            assertTrue(aggregator.status().pending() <= 10, aggregator.status().pending() + " events held");
            aggregator.flush();
            assertEquals(30, plays(graph), "each event counted once, none skipped");
            journal.append(plays("q-", 30, 33)).get(); // and it follows the journal again
            aggregator.flush();
            assertEquals(33, plays(graph));
            aggregator.close();
        }
    }

    @Test
    void aLostJournalTailNeitherHidesNewEventsNorCountsResentOnesTwice(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        JournalPosition[] afterTwenty = new JournalPosition[1];
        aggregating(graph, dir, journal -> {
            journal.append(plays("e-", 0, 21)).get();
            afterTwenty[0] = journal.end();
            journal.append(plays("e-", 21, 30)).get();
        });
        assertEquals(30, plays(graph));
        // the disk loses the last 9 acknowledged events (all of them already counted in the graph)
        try (FileChannel ch = FileChannel.open(Segments.path(dir, afterTwenty[0].segment()), StandardOpenOption.WRITE)) {
            ch.truncate(afterTwenty[0].offset());
        }
        aggregating(graph, dir, journal -> {
            assertEquals(21, journal.size());
            Journal.Appended resent = journal.append(plays("e-", 21, 30)).get();
            assertEquals(9, resent.duplicates(), "the lost events are known as counted");
            journal.append(plays("n-", 0, 7)).get();
        });
        assertEquals(37, plays(graph), "every new play counted, no re-sent one twice");
        // and again after a restart: the cursor is where the journal ends
        aggregating(graph, dir, journal -> journal.append(plays("m-", 0, 3)).get());
        assertEquals(40, plays(graph));
    }

    @Test
    void afterARepairAggregationContinuesWithNewEvents(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        aggregating(graph, dir, journal -> journal.append(plays("e-", 0, 10)).get());
        try (FileChannel ch = FileChannel.open(Segments.list(dir).get(0), StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x13, 0x37}), 100); // an event already counted goes bad
        }
        org.junit.jupiter.api.Assertions.assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
        assertEquals(1, JournalRepair.repair(dir).size());
        aggregating(graph, dir, journal -> journal.append(plays("n-", 0, 5)).get());
        assertEquals(15, plays(graph), "the cursor kept its place: nothing lost, nothing counted twice");
    }

    @Test
    void coListenWindowsOfEndedSessionsAreLetGo(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            // 25,000 one-play listeners an hour apart each: at most those of the last session gap stay held
            List<Event> plays = new ArrayList<>();
            for (int n = 0; n < 25_000; n++) {
                plays.add(new Event("p-" + n, "once-" + n, "s-agg", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN,
                        null, 1_700_000_000_000L + n * 3_600_000L));
            }
            journal.append(plays).get();
            aggregator.flush();
            assertTrue(aggregator.windowsHeld() < GraphAggregator.PRUNE_ABOVE, aggregator.windowsHeld() + " windows held");
            aggregator.close();
        }
    }

    /**
     * Two processes following one event log over one graph (here two aggregators on one journal): one aggregates, the
     * other stands by; every event is counted once; when the one aggregating stops, the other takes over after its
     * lease and counts what came after, still once.
     */
    @Test
    void processesSharingOneLogCountEachEventOnceAndOneTakesOverWhenTheOtherStops(@TempDir Path dir) throws Exception {
        GraphConnection graph = graphWithOneSong();
        java.time.Duration lease = java.time.Duration.ofSeconds(1);
        try (FileJournal journal = FileJournal.open(dir)) {
            GraphAggregator first = new GraphAggregator(graph, journal, 50, GraphAggregator.MAX_QUEUED, lease, "first").start();
            GraphAggregator second = new GraphAggregator(graph, journal, 50, GraphAggregator.MAX_QUEUED, lease, "second").start();
            for (int k = 0; k < 20; k++) {
                journal.append(plays("shared-", 10 * k, 10 * k + 10)).get();
                Thread.sleep(20);
            }
            awaitPlays(graph, 200);
            for (long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                 first.status().aggregating() == second.status().aggregating() && System.nanoTime() < until; ) {
                Thread.sleep(50); // the one that lost the lease learns it at its next renewal
            }
            assertTrue(first.status().aggregating() ^ second.status().aggregating(), "one of them aggregates");
            GraphAggregator holder = first.status().aggregating() ? first : second;
            GraphAggregator standing = holder == first ? second : first;
            assertTrue(standing.status().caughtUp(), "standing by is no lag");
            holder.abandon(); // its process is killed: nothing is handed on, the lease lapses a second later

            journal.append(plays("after-", 0, 100)).get();
            awaitPlays(graph, 300);
            assertTrue(standing.status().aggregating(), "the other one took over");
            Thread.sleep(300);
            assertEquals(300, plays(graph), "nothing counted twice");
            try (Session s = graph.session()) {
                assertEquals(300, s.run("MATCH (c:JournalCursor) RETURN c.eventCount AS n").single().get("n").asLong());
            }
            standing.close();
        }
    }

    /**
     * A Kafka topic of three partitions: the cursor keeps a lane per partition in the graph; what was counted before a
     * restart, what came while the process was down and what comes live are each counted once.
     */
    @Test
    void aTopicOfSeveralPartitionsIsCountedOnceAcrossARestart() throws Exception {
        GraphConnection graph = graphWithOneSong();
        KafkaJournal.Settings topic = new KafkaJournal.Settings(io.melograph.TestKafka.bootstrap(), "aggregated-" + java.util.UUID.randomUUID(), 0, 3);
        try (KafkaJournal journal = KafkaJournal.open(topic)) {
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            journal.append(manyListeners("first-", 300)).get();
            aggregator.flush();
            aggregator.close();
        }
        try (KafkaJournal journal = KafkaJournal.open(topic)) {
            journal.append(manyListeners("while-down-", 300)).get(); // read by the next start's catch-up
            GraphAggregator aggregator = new GraphAggregator(graph, journal, 60_000).start();
            journal.append(manyListeners("live-", 300)).get();
            aggregator.flush();
            aggregator.close();
        }
        try (Session s = graph.session()) {
            assertEquals(900, s.run("MATCH (:User)-[l:LISTENED]->(:Song {id: 's-agg'}) RETURN sum(l.plays) AS n").single().get("n").asLong());
            assertEquals(20, s.run("MATCH (u:User)-[:LISTENED]->(:Song {id: 's-agg'}) RETURN count(u) AS n").single().get("n").asLong());
            org.neo4j.driver.Record cursor = s.run("MATCH (c:JournalCursor) RETURN c.eventCount AS n, c.lanes AS lanes").single();
            assertEquals(900, cursor.get("n").asLong());
            assertEquals(6, cursor.get("lanes").size(), "segment and offset of each partition: " + cursor.get("lanes"));
        }
    }

    /**
     * Partitions added while a process aggregates stop its journal; it hands the lease on at once, so a restarted
     * process takes the aggregation over without waiting for the lease (a minute here) and counts every event once.
     */
    @Test
    void aProcessWhoseTopicGainedPartitionsHandsTheAggregationOn() throws Exception {
        GraphConnection graph = graphWithOneSong();
        KafkaJournal.Settings topic = new KafkaJournal.Settings(io.melograph.TestKafka.bootstrap(), "regrown-" + java.util.UUID.randomUUID(), 0, 2);
        java.time.Duration lease = java.time.Duration.ofSeconds(60);
        java.time.Duration shipped = KafkaJournal.partitionsCheck;
        KafkaJournal.partitionsCheck = java.time.Duration.ofMillis(200);
        try (KafkaJournal before = KafkaJournal.open(topic)) {
            GraphAggregator first = new GraphAggregator(graph, before, 50, GraphAggregator.MAX_QUEUED, lease, "first").start();
            before.append(manyListeners("before-", 300)).get();
            first.flush();
            assertTrue(first.holdsLease());
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", topic.bootstrap()))) {
                admin.createPartitions(Map.of(topic.topic(), org.apache.kafka.clients.admin.NewPartitions.increaseTo(3))).all().get();
            }
            for (long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                 first.holdsLease() && System.nanoTime() < until; ) {
                Thread.sleep(50);
            }
            assertTrue(before.stopped() != null && !first.holdsLease(), "the stopped process let the lease go");
            try (KafkaJournal restarted = KafkaJournal.open(topic)) {
                GraphAggregator second = new GraphAggregator(graph, restarted, 50, GraphAggregator.MAX_QUEUED, lease, "second").start();
                restarted.append(manyListeners("after-", 300)).get();
                long seen = 0;
                for (long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20); seen < 600 && System.nanoTime() < until; ) {
                    Thread.sleep(100);
                    try (Session s = graph.session()) {
                        seen = s.run("MATCH (:User)-[l:LISTENED]->(:Song {id: 's-agg'}) RETURN sum(l.plays) AS n").single().get("n").asLong();
                    }
                }
                assertEquals(600, seen, "counted by the restarted process well within the old holder's lease");
                assertTrue(second.holdsLease());
                second.close();
            }
            first.close();
        } finally {
            KafkaJournal.partitionsCheck = shipped;
        }
    }

    /** {@code n} plays of the one song by 20 listeners (so over every partition). */
    private static List<Event> manyListeners(String prefix, int n) {
        List<Event> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new Event(prefix + k, "u-many-" + (k % 20), "s-agg", ItemType.SONG, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN,
                    null, 1_700_000_000_000L + k * 1_000L));
        }
        return out;
    }

    private static void awaitPlays(GraphConnection graph, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            try (Session s = graph.session()) {
                List<org.neo4j.driver.Record> rows = s.run("MATCH (:User {id: 'u-agg'})-[l:LISTENED]->(:Song {id: 's-agg'}) RETURN l.plays AS p").list();
                seen = rows.isEmpty() ? 0 : rows.get(0).get("p").asLong();
            }
            if (seen >= expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(seen + " plays counted, " + expected + " expected");
    }
}
