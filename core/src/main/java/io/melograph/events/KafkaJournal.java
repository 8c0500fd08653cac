package io.melograph.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The journal as a Kafka topic, for deployments where the events must outlive any one machine (docs/events.md). An
 * append is sent with {@code acks=all} by an idempotent producer, keyed by listener, and acknowledged once the broker
 * has it on every in-sync replica <em>and</em> this process has read it back and handed it to its
 * {@link #onDurable} listeners, so the request that sent it sees its effect, as with the file journal.
 * <p>
 * The topic may have several partitions: a listener's events all go to one (by the listener id's hash, over the
 * partitions the topic had when this process opened it), so each listener's events keep their order, and a position
 * has a lane per partition ({@link JournalPosition}). Reads hand the partitions' events on merged by time, never
 * reordering a partition. Event ids seen are known to drop duplicates: those up to a position on disk when the process
 * has a directory for them ({@link TopicIdIndex}), the rest in memory, read from the topic at open; ids written by
 * another process are learnt as they are read.
 */
public final class KafkaJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaJournal.class);
    /** The record header naming the value's format: the event's wire object (docs/events.md), UTF-8. */
    public static final String SCHEMA = "melograph.event/1";
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long opening waits for the brokers (a deployment's restart policy tries again after that). */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(15);
    /** How long a read of the topic may go without a record before it gives up: the brokers are gone, not slow. */
    static final Duration READ_STALL = Duration.ofSeconds(60);
    /** How often the follower checks that the topic still has the partitions it opened it with (shorter in tests). */
    static volatile Duration partitionsCheck = Duration.ofSeconds(30);
    /** Records a read holds of one partition while it waits for another's to merge them by time. */
    private static final int READ_AHEAD = 50_000;
    /** Topic settings under which the brokers delete events (the journal rebuilds every state by reading them all). */
    private static final Map<String, String> KEEPS_EVERYTHING = Map.of("retention.ms", "-1", "retention.bytes", "-1",
            "cleanup.policy", "delete");

    /**
     * @param bootstrap   the brokers ({@code host:port,...})
     * @param topic       the events' topic, created if missing
     * @param replication copies of the topic when it is created (0: as many brokers as there are, at most 3)
     * @param partitions  partitions of the topic when it is created (an existing topic keeps its own)
     */
    public record Settings(String bootstrap, String topic, int replication, int partitions) {
        public static final String TOPIC = "melograph.events";

        /** One partition when the topic is created. */
        public Settings(String bootstrap, String topic, int replication) {
            this(bootstrap, topic, replication, 1);
        }
    }

    /** An append waiting to be read back: complete once the follower has passed {@code need} in every lane. */
    private record Waiter(JournalPosition need, Runnable complete) {}

    private final Settings settings;
    private final String topicId;
    private final List<TopicPartition> partitions;
    private final KafkaProducer<String, byte[]> producer;
    /** Ids not (yet) on disk; its monitor also guards {@link #sending}. */
    private final EventIdSet ids;
    /** Ids on disk up to a position (none without a directory). */
    private final TopicIdIndex onDisk;
    private final List<Durable> listeners = new CopyOnWriteArrayList<>();
    /**
     * Held while a batch is handed to the listeners and {@link #delivered} moves past it, so a replay that ends where
     * the follower stands ends between two batches: a listener that registered, then replayed, never gets a batch
     * that overlaps its replay, nor misses one ({@link JournalFollower}).
     */
    private final Object handing = new Object();
    /** Ids of events being sent → the append sending them (guarded by {@link #ids}). */
    private final Map<String, CompletableFuture<Appended>> sending = new HashMap<>();
    /**
     * Ids this process reserved and sent whose record has not been read back yet (guarded by {@link #ids}): the first
     * record of such an id is handed on, a later one is a copy.
     */
    private final Set<String> unread = new HashSet<>();
    /** Appends waiting to be read back: as many as are in flight, so a list scanned per batch read back is cheap. */
    private final List<Waiter> waiting = new ArrayList<>();
    private final KafkaConsumer<byte[], byte[]> follower;
    private final Thread following;
    /** Where the follower stands: each partition's offset after the last record read back and handed on. */
    private volatile JournalPosition delivered;
    private volatile boolean closed;
    /** Why the topic is no longer read (null while it is): appends fail at once rather than wait for ever. */
    private volatile RuntimeException broken;

    private KafkaJournal(Settings settings, Topic topic, EventIdSet ids, TopicIdIndex onDisk, JournalPosition start) {
        this.settings = settings;
        this.topicId = topic.id();
        this.ids = ids;
        this.onDisk = onDisk;
        this.partitions = partitions(settings.topic(), topic.partitions());
        this.producer = new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer());
        this.follower = consumer(settings);
        this.delivered = start;
        follower.assign(partitions);
        for (int p = 0; p < partitions.size(); p++) {
            follower.seek(partitions.get(p), start.offset(p));
        }
        this.following = new Thread(this::follow, "kafka-journal-follower");
        following.setDaemon(true);
    }

    /** Opens the topic (creating it when missing) and reads every id it holds into memory. */
    public static KafkaJournal open(Settings settings) {
        return open(settings, null);
    }

    /**
     * Opens the topic (creating it when missing) and reads the ids it holds: with {@code idsDir}, those up to where the
     * ids kept there reach are read from there, and the ids of the events handed on are added there as they grow.
     */
    public static KafkaJournal open(Settings settings, Path idsDir) {
        long started = System.nanoTime();
        Topic topic = ensureTopic(settings);
        List<TopicPartition> parts = partitions(settings.topic(), topic.partitions());
        TopicIdIndex onDisk = TopicIdIndex.none();
        if (idsDir != null) {
            long[] ends = new long[parts.size()];
            try (KafkaConsumer<byte[], byte[]> c = consumer(settings)) {
                Map<TopicPartition, Long> found = c.endOffsets(parts, OPEN_TIMEOUT);
                Arrays.setAll(ends, p -> found.get(parts.get(p)));
            }
            onDisk = TopicIdIndex.open(idsDir, topic.id(), ends);
        }
        JournalPosition[] end = {onDisk.covered()};
        long[] events = {0};
        EventIdSet seen = new EventIdSet();
        TopicIdIndex known = onDisk;
        KafkaJournal journal;
        try {
            read(settings, topic.partitions(), onDisk.covered(), null, READ_STALL, known::isCopy, (e, partition, offset, after) -> {
                synchronized (seen) {
                    long[] h = EventIdSet.hash(e.eventId());
                    if (isNew(seen, known, h)) {
                        known.delivered(h);
                    } else {
                        known.copy(partition, offset); // an event read before: a later record of it is handed on by no read
                    }
                }
                // in pieces as it reads, so a first start from a long topic holds no more; a write of the ids read so far
                // may finish meanwhile, and those ids then leave memory
                known.cutIfFull(after, seen::removeAll);
                end[0] = after;
                events[0]++;
            });
            journal = new KafkaJournal(settings, topic, seen, onDisk, end[0]);
        } catch (RuntimeException e) {
            onDisk.close();
            throw e;
        }
        journal.following.start();
        LOG.info("Event journal (Kafka topic {} at {}, {} partition(s)): {} ids on disk up to {}, {} events after it read in {} ms",
                settings.topic(), settings.bootstrap(), topic.partitions(), onDisk.size(), onDisk.covered(), events[0],
                (System.nanoTime() - started) / 1_000_000);
        return journal;
    }

    /**
     * New (and now known) when neither memory nor the disk has it: memory first, where most are (this process's own,
     * read back). Called under the lock of {@code memory}.
     */
    private static boolean isNew(EventIdSet memory, TopicIdIndex onDisk, long[] h) {
        return !memory.contains(h) && !onDisk.contains(h) && memory.add(h);
    }

    private boolean isNew(String eventId) {
        return isNew(ids, onDisk, EventIdSet.hash(eventId));
    }

    /**
     * Whether a record read back is its event's first (to hand on, its id known and noted for the disk from now on)
     * rather than a copy of one handed on before. The first record of an id this process reserved and sent is its
     * first, whoever wrote it. Called under the lock of {@link #ids}.
     */
    private boolean firstOfItsEvent(String eventId, long[] h) {
        if (!unread.remove(eventId) && !isNew(ids, onDisk, h)) {
            return false;
        }
        onDisk.delivered(h);
        return true;
    }

    @Override
    public String identity() {
        return "kafka topic " + settings.topic() + " " + topicId;
    }

    /** Ids kept on disk, read from there at the next start. */
    public long idsOnDisk() {
        return onDisk.size();
    }

    /** Ids held in memory (tests). */
    int idsInMemory() {
        synchronized (ids) {
            return ids.size();
        }
    }

    /** Waits for the ids handed to the disk so far to be written (tests). */
    void awaitIdsWritten() throws Exception {
        onDisk.awaitWritten();
    }

    /** A topic as the brokers have it: its id (the same name may be deleted and made again) and its partitions. */
    private record Topic(String id, int partitions) {}

    private static List<TopicPartition> partitions(String topic, int count) {
        List<TopicPartition> out = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            out.add(new TopicPartition(topic, p));
        }
        return out;
    }

    /** Makes sure the topic is there and keeps every event. */
    private static Topic ensureTopic(Settings s) {
        try (Admin admin = admin(s)) {
            TopicDescription found;
            try {
                found = describe(admin, s.topic());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                int brokers = admin.describeCluster().nodes().get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size();
                short copies = (short) (s.replication() > 0 ? s.replication() : Math.min(3, brokers));
                // the log is the source of truth, state is rebuilt by reading it all: nothing deleted, whatever the
                // brokers' defaults say
                Map<String, String> config = new HashMap<>(KEEPS_EVERYTHING);
                config.put("min.insync.replicas", String.valueOf(copies > 1 ? 2 : 1));
                try {
                    CreateTopicsResult made = admin.createTopics(List.of(new NewTopic(s.topic(), s.partitions(), copies).configs(config)));
                    made.all().get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    LOG.info("Created Kafka topic {} ({} partition(s), {} replicas, kept forever)", s.topic(), s.partitions(), copies);
                    return new Topic(made.topicId(s.topic()).get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).toString(), s.partitions());
                } catch (ExecutionException created) {
                    if (!(created.getCause() instanceof TopicExistsException)) {
                        throw created;
                    }
                    found = describeCreated(admin, s.topic()); // another process created it meanwhile: checked as any existing one
                }
            }
            int count = found.partitions().size();
            if (count != s.partitions()) {
                LOG.info("Kafka topic {} has {} partition(s); the configured {} apply only when the topic is created", s.topic(),
                        count, s.partitions());
            }
            refuseDeletion(admin, s.topic(), count);
            return new Topic(found.topicId().toString(), count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening Kafka topic " + s.topic(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new IllegalStateException("cannot open Kafka topic " + s.topic() + " at " + s.bootstrap() + ": "
                    + (e.getCause() == null ? e : e.getCause()).toString(), e);
        }
    }

    private static Admin admin(Settings s) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) OPEN_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) OPEN_TIMEOUT.toMillis()));
    }

    private static TopicDescription describe(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
    }

    /** A topic just created elsewhere: a broker whose metadata lags may not know it for a moment. */
    private static TopicDescription describeCreated(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return describe(admin, topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 10) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * An existing topic must keep every event: one its brokers delete from by age or size, or compact by key (the
     * listener id: a listener's older events would go), would lose events without anyone asking, and one they already
     * deleted from cannot give the state back. Refused with the setting to change, rather than read from where it starts.
     */
    private static void refuseDeletion(Admin admin, String topic, int partitionCount)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
        List<String> deleting = new ArrayList<>();
        KEEPS_EVERYTHING.forEach((key, keeps) -> {
            ConfigEntry entry = config.get(key);
            if (entry != null && !keeps.equals(entry.value())) {
                deleting.add(key + "=" + entry.value());
            }
        });
        if (!deleting.isEmpty()) {
            deleting.sort(null);
            throw new IllegalStateException("Kafka topic " + topic + " deletes events (" + String.join(", ", deleting)
                    + "); the journal rebuilds its state from every event, so set " + KEEPS_EVERYTHING.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))
                    + " on it");
        }
        for (TopicPartition p : partitions(topic, partitionCount)) {
            long start = admin.listOffsets(Map.of(p, OffsetSpec.earliest())).partitionResult(p)
                    .get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset();
            if (start > 0) {
                throw new IllegalStateException("Kafka topic " + topic + (partitionCount > 1 ? " partition " + p.partition() : "")
                        + " starts at offset " + start + ": the events before it were deleted, and the journal cannot rebuild "
                        + "its state without them (restore them; a new topic would need a new graph too, since the graph's "
                        + "aggregation cursor is a position in this one)");
            }
        }
    }

    private static Map<String, Object> producerConfig(Settings s) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // a retried send is written once
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);            // requests arriving together still share a produce request
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // events are ~200 bytes of JSON; lz4 gained nothing measurable
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, "melograph-intake");
        return c;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Settings s) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // positions are kept by each consumer (the graph's cursor)
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5); // the read-back is on every acknowledgement's path
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none"); // a position the brokers deleted fails, never skips ahead
        // a topic is made by ensureTopic with the settings the journal needs, never by a read under the brokers' defaults
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // the topic's partitions as the brokers have them, refreshed while polling at most this long ago: the follower's
        // check of their number reads them there, without a request of its own
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) partitionsCheck.toMillis());
        return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every event of the topic's first {@code partitionCount} partitions from {@code from} to {@code to} (null: the end
     * the topic had when the read began), the partitions merged by time; fails when {@code stall} passes without a
     * record while some are still to come (the brokers went away).
     */
    static void read(Settings s, int partitionCount, JournalPosition from, JournalPosition to, Duration stall, Replay out) {
        read(s, partitionCount, from, to, stall, (p, offset) -> false, (e, p, offset, after) -> out.accept(e, after));
    }

    /** The same, passing over {@code copies}; returns where it stopped (past the copies at its end too). */
    private static JournalPosition read(Settings s, int partitionCount, JournalPosition from, JournalPosition to, Duration stall,
                                        Copies copies, Records out) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(s)) { // never creates the topic: a consumer's allow.auto.create.topics is off
            return new MergedRead(c, partitions(s.topic(), partitionCount), from, to, stall, copies, out).run();
        }
    }

    /** One read of the topic: each partition in its order, merged by the events' time (the earliest head first). */
    private static final class MergedRead {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> parts;
        private final Duration stall;
        private final Copies copies;
        private final Records out;
        private final long[] end;
        /** per partition: records fetched, not yet handed on */
        private final List<ArrayDeque<Fetched>> queued = new ArrayList<>();
        private JournalPosition at;

        MergedRead(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts, JournalPosition from, JournalPosition to,
                   Duration stall, Copies copies, Records out) {
            this.consumer = consumer;
            this.parts = parts;
            this.stall = stall;
            this.copies = copies;
            this.out = out;
            this.at = from;
            consumer.assign(parts);
            Map<TopicPartition, Long> ends = to == null ? consumer.endOffsets(parts) : Map.of();
            this.end = new long[parts.size()];
            for (int p = 0; p < parts.size(); p++) {
                end[p] = to == null ? ends.get(parts.get(p)) : to.offset(p);
                consumer.seek(parts.get(p), from.offset(p));
                queued.add(new ArrayDeque<>());
            }
        }

        JournalPosition run() {
            long progressed = System.nanoTime();
            try {
                while (!finished()) {
                    if (handOnReady()) {
                        progressed = System.nanoTime(); // the caller's time with the events (a graph write) is no stall
                        continue;
                    }
                    throttle();
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    for (int p = 0; p < parts.size(); p++) {
                        for (ConsumerRecord<byte[], byte[]> r : records.records(parts.get(p))) {
                            if (r.offset() < end[p]) {
                                queued.get(p).add(new Fetched(event(r), p, r.offset()));
                            }
                        }
                    }
                    if (!records.isEmpty()) {
                        progressed = System.nanoTime();
                    } else if (System.nanoTime() - progressed > stall.toNanos()) {
                        throw new IllegalStateException("reading Kafka topic " + parts.get(0).topic() + ": no event for "
                                + stall.toSeconds() + " s at " + waitingFor() + " (are the brokers up?)");
                    }
                }
                return at;
            } catch (OffsetOutOfRangeException e) {
                TopicPartition p = e.offsetOutOfRangePartitions().keySet().iterator().next();
                throw new IllegalStateException("Kafka topic " + p.topic() + " no longer has offset "
                        + e.offsetOutOfRangePartitions().get(p) + (parts.size() > 1 ? " in partition " + p.partition() : "")
                        + ": the brokers deleted events the journal has not read", e);
            }
        }

        /** Hands on events while every partition still to read has one fetched; whether it handed any on. */
        private boolean handOnReady() {
            boolean any = false;
            while (true) {
                // a partition still to read with nothing fetched: its next event may be the earliest, fetch it first
                int earliest = earliestHead(queued, p -> !done(p));
                if (earliest < 0) {
                    return any;
                }
                Fetched next = queued.get(earliest).poll();
                at = at.withOffset(earliest, next.offset() + 1);
                if (!copies.isCopy(earliest, next.offset())) {
                    out.accept(next.event(), earliest, next.offset(), at);
                }
                any = true;
            }
        }

        /** Partition {@code p} is read to its end: nothing queued and the consumer past the end. */
        private boolean done(int p) {
            return queued.get(p).isEmpty() && (at.offset(p) >= end[p] || consumer.position(parts.get(p)) >= end[p]);
        }

        private boolean finished() {
            for (int p = 0; p < parts.size(); p++) {
                if (!done(p)) {
                    return false;
                }
            }
            return true;
        }

        /** Fetches no more of a partition that holds enough (or all it needs) while another's records are awaited. */
        private void throttle() {
            List<TopicPartition> pause = new ArrayList<>();
            List<TopicPartition> resume = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                boolean full = queued.get(p).size() >= READ_AHEAD || consumer.position(parts.get(p)) >= end[p];
                (full ? pause : resume).add(parts.get(p));
            }
            consumer.pause(pause);
            consumer.resume(resume);
        }

        private String waitingFor() {
            List<String> lanes = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                if (!done(p)) {
                    long position = queued.get(p).isEmpty() ? consumer.position(parts.get(p)) : queued.get(p).peek().offset();
                    lanes.add((parts.size() > 1 ? "partition " + p + " " : "") + "offset " + position + " of " + end[p]);
                }
            }
            return String.join(", ", lanes);
        }
    }

    private record Fetched(Event event, int partition, long offset) {}

    /** One record read: its event, where it is, and the position just after it. */
    @FunctionalInterface
    private interface Records {
        void accept(Event event, int partition, long offset, JournalPosition after);
    }

    /** Records a read passes over: the copies ({@link TopicIdIndex.Copy}). */
    @FunctionalInterface
    private interface Copies {
        boolean isCopy(int partition, long offset);
    }

    /**
     * The partition whose first queued event is the earliest (the lower partition of equal times), or −1: no queue
     * has one, or the queue of a partition that {@code mayGrow} says is still being fetched is empty (its next event
     * may be earlier than every queued one).
     */
    private static int earliestHead(List<ArrayDeque<Fetched>> queues, IntPredicate mayGrow) {
        int earliest = -1;
        for (int p = 0; p < queues.size(); p++) {
            Fetched head = queues.get(p).peek();
            if (head == null) {
                if (mayGrow.test(p)) {
                    return -1;
                }
            } else if (earliest < 0 || head.event().ts() < queues.get(earliest).peek().event().ts()) {
                earliest = p;
            }
        }
        return earliest;
    }

    /**
     * Every event of the topic the service journals into, read by another process (a command): from its start to the
     * end it had when the read began. Fails, naming the topic and brokers, when the topic does not exist (it is never
     * created here: the service creates it with the settings the journal needs) or the brokers do not answer.
     */
    public static void readAll(Settings s, Replay out) {
        int partitionCount;
        try (Admin admin = admin(s)) {
            partitionCount = describe(admin, s.topic()).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Kafka topic " + s.topic(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause() instanceof UnknownTopicOrPartitionException
                    ? "there is no Kafka topic " + s.topic() + " at " + s.bootstrap() + " (the service creates it at its first start; "
                    + "MELOGRAPH_KAFKA_TOPIC names the topic)"
                    : "cannot read Kafka topic " + s.topic() + " at " + s.bootstrap() + ": " + e.getCause(), e);
        } catch (TimeoutException | KafkaException e) {
            throw new IllegalStateException("cannot read Kafka topic " + s.topic() + " at " + s.bootstrap() + ": " + e
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
        }
        EventIdSet seen = new EventIdSet(); // a copy (TopicIdIndex.Copy) follows its first record: passed over, as a journal does
        try {
            read(s, partitionCount, JournalPosition.START, null, READ_STALL, (p, offset) -> false, (e, p, offset, after) -> {
                if (seen.add(EventIdSet.hash(e.eventId()))) {
                    out.accept(e, after);
                }
            });
        } catch (KafkaException e) {
            throw new IllegalStateException("reading Kafka topic " + s.topic() + " at " + s.bootstrap() + ": " + e, e);
        }
    }

    private static Event event(ConsumerRecord<byte[], byte[]> r) {
        try {
            return EventParser.stored(r.value());
        } catch (IllegalArgumentException e) {
            // a record no reader understands must not be skipped silently: the consumer stops here and says where
            throw new IllegalStateException("Kafka record " + r.topic() + "-" + r.partition() + " at offset " + r.offset()
                    + " is not a Melograph event (" + e.getMessage() + "); the journal stops there rather than skip it", e);
        }
    }

    @Override
    public CompletableFuture<Appended> append(List<Event> events) {
        CompletableFuture<Appended> done = new CompletableFuture<>();
        if (closed || broken != null) {
            done.completeExceptionally(closed ? new IllegalStateException("the journal is closed") : broken);
            return done;
        }
        List<Event> fresh = new ArrayList<>(events.size());
        Set<CompletableFuture<Appended>> earlier = new HashSet<>();
        synchronized (ids) { // reserved before sending: a second request with the same id meanwhile is a duplicate
            for (Event e : events) {
                if (isNew(e.eventId())) {
                    fresh.add(e);
                    sending.put(e.eventId(), done);
                    unread.add(e.eventId());
                } else {
                    CompletableFuture<Appended> original = sending.get(e.eventId());
                    if (original != null && original != done) {
                        earlier.add(original);
                    }
                }
            }
        }
        done.whenComplete((appended, error) -> {
            synchronized (ids) {
                fresh.forEach(e -> sending.remove(e.eventId(), done));
            }
        });
        int duplicates = events.size() - fresh.size();
        CompletableFuture<Appended> answer = afterEarlier(done, earlier);
        if (fresh.isEmpty()) {
            done.complete(new Appended(0, duplicates, end()));
            return answer;
        }
        AtomicInteger left = new AtomicInteger(fresh.size());
        long[] last = new long[partitions.size()]; // per partition, the offset of this append's last record there
        Arrays.fill(last, -1);
        List<Event> failed = new CopyOnWriteArrayList<>();
        for (Event e : fresh) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), partitionOf(e.userId()), e.userId(),
                    EventJson.write(e).getBytes(StandardCharsets.UTF_8));
            record.headers().add("schema", SCHEMA.getBytes(StandardCharsets.UTF_8));
            Callback answered = (meta, error) -> {
                if (error != null) {
                    failed.add(e);
                } else {
                    synchronized (last) {
                        last[meta.partition()] = Math.max(last[meta.partition()], meta.offset());
                    }
                }
                if (left.decrementAndGet() == 0) {
                    long[] need = new long[last.length];
                    synchronized (last) {
                        for (int p = 0; p < last.length; p++) {
                            need[p] = last[p] + 1;
                        }
                    }
                    settle(done, fresh.size() - failed.size(), duplicates, failed, JournalPosition.ofOffsets(need));
                }
            };
            try {
                producer.send(record, answered);
            } catch (RuntimeException error) { // refused before it was queued (closed, full): its id must be freed too
                answered.onCompletion(null, error);
            }
        }
        return answer;
    }

    /**
     * A duplicate of an event still being sent by an earlier request is acknowledged only once that request is: if the
     * earlier one fails, its event is not in the log, so this one fails too (the client sends it again) rather than
     * be told the event is kept.
     */
    private static CompletableFuture<Appended> afterEarlier(CompletableFuture<Appended> own, Set<CompletableFuture<Appended>> earlier) {
        if (earlier.isEmpty()) {
            return own;
        }
        CompletableFuture<Void> others = CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new));
        return own.thenCombine(others.handle((ok, error) -> {
            if (error != null) {
                throw new IllegalStateException("an earlier request with some of the same event ids was not acknowledged: send "
                        + "them again", error instanceof java.util.concurrent.CompletionException ? error.getCause() : error);
            }
            return ok;
        }), (appended, ok) -> appended);
    }

    /**
     * The partition of a listener's events: the key's hash as Kafka's default partitioner takes it, over the partitions
     * the topic had at open (partitions added later are used after a restart, so a listener's events may move once).
     */
    private int partitionOf(String userId) {
        return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % partitions.size();
    }

    /** Completes an append once every send has an answer: with the failures, or when its records have been read back. */
    private void settle(CompletableFuture<Appended> done, int written, int duplicates, List<Event> failed, JournalPosition need) {
        if (!failed.isEmpty()) {
            synchronized (ids) { // not written, as far as this process knows: a retry of these is no duplicate (those
                // written stay known); one that was written after all is handed on when read, and a retry's record then
                // is a copy
                failed.forEach(e -> {
                    if (unread.remove(e.eventId())) { // one read back already (written after all) stays known
                        ids.remove(e.eventId());
                    }
                });
            }
            done.completeExceptionally(new IllegalStateException(failed.size() + " of " + (written + failed.size())
                    + " events were not acknowledged by Kafka (" + settings.topic() + "); send them again"));
            return;
        }
        Runnable complete = () -> {
            JournalPosition now = delivered;
            if (need.atOrBefore(now)) {
                done.complete(new Appended(written, duplicates, now));
            } else {
                done.completeExceptionally(broken != null ? broken : new IllegalStateException("the journal is closed"));
            }
        };
        synchronized (waiting) {
            if (!need.atOrBefore(delivered) && broken == null && !closed) {
                waiting.add(new Waiter(need, complete));
                return;
            }
        }
        complete.run();
    }

    /** Reads the topic as it grows and hands each batch to the listeners, then releases the appends it covered. */
    private void follow() {
        long checked = System.nanoTime();
        try {
            while (!closed) {
                if (System.nanoTime() - checked > partitionsCheck.toNanos()) {
                    requireSamePartitions();
                    checked = System.nanoTime();
                }
                ConsumerRecords<byte[], byte[]> records = follower.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                List<Fetched> read = new ArrayList<>(records.count());
                JournalPosition end = mergeByTime(records, delivered, read);
                List<Event> events = new ArrayList<>(read.size());
                synchronized (ids) { // another process's events: their ids are taken from now on
                    for (Fetched f : read) {
                        if (firstOfItsEvent(f.event().eventId(), EventIdSet.hash(f.event().eventId()))) {
                            events.add(f.event());
                        } else {
                            onDisk.copy(f.partition(), f.offset());
                            LOG.warn("Kafka topic {}{} offset {} repeats event {}, handed on before: passed over", settings.topic(),
                                    partitions.size() > 1 ? " partition " + f.partition() : "", f.offset(), f.event().eventId());
                        }
                    }
                }
                // ids now on disk leave memory (the set takes its own monitor, piece by piece)
                onDisk.cutIfFull(end, ids::removeAll);
                List<Runnable> released = new ArrayList<>();
                synchronized (handing) {
                    for (Durable l : listeners) {
                        try {
                            l.accept(events, end);
                        } catch (RuntimeException e) {
                            LOG.error("A consumer of the event journal failed on events up to {}", end, e);
                        }
                    }
                    synchronized (waiting) {
                        delivered = end;
                        waiting.removeIf(w -> {
                            if (w.need().atOrBefore(end)) {
                                released.add(w.complete());
                                return true;
                            }
                            return false;
                        });
                    }
                }
                released.forEach(Runnable::run);
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Reading the Kafka topic {} stopped: intake cannot acknowledge until a restart", settings.topic(), e);
            broken = new IllegalStateException("the event journal's topic is not being read: " + e.getMessage(), e);
        } finally {
            releaseAll();
        }
    }

    /**
     * Partitions added to the topic while this process runs are neither read nor written here: other processes, once
     * restarted, would write there, and this one would miss those events and take their ids for new ones. So it stops
     * reading (appends then fail, saying why) until it is restarted too.
     */
    private void requireSamePartitions() {
        // the follower's metadata, refreshed as it polls (metadata.max.age.ms): no request on the acknowledgements' path
        int now = follower.partitionsFor(settings.topic(), OPEN_TIMEOUT).size();
        if (now != partitions.size()) {
            throw new IllegalStateException("Kafka topic " + settings.topic() + " now has " + now + " partitions, not the "
                    + partitions.size() + " this process opened it with: restart every process of the deployment");
        }
    }

    /**
     * The events of one poll into {@code out}, the partitions merged by time as a read merges them (each partition's
     * order kept); returns the position after them.
     */
    private JournalPosition mergeByTime(ConsumerRecords<byte[], byte[]> records, JournalPosition from, List<Fetched> out) {
        List<ArrayDeque<Fetched>> heads = new ArrayList<>(partitions.size());
        for (int p = 0; p < partitions.size(); p++) {
            ArrayDeque<Fetched> q = new ArrayDeque<>();
            for (ConsumerRecord<byte[], byte[]> r : records.records(partitions.get(p))) {
                q.add(new Fetched(event(r), p, r.offset()));
            }
            heads.add(q);
        }
        JournalPosition at = from;
        while (true) {
            int earliest = earliestHead(heads, p -> false); // a poll's records are all there is to merge
            if (earliest < 0) {
                return at;
            }
            Fetched next = heads.get(earliest).poll();
            out.add(next);
            at = at.withOffset(earliest, next.offset() + 1);
        }
    }

    /** Ends the appends still waiting to be read back (they fail: the topic is no longer read). */
    private void releaseAll() {
        List<Runnable> left = new ArrayList<>();
        synchronized (waiting) {
            waiting.forEach(w -> left.add(w.complete()));
            waiting.clear();
        }
        left.forEach(Runnable::run);
    }

    /** Up to where the follower has handed events on (not the broker's end): see {@link #handing}. */
    @Override
    public JournalPosition replay(JournalPosition from, Replay consumer) {
        JournalPosition to;
        synchronized (handing) {
            to = delivered;
        }
        return read(settings, partitions.size(), from, to, READ_STALL, onDisk::isCopy, (e, p, offset, after) -> consumer.accept(e, after));
    }

    @Override
    public RuntimeException stopped() {
        return broken;
    }

    @Override
    public int lanes() {
        return partitions.size();
    }

    @Override
    public void onDurable(Durable listener) {
        listeners.add(listener);
    }

    @Override
    public JournalPosition end() {
        return delivered;
    }

    @Override
    public List<String> remember(Collection<String> eventIds) {
        // a topic never loses what it acknowledged: those ids are known once read, and an append of one meanwhile makes a
        // copy, passed over; taken into memory before they are read, they would make the events' own records look like
        // copies
        return List.of();
    }

    @Override
    public long size() {
        long n = 0; // offsets start at 0 and nothing is deleted (retention.ms = -1)
        for (int p = 0; p < partitions.size(); p++) {
            n += delivered.offset(p);
        }
        return n - onDisk.copies();
    }

    /** Acknowledged by every in-sync replica and never deleted: a cursor past {@link #end} is another process's progress. */
    @Override
    public boolean mayLoseTail() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
        producer.close(Duration.ofSeconds(5));
        follower.wakeup();
        try {
            following.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            follower.close(Duration.ofSeconds(2));
            releaseAll();
        } finally {
            onDisk.close();
        }
    }
}
