package io.melograph.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The journal as a Kafka topic, for deployments where the events must outlive any one machine (docs/events.md). An
 * append is sent with {@code acks=all} by an idempotent producer, keyed by listener, and acknowledged once the broker
 * has it on every in-sync replica <em>and</em> this process has read it back and handed it to its
 * {@link #onDurable} listeners, so the request that sent it sees its effect, as with the file journal.
 * <p>
 * One partition: the topic keeps one total order, as the file journal does, so a position is one offset
 * ({@code JournalPosition(0, next offset)}) and every consumer's cursor stays valid. Event ids seen are held in memory
 * (read from the whole topic at open) to drop duplicates; ids written by another process are learnt as they are read.
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
    /** Topic settings under which the brokers delete events (the journal rebuilds every state by reading them all). */
    private static final Map<String, String> KEEPS_EVERYTHING = Map.of("retention.ms", "-1", "retention.bytes", "-1",
            "cleanup.policy", "delete");

    /**
     * @param bootstrap   the brokers ({@code host:port,...})
     * @param topic       the events' topic, created with one partition if missing
     * @param replication copies of the topic when it is created (0: as many brokers as there are, at most 3)
     */
    public record Settings(String bootstrap, String topic, int replication) {
        public static final String TOPIC = "melograph.events";
    }

    private final Settings settings;
    private final TopicPartition partition;
    private final KafkaProducer<String, byte[]> producer;
    private final EventIdSet ids;
    private final List<Durable> listeners = new CopyOnWriteArrayList<>();
    /**
     * Held while a batch is handed to the listeners and {@link #delivered} moves past it, so a replay that ends where
     * the follower stands ends between two batches: a listener that registered, then replayed, never gets a batch
     * that overlaps its replay, nor misses one ({@link JournalFollower}).
     */
    private final Object handing = new Object();
    /** Appends waiting to be read back: the offset after their last record → the futures to complete then. */
    private final TreeMap<Long, List<Runnable>> waiting = new TreeMap<>();
    private final KafkaConsumer<byte[], byte[]> follower;
    private final Thread following;
    /** The offset after the last record read back and handed on. */
    private volatile long delivered;
    private volatile boolean closed;
    /** Why the topic is no longer read (null while it is): appends fail at once rather than wait for ever. */
    private volatile RuntimeException broken;

    private KafkaJournal(Settings settings, EventIdSet ids, long start) {
        this.settings = settings;
        this.ids = ids;
        this.partition = new TopicPartition(settings.topic(), 0);
        this.producer = new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer());
        this.follower = consumer(settings);
        this.delivered = start;
        follower.assign(List.of(partition));
        follower.seek(partition, start);
        this.following = new Thread(this::follow, "kafka-journal-follower");
        following.setDaemon(true);
    }

    /** Opens the topic (creating it when missing) and reads the ids it holds. */
    public static KafkaJournal open(Settings settings) {
        long started = System.nanoTime();
        ensureTopic(settings);
        long[] end = {0};
        EventIdSet seen = new EventIdSet();
        read(settings, 0, -1, READ_STALL, (e, after) -> {
            seen.add(e.eventId());
            end[0] = after.offset();
        });
        KafkaJournal journal = new KafkaJournal(settings, seen, end[0]);
        journal.following.start();
        LOG.info("Event journal (Kafka topic {} at {}): {} events, ids read in {} ms", settings.topic(), settings.bootstrap(), end[0],
                (System.nanoTime() - started) / 1_000_000);
        return journal;
    }

    private static void ensureTopic(Settings s) {
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
                    admin.createTopics(List.of(new NewTopic(s.topic(), 1, copies).configs(config))).all().get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    LOG.info("Created Kafka topic {} (1 partition, {} replicas, kept forever)", s.topic(), copies);
                    return;
                } catch (ExecutionException created) {
                    if (!(created.getCause() instanceof TopicExistsException)) {
                        throw created;
                    }
                    found = describeCreated(admin, s.topic()); // another process created it meanwhile: checked as any existing one
                }
            }
            if (found.partitions().size() != 1) {
                throw new IllegalStateException("Kafka topic " + s.topic() + " has " + found.partitions().size()
                        + " partitions; the journal keeps one total order and reads one (MELOGRAPH_KAFKA_TOPIC names another topic)");
            }
            refuseDeletion(admin, s.topic());
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
    private static void refuseDeletion(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
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
        TopicPartition p = new TopicPartition(topic, 0);
        long start = admin.listOffsets(Map.of(p, OffsetSpec.earliest())).partitionResult(p)
                .get(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset();
        if (start > 0) {
            throw new IllegalStateException("Kafka topic " + topic + " starts at offset " + start + ": the events before it were "
                    + "deleted, and the journal cannot rebuild its state without them (restore them; a new topic would need a new "
                    + "graph too, since the graph's aggregation cursor is an offset in this one)");
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
        return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every event from offset {@code from} to offset {@code to} (-1: the end the topic had when the read began); fails
     * when {@code stall} passes without a record while some are still to come (the brokers went away).
     */
    static void read(Settings s, long from, long to, Duration stall, Replay out) {
        TopicPartition p = new TopicPartition(s.topic(), 0);
        try (KafkaConsumer<byte[], byte[]> c = consumer(s)) { // never creates the topic: a consumer's allow.auto.create.topics is off
            c.assign(List.of(p));
            long end = to >= 0 ? to : c.endOffsets(List.of(p)).get(p);
            c.seek(p, from);
            long progressed = System.nanoTime();
            while (c.position(p) < end) {
                List<ConsumerRecord<byte[], byte[]>> records = c.poll(POLL).records(p);
                if (records.isEmpty() && System.nanoTime() - progressed > stall.toNanos()) {
                    throw new IllegalStateException("reading Kafka topic " + s.topic() + " at " + s.bootstrap() + ": no event for "
                            + stall.toSeconds() + " s at offset " + c.position(p) + " of " + end + " (are the brokers up?)");
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.offset() >= end) {
                        return;
                    }
                    out.accept(event(r), new JournalPosition(0, r.offset() + 1));
                }
                if (!records.isEmpty()) {
                    progressed = System.nanoTime(); // the caller's time with the records (a graph write) is no stall
                }
            }
        } catch (OffsetOutOfRangeException e) {
            throw new IllegalStateException("Kafka topic " + s.topic() + " no longer has offset "
                    + e.offsetOutOfRangePartitions().getOrDefault(p, from) + ": the brokers deleted events the journal has not read", e);
        }
    }

    /**
     * Every event of the topic the service journals into, read by another process (a command): from its start to the
     * end it had when the read began. Fails, naming the topic and brokers, when the topic does not exist (it is never
     * created here: the service creates it with the settings the journal needs) or the brokers do not answer.
     */
    public static void readAll(Settings s, Replay out) {
        try (Admin admin = admin(s)) {
            describe(admin, s.topic());
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
        try {
            read(s, 0, -1, READ_STALL, out);
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
        synchronized (ids) { // reserved before sending: a second request with the same id meanwhile is a duplicate
            for (Event e : events) {
                if (ids.add(e.eventId())) {
                    fresh.add(e);
                }
            }
        }
        int duplicates = events.size() - fresh.size();
        if (fresh.isEmpty()) {
            done.complete(new Appended(0, duplicates, end()));
            return done;
        }
        AtomicInteger left = new AtomicInteger(fresh.size());
        long[] last = {-1};
        List<Event> failed = new CopyOnWriteArrayList<>();
        for (Event e : fresh) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), 0, e.userId(),
                    EventJson.write(e).getBytes(StandardCharsets.UTF_8));
            record.headers().add("schema", SCHEMA.getBytes(StandardCharsets.UTF_8));
            Callback answered = (meta, error) -> {
                if (error != null) {
                    failed.add(e);
                } else {
                    synchronized (last) {
                        last[0] = Math.max(last[0], meta.offset());
                    }
                }
                if (left.decrementAndGet() == 0) {
                    settle(done, fresh.size() - failed.size(), duplicates, failed, last[0] + 1);
                }
            };
            try {
                producer.send(record, answered);
            } catch (RuntimeException error) { // refused before it was queued (closed, full): its id must be freed too
                answered.onCompletion(null, error);
            }
        }
        return done;
    }

    /** Completes an append once every send has an answer: with the failures, or when its records have been read back. */
    private void settle(CompletableFuture<Appended> done, int written, int duplicates, List<Event> failed, long end) {
        if (!failed.isEmpty()) {
            synchronized (ids) { // not written: a retry of these is no duplicate (those written stay known)
                failed.forEach(e -> ids.remove(e.eventId()));
            }
            done.completeExceptionally(new IllegalStateException(failed.size() + " of " + (written + failed.size())
                    + " events were not acknowledged by Kafka (" + settings.topic() + "); send them again"));
            return;
        }
        Runnable complete = () -> {
            if (delivered >= end) {
                done.complete(new Appended(written, duplicates, new JournalPosition(0, end)));
            } else {
                done.completeExceptionally(broken != null ? broken : new IllegalStateException("the journal is closed"));
            }
        };
        synchronized (waiting) {
            if (delivered < end && broken == null && !closed) {
                waiting.computeIfAbsent(end, k -> new ArrayList<>()).add(complete);
                return;
            }
        }
        complete.run();
    }

    /** Reads the topic as it grows and hands each batch to the listeners, then releases the appends it covered. */
    private void follow() {
        try {
            while (!closed) {
                ConsumerRecords<byte[], byte[]> records = follower.poll(POLL);
                List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
                if (batch.isEmpty()) {
                    continue;
                }
                List<Event> events = new ArrayList<>(batch.size());
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    events.add(event(r));
                }
                synchronized (ids) { // another process's events: their ids are taken from now on
                    events.forEach(e -> ids.add(e.eventId()));
                }
                long end = batch.get(batch.size() - 1).offset() + 1;
                JournalPosition position = new JournalPosition(0, end);
                List<Runnable> released = new ArrayList<>();
                synchronized (handing) {
                    for (Durable l : listeners) {
                        try {
                            l.accept(events, position);
                        } catch (RuntimeException e) {
                            LOG.error("A consumer of the event journal failed on events up to {}", position, e);
                        }
                    }
                    synchronized (waiting) {
                        delivered = end;
                        Map<Long, List<Runnable>> covered = waiting.headMap(end, true);
                        covered.values().forEach(released::addAll);
                        covered.clear();
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

    /** Ends the appends still waiting to be read back (they fail: the topic is no longer read). */
    private void releaseAll() {
        List<Runnable> left = new ArrayList<>();
        synchronized (waiting) {
            waiting.values().forEach(left::addAll);
            waiting.clear();
        }
        left.forEach(Runnable::run);
    }

    /** Up to where the follower has handed events on (not the broker's end): see {@link #handing}. */
    @Override
    public void replay(JournalPosition from, Replay consumer) {
        long to;
        synchronized (handing) {
            to = delivered;
        }
        read(settings, from.offset(), to, READ_STALL, consumer);
    }

    @Override
    public void onDurable(Durable listener) {
        listeners.add(listener);
    }

    @Override
    public JournalPosition end() {
        return new JournalPosition(0, delivered);
    }

    @Override
    public List<String> remember(Collection<String> eventIds) {
        synchronized (ids) {
            return eventIds.stream().filter(ids::add).toList();
        }
    }

    @Override
    public long size() {
        return delivered; // offsets start at 0 and nothing is deleted (retention.ms = -1)
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
        follower.close(Duration.ofSeconds(2));
        releaseAll();
    }
}
