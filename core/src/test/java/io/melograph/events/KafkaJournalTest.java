package io.melograph.events;

import io.melograph.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.melograph.events.FileJournalTest.event;
import static io.melograph.events.FileJournalTest.events;
import static io.melograph.events.FileJournalTest.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal as a Kafka topic, against a real broker in this JVM: the file journal's contract, met through Kafka. */
class KafkaJournalTest {

    private static KafkaJournal.Settings topic() {
        return new KafkaJournal.Settings(TestKafka.bootstrap(), "events-" + UUID.randomUUID(), 0);
    }

    @Test
    void acknowledgedAppendsAreReadBackInOrderAndDuplicatesAreDroppedAcrossRestarts() throws Exception {
        KafkaJournal.Settings settings = topic();
        List<Event> seen = Collections.synchronizedList(new ArrayList<>());
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            j.onDurable((events, end) -> seen.addAll(events));
            List<CompletableFuture<Journal.Appended>> acks = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                acks.add(j.append(events(b * 50, b * 50 + 50)));
            }
            for (CompletableFuture<Journal.Appended> a : acks) {
                Journal.Appended appended = a.get(30, TimeUnit.SECONDS);
                assertEquals(50, appended.written());
                // acknowledged only once read back: the listeners have the events when the request is answered
                assertTrue(seen.size() >= appended.end().offset(), seen.size() + " events seen at " + appended.end());
            }
            assertEquals(500, j.size());
            assertEquals(new JournalPosition(0, 500), j.end());
            Journal.Appended dup = j.append(List.of(event(3), event(500), event(500))).get(30, TimeUnit.SECONDS);
            assertEquals(1, dup.written());
            assertEquals(2, dup.duplicates(), "an old id and a repeat within the batch");
        }
        assertEquals(501, seen.size());
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            List<Event> back = replay(j);
            assertEquals(501, back.size());
            assertEquals(seen, back, "listeners saw the topic's order; every field round-trips");
            assertEquals(0, j.append(List.of(event(499))).get(30, TimeUnit.SECONDS).written(), "still a duplicate after a restart");
            // a topic loses nothing it acknowledged: ids counted downstream are known once read, never taken before (an
            // append of one not read yet writes a copy, passed over)
            assertEquals(List.of(), j.remember(List.of("e-1", "fresh")));
            assertEquals(0, j.append(List.of(event(501), renamed(event(502), "fresh"))).get(30, TimeUnit.SECONDS).duplicates());
        }
    }

    /** A client's retry while its first request is still in flight is answered with it, not at once as a duplicate. */
    @Test
    void aDuplicateOfAnEventStillBeingSentIsAcknowledgedOnlyWithIt() throws Exception {
        try (KafkaJournal j = KafkaJournal.open(topic())) {
            CompletableFuture<Journal.Appended> original = j.append(events(0, 3000));
            Journal.Appended retry = j.append(List.of(event(2999))).get(30, TimeUnit.SECONDS);
            assertTrue(original.isDone() && !original.isCompletedExceptionally(), "the retry was answered before the original");
            assertEquals(1, retry.duplicates());
            assertEquals(0, j.append(List.of(event(5))).get(30, TimeUnit.SECONDS).written(), "an acknowledged id stays a duplicate");
        }
    }

    @Test
    void replayFromAPositionContinuesThere() throws Exception {
        try (KafkaJournal j = KafkaJournal.open(topic())) {
            FileJournalTest.assertReplayContinuesWhereAsked(j);
        }
    }

    @Test
    void aFollowerStartedWhileEventsFlowSeesEachOnceAndInOrder() throws Exception {
        try (KafkaJournal j = KafkaJournal.open(topic())) {
            assertFollowerSeesEachOnce(j, true);
        }
    }

    /** In the topic's order when it has one partition; else each listener's events in order. */
    private static void assertFollowerSeesEachOnce(KafkaJournal j, boolean onePartition) throws Exception {
        j.append(events(0, 200)).get(30, TimeUnit.SECONDS);
        j.onDurable((events, end) -> { // a slow consumer: the follower hands batches on behind the broker's end
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<CompletableFuture<Journal.Appended>> flowing = new ArrayList<>();
        Thread writer = new Thread(() -> {
            for (int b = 0; b < 80; b++) { // small appends, not waited for: the broker runs ahead of the follower
                flowing.add(j.append(events(200 + b * 5, 205 + b * 5)));
            }
        });
        writer.start();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        JournalFollower follower = JournalFollower.start("test-kafka-catch-up", j, () -> {
            JournalPosition[] reached = {JournalPosition.START};
            j.replay(JournalPosition.START, (e, after) -> {
                seen.add(e.eventId());
                reached[0] = after;
            });
            return reached[0];
        }, (events, end) -> events.forEach(e -> seen.add(e.eventId())));
        writer.join();
        for (CompletableFuture<Journal.Appended> a : flowing) {
            a.get(30, TimeUnit.SECONDS);
        }
        follower.awaitCaughtUp();
        List<String> expected = events(0, 600).stream().map(Event::eventId).toList();
        if (onePartition) {
            assertEquals(expected, seen, "every event once, in the topic's order");
        } else {
            assertEquals(byListener(events(0, 600)), byListener(seen.stream().map(id -> event(Integer.parseInt(id.substring(2)))).toList()),
                    "every event once, each listener's in order");
        }
    }

    @Test
    void anotherProcesssEventsReachTheListenersAndCountAsSeen() throws Exception {
        KafkaJournal.Settings settings = topic();
        try (KafkaJournal first = KafkaJournal.open(settings); KafkaJournal second = KafkaJournal.open(settings)) {
            List<Event> atSecond = Collections.synchronizedList(new ArrayList<>());
            second.onDurable((events, end) -> atSecond.addAll(events));
            first.append(events(0, 20)).get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (atSecond.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(events(0, 20), atSecond, "every process follows the whole topic");
            assertEquals(0, second.append(List.of(event(5))).get(30, TimeUnit.SECONDS).written(), "written by the other one: a duplicate");
        }
    }

    @Test
    void aRecordThatIsNoEventStopsTheReaderAtItsOffset() throws Exception {
        KafkaJournal.Settings settings = topic();
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            j.append(events(0, 3)).get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", settings.bootstrap()),
                new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(settings.topic(), "u1", "{\"eventId\": 42}")).get();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KafkaJournal.open(settings));
        assertTrue(e.getMessage().contains(settings.topic() + "-0 at offset 3") && e.getMessage().contains("eventId"), e.getMessage());
    }

    /**
     * A topic of three partitions: each listener's events in one, in order; reads merge the partitions by time; a
     * position has a lane per partition, and a replay from one continues exactly there; a restart knows every id.
     */
    @Test
    void severalPartitionsKeepEachListenersEventsInOrderAndLoseNone() throws Exception {
        KafkaJournal.Settings settings = partitioned(3);
        List<Event> live = Collections.synchronizedList(new ArrayList<>());
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            j.onDurable((events, end) -> live.addAll(events));
            List<CompletableFuture<Journal.Appended>> acks = new ArrayList<>();
            for (int b = 0; b < 12; b++) {
                acks.add(j.append(events(b * 50, b * 50 + 50)));
            }
            for (CompletableFuture<Journal.Appended> a : acks) {
                Journal.Appended appended = a.get(30, TimeUnit.SECONDS);
                assertEquals(50, appended.written());
                assertTrue(appended.end().atOrBefore(j.end()));
            }
            assertEquals(600, j.size());
            assertEquals(3, j.end().lanes(), "seven listeners over three partitions: " + j.end());
            assertEquals(events(0, 600), replay(j), "merged by time: the order the events happened in");
            assertEquals(byListener(events(0, 600)), byListener(live), "the follower keeps each listener's order");
            FileJournalTest.assertReplayContinuesWhereAsked(j, 600);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrap()))) {
            assertEquals(3, admin.describeTopics(List.of(settings.topic())).allTopicNames().get().get(settings.topic()).partitions().size());
        }
        // another process opens the topic as it is, whatever it would create
        try (KafkaJournal j = KafkaJournal.open(new KafkaJournal.Settings(settings.bootstrap(), settings.topic(), 0, 1))) {
            assertEquals(700, j.size());
            assertEquals(0, j.append(List.of(event(42), event(650))).get(30, TimeUnit.SECONDS).written(), "every id known");
            assertEquals(1, j.append(List.of(event(700))).get(30, TimeUnit.SECONDS).written());
            assertEquals(events(0, 701), replay(j));
        }
    }

    /** A catch-up replay and the live groups after it, over three partitions: every event once, each listener in order. */
    @Test
    void aFollowerOverSeveralPartitionsSeesEachEventOnce() throws Exception {
        try (KafkaJournal j = KafkaJournal.open(partitioned(3))) {
            assertFollowerSeesEachOnce(j, false);
        }
    }

    /** Partitions added while a process runs: it stops acknowledging, saying why, rather than miss what goes there. */
    @Test
    void partitionsAddedWhileAProcessRunsStopItsAppendsUntilARestart() throws Exception {
        KafkaJournal.Settings settings = partitioned(2);
        Duration shipped = KafkaJournal.partitionsCheck;
        KafkaJournal.partitionsCheck = Duration.ofMillis(200);
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            j.append(events(0, 20)).get(30, TimeUnit.SECONDS);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrap()))) {
                admin.createPartitions(Map.of(settings.topic(), org.apache.kafka.clients.admin.NewPartitions.increaseTo(3))).all().get();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            java.util.concurrent.ExecutionException refused = null;
            while (refused == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
                try {
                    j.append(List.of(event(1000 + (int) (System.nanoTime() % 1000)))).get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null && refused.getCause().getMessage().contains("now has 3 partitions, not the 2"),
                    String.valueOf(refused));
        } finally {
            KafkaJournal.partitionsCheck = shipped;
        }
        try (KafkaJournal j = KafkaJournal.open(settings)) { // restarted: all three read and written
            assertEquals(3, j.lanes());
            assertTrue(j.size() >= 20);
            j.append(events(2000, 2030)).get(30, TimeUnit.SECONDS);
            assertEquals(j.size(), replay(j).size());
        }
    }

    /**
     * With a directory for its ids, a start reads only the events after the ids kept there and memory holds only
     * theirs; every id stays a duplicate across restarts. An index whose last write did not finish, or that is another
     * topic's, is dropped (every id read again), and a second journal on the same directory keeps its ids in memory.
     */
    @Test
    void idsKeptOnDiskLetAStartReadOnlyTheEventsAfterThem(@TempDir Path dir) throws Exception {
        KafkaJournal.Settings settings = partitioned(3);
        int shipped = TopicIdIndex.every;
        TopicIdIndex.every = 100;
        try {
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) {
                for (int from = 0; from < 250; from += 50) {
                    j.append(events(from, from + 50)).get(30, TimeUnit.SECONDS);
                }
                j.awaitIdsWritten();
                assertTrue(j.idsInMemory() < 100, j.idsInMemory() + " ids in memory");
                assertEquals(0, j.append(List.of(event(5))).get(30, TimeUnit.SECONDS).written(), "an id on disk is a duplicate");
            }
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) {
                assertTrue(j.idsInMemory() < 100, "only the events after the ids on disk were read: " + j.idsInMemory());
                assertEquals(250, j.size());
                assertEquals(0, j.append(List.of(event(3), event(249))).get(30, TimeUnit.SECONDS).written());
                try (KafkaJournal second = KafkaJournal.open(settings, dir)) { // the directory is taken: memory only
                    assertEquals(250, second.idsInMemory());
                    assertEquals(0, second.append(List.of(event(7))).get(30, TimeUnit.SECONDS).written());
                }
                assertEquals(1, j.append(List.of(event(250))).get(30, TimeUnit.SECONDS).written());
                assertEquals(251, replay(j).size());
            }
            Path position = dir.resolve(TopicIdIndex.POSITION);
            String[] kept = Files.readString(position).split(" ");
            Files.writeString(position, kept[0] + " " + (Long.parseLong(kept[1]) - 1) + " " + kept[2] + " " + kept[3]); // as if the index's last write was cut
            TopicIdIndex.every = 1000; // no write of the ids read at open, which would empty memory while the test looks
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) {
                assertEquals(251, j.idsInMemory(), "an unfinished index is dropped: every id read from the topic");
                assertEquals(0, j.append(List.of(event(3))).get(30, TimeUnit.SECONDS).written());
            }
            TopicIdIndex.every = 100;
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) { // the ids read at open written again
                j.awaitIdsWritten();
                assertTrue(j.idsOnDisk() >= 100, j.idsOnDisk() + " ids on disk");
            }
            try (KafkaJournal other = KafkaJournal.open(partitioned(2), dir)) {
                assertEquals(0, other.idsOnDisk(), "another topic's ids are not this one's");
                assertTrue(!Files.exists(position), "its index was dropped");
                assertEquals(1, other.append(List.of(event(3))).get(30, TimeUnit.SECONDS).written());
            }
        } finally {
            TopicIdIndex.every = shipped;
        }
    }

    /**
     * A send that failed for its sender after the broker had written it, then sent again, leaves two records of one
     * event: the first is handed on, the copy by no read — live, in a replay, at the next start, and once the ids
     * before it are on disk.
     */
    @Test
    void aCopyOfAnEventHandedOnBeforeIsPassedOverByEveryRead(@TempDir Path dir) throws Exception {
        KafkaJournal.Settings settings = partitioned(3);
        int shipped = TopicIdIndex.every;
        TopicIdIndex.every = 1_000; // no write of the ids while the test looks at memory
        try {
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) {
                List<Event> handedOn = Collections.synchronizedList(new ArrayList<>());
                j.onDurable((events, end) -> handedOn.addAll(events));
                j.append(events(0, 50)).get(30, TimeUnit.SECONDS);
                // another process's records, as its producer wrote them: copies of events 5 and 7, and an event of its own
                try (KafkaProducer<String, byte[]> p = anotherProducer(settings)) {
                    for (Event e : List.of(event(5), event(1000), event(7), event(1000))) {
                        write(p, settings, e);
                    }
                }
                j.append(events(50, 60)).get(30, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (j.size() < 61 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(500); // a copy handed on would have come with the records around it
                List<String> expected = new ArrayList<>(events(0, 60).stream().map(Event::eventId).toList());
                expected.add(event(1000).eventId());
                assertEquals(61, j.size(), "the copies are not counted");
                assertEquals(expected.stream().sorted().toList(), handedOn.stream().map(Event::eventId).sorted().toList(),
                        "handed on live once each");
                assertEquals(expected.stream().sorted().toList(), replay(j).stream().map(Event::eventId).sorted().toList(),
                        "a replay passes over the copies");

                // a client that sent events to another process, then sent them here too: whichever record is read first
                // is handed on (this process reserved the ids before reading the other's), the other is a copy
                try (KafkaProducer<String, byte[]> p = anotherProducer(settings)) {
                    for (Event e : events(2000, 2020)) {
                        write(p, settings, e);
                        j.append(List.of(e)).get(30, TimeUnit.SECONDS);
                    }
                }
                expected.addAll(events(2000, 2020).stream().map(Event::eventId).toList());
                // an append answered as a duplicate may come before the other's record is handed on
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((j.size() < 81 || handedOn.size() < 81) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(81, j.size());
                assertEquals(expected.stream().sorted().toList(), handedOn.stream().map(Event::eventId).sorted().toList());
                assertEquals(expected.stream().sorted().toList(), replay(j).stream().map(Event::eventId).sorted().toList());

                // a copy last in the topic: a replay's own positions end before it, the position it returns after it
                // (a catch-up that stopped short would take the next group for new)
                JournalPosition before = j.end();
                try (KafkaProducer<String, byte[]> p = anotherProducer(settings)) {
                    write(p, settings, event(2019)); // the latest event's copy: last in a read merged by time as well
                }
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (j.end().equals(before) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                JournalPosition[] lastAfter = {JournalPosition.START};
                JournalPosition stopped = j.replay(JournalPosition.START, (e, after) -> lastAfter[0] = after);
                assertEquals(j.end(), stopped);
                assertTrue(!lastAfter[0].equals(stopped) && lastAfter[0].atOrBefore(stopped), lastAfter[0] + " then " + stopped);
                assertEquals(81, j.size());
                assertEquals(81, handedOn.size());
            }
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) { // every id read at open: the copies found again
                assertEquals(81, replay(j).size());
                assertEquals(81, j.size());
            }
            TopicIdIndex.every = 10;
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) { // the ids read at open go to disk, with the copies
                j.awaitIdsWritten();
                assertTrue(j.idsOnDisk() > 0, j.idsOnDisk() + " ids on disk");
            }
            try (KafkaJournal j = KafkaJournal.open(settings, dir)) { // copies up to there from disk, later ones read again
                assertEquals(81, replay(j).size());
                assertEquals(81, j.size());
            }
            List<String> all = new ArrayList<>();
            KafkaJournal.readAll(settings, (e, after) -> all.add(e.eventId()));
            assertEquals(81, all.size(), "a reading of the whole topic without a journal passes over them too");
        } finally {
            TopicIdIndex.every = shipped;
        }
    }

    /** A producer of another process, writing records as the journal does. */
    private static KafkaProducer<String, byte[]> anotherProducer(KafkaJournal.Settings settings) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", settings.bootstrap()), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    private static void write(KafkaProducer<String, byte[]> p, KafkaJournal.Settings settings, Event e) throws Exception {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(settings.topic(), e.userId(),
                EventJson.write(e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        r.headers().add("schema", KafkaJournal.SCHEMA.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.send(r).get();
    }

    @Test
    void theCopiesUpToTheIdsOnDiskAreKeptWithThem(@TempDir Path dir) throws Exception {
        int shipped = TopicIdIndex.every;
        TopicIdIndex.every = 2;
        try {
            try (TopicIdIndex index = TopicIdIndex.open(dir, "topic-a", new long[] {0, 0})) {
                index.copy(1, 5);
                index.copy(0, 40); // past where the ids written reach: found again by the next start's read
                index.delivered(EventIdSet.hash("e-1"));
                index.delivered(EventIdSet.hash("e-2"));
                index.cutIfFull(JournalPosition.ofOffsets(new long[] {30, 10}), sorted -> { });
                index.awaitWritten();
            }
            try (TopicIdIndex index = TopicIdIndex.open(dir, "topic-a", new long[] {50, 10})) {
                assertEquals(JournalPosition.ofOffsets(new long[] {30, 10}), index.covered());
                assertTrue(index.isCopy(1, 5));
                assertEquals(1, index.copies());
                assertTrue(index.contains(EventIdSet.hash("e-2")));
            }
            Path position = dir.resolve(TopicIdIndex.POSITION);
            String[] words = Files.readString(position).trim().split(" ");
            assertEquals("1:5", words[3]);
            Files.writeString(position, words[0] + " " + words[1] + " " + words[2]); // as an older build wrote it
            try (TopicIdIndex index = TopicIdIndex.open(dir, "topic-a", new long[] {50, 10})) { // no copies listed: all read again
                assertEquals(JournalPosition.START, index.covered());
                assertEquals(0, index.size());
            }
            try (TopicIdIndex index = TopicIdIndex.open(dir, "topic-b", new long[] {50, 10})) { // another topic's
                assertEquals(0, index.copies());
            }
        } finally {
            TopicIdIndex.every = shipped;
        }
    }

    private static KafkaJournal.Settings partitioned(int partitions) {
        return new KafkaJournal.Settings(TestKafka.bootstrap(), "events-" + UUID.randomUUID(), 0, partitions);
    }

    private static Map<String, List<String>> byListener(List<Event> events) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        events.forEach(e -> out.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e.eventId()));
        return out;
    }

    @Test
    void aTopicWhoseBrokersDeleteEventsIsRefusedWithTheSettingsToChange() throws Exception {
        KafkaJournal.Settings aging = topic();
        KafkaJournal.Settings compacted = topic();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", aging.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(aging.topic(), 1, (short) 1).configs(Map.of("retention.ms", "86400000")),
                    new NewTopic(compacted.topic(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact", "retention.ms", "-1"))))
                    .all().get();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KafkaJournal.open(aging));
        assertTrue(e.getMessage().contains(aging.topic() + " deletes events (retention.ms=86400000)")
                && e.getMessage().endsWith("set cleanup.policy=delete, retention.bytes=-1, retention.ms=-1 on it"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> KafkaJournal.open(compacted));
        assertTrue(e.getMessage().contains(compacted.topic() + " deletes events (cleanup.policy=compact)"), e.getMessage());
    }

    @Test
    void aTopicThatLostItsFirstEventsIsRefusedAtTheirOffset() throws Exception {
        KafkaJournal.Settings settings = topic();
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            j.append(events(0, 5)).get(30, TimeUnit.SECONDS);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrap()))) {
            admin.deleteRecords(Map.of(new TopicPartition(settings.topic(), 0), RecordsToDelete.beforeOffset(2))).all().get();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KafkaJournal.open(settings));
        assertTrue(e.getMessage().contains(settings.topic() + " starts at offset 2"), e.getMessage());
        List<Event> read = new ArrayList<>();
        e = assertThrows(IllegalStateException.class, () -> KafkaJournal.read(settings, 1, JournalPosition.START, null, Duration.ofSeconds(30),
                (event, after) -> read.add(event)));
        assertTrue(e.getMessage().contains("no longer has offset 0"), e.getMessage());
        assertEquals(List.of(), read, "nothing is read past the deleted events");
    }

    @Test
    void aReadThatGetsNoEventsForTheStallTimeFailsAtItsOffset() throws Exception {
        KafkaJournal.Settings settings = topic();
        try (KafkaJournal j = KafkaJournal.open(settings)) {
            j.append(events(0, 3)).get(30, TimeUnit.SECONDS);
        }
        List<Event> read = new ArrayList<>();
        // events up to offset 10 that never come: what a read sees while the brokers are gone
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KafkaJournal.read(settings, 1, JournalPosition.START, new JournalPosition(0, 10),
                Duration.ofSeconds(5), (event, after) -> read.add(event)));
        assertTrue(e.getMessage().contains("no event for 5 s at offset 3 of 10"), e.getMessage());
        assertEquals(events(0, 3), read);
    }

    @Test
    void anUnreachableBrokerIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KafkaJournal.open(new KafkaJournal.Settings("127.0.0.1:1", "events", 1)));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    }

    /** Without TestKafka's guard this ends the test JVM, and surefire fails the whole run (see TestKafka.bootstrap). */
    @Test
    void theTestBrokerCannotHaltTheTestJvm() {
        TestKafka.bootstrap();
        Exit.halt(1, "deliberately, by KafkaJournalTest");
        assertEquals("status 1: deliberately, by KafkaJournalTest", TestKafka.takeHalt());
    }

    private static Event renamed(Event e, String id) {
        return new Event(id, e.userId(), e.itemId(), e.itemType(), e.action(), e.positionMs(), e.durationMs(), e.scene(), e.ts());
    }
}
