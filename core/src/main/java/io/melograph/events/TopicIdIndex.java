package io.melograph.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The ids of a Kafka topic's events up to a position, kept on disk between starts, so that opening the topic reads only
 * the events after that position and memory holds only their ids ({@link KafkaJournal}). The ids are an
 * {@link IdIndex}, the file journal's sorted digest file, whose segment number counts the writes here; beside it
 * {@value #POSITION} names the topic (by its Kafka id: a topic deleted and made again under the same name is another),
 * that count and each partition's offset the ids reach. The position is written after the index, so a crash between
 * the two leaves an index the position does not name, which the next start drops (it then reads every id, as without
 * an index). One process per directory: a second one finds the lock taken and keeps its ids in memory. The position
 * also lists the topic's copies up to it (records repeating an event handed on before them, {@link Copy}), which no
 * read hands on.
 */
final class TopicIdIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicIdIndex.class);
    static final String POSITION = "ids.position";
    private static final String LOCK = "ids.lock";
    /** Events handed on between two writes of the index (tests lower it). */
    static volatile int every = 1_000_000;
    /**
     * Directories this JVM holds: a second lock of the same file here would throw, and closing that attempt's channel
     * would release the first one's lock (file locks belong to the process).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /**
     * A record repeating an event of an earlier one (a send that failed for its sender but had been written, then sent
     * again, or sent to two processes): every read passes over it, so each event is handed on once. While the topic
     * keeps its partitions both are in one, the listener's, so every process takes the same one for the first.
     */
    record Copy(int partition, long offset) {}

    private final Path dir;
    private final String topicId;
    /** The copies known: up to the position from disk, later ones as they are read (few: a copy needs a failed send). */
    private final Set<Copy> copies = ConcurrentHashMap.newKeySet();
    private final FileChannel lockChannel;
    private final JournalPosition covered;
    private final ExecutorService writer;
    private volatile IdIndex index;
    /** A write failed: no later one may move the position past the ids it held (memory keeps them until a restart). */
    private volatile boolean failed;
    /** A write is under way: the next cut waits for it (one at a time, however fast events come). */
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Digests of the events handed on since the last cut, not yet on disk (the follower thread's). */
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int pending;

    private TopicIdIndex(Path dir, String topicId, FileChannel lockChannel, IdIndex index, JournalPosition covered, Set<Copy> copies) {
        this.copies.addAll(copies);
        this.dir = dir;
        this.topicId = topicId;
        this.lockChannel = lockChannel;
        this.index = index;
        this.covered = covered;
        this.writer = dir == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kafka-id-index");
            t.setDaemon(true);
            return t;
        });
    }

    /** No directory: every id in memory, read from the whole topic at each start. */
    static TopicIdIndex none() {
        return new TopicIdIndex(null, null, null, IdIndex.EMPTY, JournalPosition.START, Set.of());
    }

    /**
     * The index in {@code dir} for the topic with Kafka id {@code topicId} whose partitions end at {@code ends}; one
     * that is missing, of another topic, unfinished or beyond the topic's end is dropped (every id is read again).
     */
    static TopicIdIndex open(Path dir, String topicId, long[] ends) {
        Path held = dir.toAbsolutePath().normalize();
        if (!HELD.add(held)) {
            LOG.warn("Kafka event ids: {} is used by another journal of this process; this one keeps every id in memory", dir);
            return none();
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (lockChannel.tryLock() == null) {
                LOG.warn("Kafka event ids: {} is used by another process; this one keeps every id in memory", dir);
                closeQuietly(lockChannel);
                HELD.remove(held);
                return none();
            }
            IdIndex found = IdIndex.EMPTY;
            JournalPosition at = JournalPosition.START;
            Set<Copy> copies = Set.of();
            Path position = dir.resolve(POSITION);
            String why;
            try {
                found = IdIndex.open(dir);
                String[] words = Files.exists(position)
                        ? Files.readString(position, StandardCharsets.UTF_8).trim().split(" ") : null;
                why = found.size() == 0 && words == null ? null : check(found, words, topicId, ends);
                if (why == null && words != null) {
                    at = offsets(words[2]);
                    copies = copies(words[3]);
                }
            } catch (IOException | RuntimeException e) {
                why = "unreadable: " + e.getMessage();
            }
            if (why != null) {
                LOG.warn("Kafka event ids: dropping the index in {} ({}); every id is read from the topic", dir, why);
                IdIndex.delete(dir);
                Files.deleteIfExists(position);
                found = IdIndex.EMPTY;
                at = JournalPosition.START;
                copies = Set.of();
            }
            return new TopicIdIndex(dir, topicId, lockChannel, found, at, copies);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Kafka event ids: cannot use {} ({}); this process keeps every id in memory", dir, e.toString());
            closeQuietly(lockChannel);
            HELD.remove(held);
            return none();
        }
    }

    /** Why the index and the position file's words (null: no file) cannot be used (null: they can). */
    private static String check(IdIndex found, String[] words, String topicId, long[] ends) {
        if (words == null || words.length != 4 || !words[0].equals(topicId)) {
            // three words: a build before the copies, which it did not list; every id (and copy) is read once more
            return words != null && words.length == 3 ? "it lists no copies (written by an older build)" : "it is not this topic's";
        }
        if (Long.parseLong(words[1]) != found.lastSegment()) {
            return "its last write did not finish";
        }
        JournalPosition at = offsets(words[2]);
        for (int p = 0; p < at.lanes(); p++) {
            if (p >= ends.length || at.offset(p) > ends[p]) {
                return "it reaches past the topic's end (" + at + ")";
            }
        }
        return null;
    }

    /** The offsets a position file names (its third word: one per partition, comma-separated). */
    private static JournalPosition offsets(String word) {
        return JournalPosition.ofOffsets(Arrays.stream(word.split(",")).mapToLong(Long::parseLong).toArray());
    }

    /** The copies a position file lists (its fourth word: partition:offset, comma-separated; "-" for none). */
    private static Set<Copy> copies(String word) {
        if (word.equals("-")) {
            return Set.of();
        }
        return Arrays.stream(word.split(",")).map(c -> c.split(":"))
                .map(c -> new Copy(Integer.parseInt(c[0]), Long.parseLong(c[1]))).collect(Collectors.toSet());
    }

    /** Notes a copy read (at open, or by the follower). */
    void copy(int partition, long offset) {
        copies.add(new Copy(partition, offset));
    }

    /** Whether the record at that place is a copy: reads pass over it. */
    boolean isCopy(int partition, long offset) {
        return !copies.isEmpty() && copies.contains(new Copy(partition, offset));
    }

    /** Copies known so far. */
    int copies() {
        return copies.size();
    }

    /** Where the ids on disk end: a start reads the topic from here. */
    JournalPosition covered() {
        return covered;
    }

    /** Ids on disk. */
    long size() {
        return index.size();
    }

    boolean contains(long[] h) {
        return index.contains(h[0], h[1]);
    }

    /** Notes an event handed on (at open, then by the follower), by its id's {@link EventIdSet#hash}. */
    void delivered(long[] h) {
        if (dir == null || failed) {
            return;
        }
        if (pending == hi.length) {
            hi = Arrays.copyOf(hi, 2 * pending);
            lo = Arrays.copyOf(lo, 2 * pending);
        }
        hi[pending] = h[0];
        lo[pending] = h[1];
        pending++;
    }

    /**
     * After the events up to {@code end} were noted: once {@link #every} are, writes them to disk in the background,
     * then hands their digests (sorted) to {@code onDisk}, which lets memory forget them.
     */
    void cutIfFull(JournalPosition end, Consumer<long[][]> onDisk) {
        if (dir == null || failed || pending < every || !writing.compareAndSet(false, true)) {
            return;
        }
        long[][] cut = new long[pending][];
        for (int k = 0; k < pending; k++) {
            cut[k] = new long[] {hi[k], lo[k]};
        }
        pending = 0;
        hi = new long[1024]; // what a long first read gathered is not kept
        lo = new long[1024];
        writer.execute(() -> {
            try {
                write(cut, end, onDisk);
            } finally {
                writing.set(false);
            }
        });
    }

    private void write(long[][] added, JournalPosition end, Consumer<long[][]> onDisk) {
        if (failed) {
            return;
        }
        long started = System.nanoTime();
        try {
            Arrays.sort(added, (a, b) -> IdIndex.compare(a[0], a[1], b[0], b[1]));
            long generation = index.lastSegment() + 1;
            IdIndex next = index.plus(dir, generation, added, added.length);
            long[] offsets = new long[end.lanes()];
            Arrays.setAll(offsets, end::offset);
            Path tmp = dir.resolve(POSITION + ".tmp");
            // the copies the ids cover (a later one is found again when a start reads on from here)
            String copied = copies.stream().filter(c -> c.partition() < offsets.length && c.offset() < offsets[c.partition()])
                    .sorted(java.util.Comparator.comparingInt(Copy::partition).thenComparingLong(Copy::offset))
                    .map(c -> c.partition() + ":" + c.offset()).collect(Collectors.joining(","));
            Files.writeString(tmp, topicId + " " + generation + " "
                    + Arrays.stream(offsets).mapToObj(Long::toString).collect(Collectors.joining(",")) + " "
                    + (copied.isEmpty() ? "-" : copied), StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(POSITION), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            index = next; // before memory forgets them: an id is always in one or the other
            onDisk.accept(added);
            LOG.info("Kafka event ids up to {} on disk ({} ids in {} ms)", end, next.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            // memory keeps these ids and the next start reads them from the topic again; no later write, which would
            // move the position past them
            failed = true;
            LOG.warn("Kafka event ids: writing the index up to {} failed ({}); ids stay in memory until a restart", end, e.toString());
        }
    }

    /** Waits for the writes handed to the background so far (tests). */
    void awaitWritten() throws Exception {
        if (writer != null) {
            writer.submit(() -> { }).get();
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(lockChannel);
        HELD.remove(dir.toAbsolutePath().normalize());
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close(); // releases the lock
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
