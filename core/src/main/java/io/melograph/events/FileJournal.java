package io.melograph.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The event journal as segmented append-only files under {@code MELOGRAPH_HOME/journal/} (format: {@link Segments}).
 * One writer thread takes every waiting append, writes them together and forces them to disk once (group commit),
 * then acknowledges them all. On open every record after the {@link IdIndex} is checked: a damaged tail (a write cut
 * short) is truncated and logged; damage with valid records after it stops the start ({@link JournalCorruptedException}).
 * Ids of closed segments move to the index on disk in the background ({@code journal-id-index}), so memory and the
 * start-up scan cover the open segment, not the whole history; every replay still checks what it reads.
 */
public final class FileJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
    static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    private static final int MAX_GROUP_EVENTS = 50_000;
    /** The file naming the journal ({@link #identity}). */
    static final String NAME = "journal.id";

    private record Request(List<Event> events, CompletableFuture<Appended> done) {}

    private final Path dir;
    private final long segmentBytes;
    private final EventIdSet ids = new EventIdSet();
    /** Ids of the closed segments; swapped for a larger one under the {@code ids} lock. */
    private volatile IdIndex index = IdIndex.EMPTY;
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "journal-id-index");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Durable> listeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private FileChannel channel;
    private FileChannel lock;
    private long segment;
    private volatile JournalPosition end;
    private volatile long count;
    private volatile boolean closed;
    private String identity = "";

    private FileJournal(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.writer = new Thread(this::writeLoop, "journal-writer");
        writer.setDaemon(true);
    }

    /** Opens (creating if needed) the journal in {@code dir}, checking every record. */
    public static FileJournal open(Path dir) {
        return open(dir, DEFAULT_SEGMENT_BYTES);
    }

    /** With segments rolled over at {@code segmentBytes} (small in tests). */
    static FileJournal open(Path dir, long segmentBytes) {
        FileJournal j = new FileJournal(dir, segmentBytes);
        try {
            Files.createDirectories(dir);
            j.lock();
            j.recover();
            j.identity = "file journal " + name(dir) + " seed " + SeedSegment.id(dir);
        } catch (IOException | RuntimeException e) {
            j.releaseLock();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("cannot open the event journal in " + dir, (IOException) e);
        }
        j.writer.start();
        return j;
    }

    /**
     * This journal's name, made at its first open and kept beside its segments (a journal made anew in the same place
     * gets another; a copy of the folder keeps it).
     */
    private static String name(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            io.melograph.util.AtomicFiles.writeIfAbsent(file, (java.util.UUID.randomUUID() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Files.readString(file).strip();
    }

    /** Its name and its seed's: a snapshot of derived state is of this history only (a seed dropped changes it). */
    @Override
    public String identity() {
        return identity;
    }

    /**
     * One writer per journal: the running service holds {@code journal.lock}, so a command that would append to the
     * files behind its back (an import, the simulator) fails here and sends to the service's POST /events instead.
     */
    private void lock() throws IOException {
        lock = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean held;
        try {
            held = lock.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            held = false;
        }
        if (!held) {
            lock.close();
            throw new JournalInUseException(dir);
        }
    }

    /** Runs {@code work} holding the journal's lock with no writer open: for changes to its files ({@link SeedSegment}). */
    static <T> T whileLocked(Path dir, LockedWork<T> work) throws IOException {
        Files.createDirectories(dir);
        FileJournal j = new FileJournal(dir, DEFAULT_SEGMENT_BYTES);
        j.indexer.shutdown();
        j.lock();
        try {
            return work.run();
        } finally {
            j.releaseLock();
        }
    }

    @FunctionalInterface
    interface LockedWork<T> {
        T run() throws IOException;
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock; nothing else to do
        }
    }

    private void recover() throws IOException {
        List<Path> segments = Segments.list(dir);
        // appends never go to the seed segment (0): it holds only what was seeded before the first append
        long last = segments.isEmpty() ? 1 : Math.max(1, Segments.number(segments.get(segments.size() - 1)));
        long first = segments.isEmpty() ? last : Segments.number(segments.get(0));
        index = openIndex(last);
        long records = index.records();
        long end = 0;
        for (Path s : segments) {
            if (Segments.number(s) <= index.lastSegment()) {
                continue; // checked when it was indexed; replays check it again as they read
            }
            ByteBuffer data = Segments.read(s);
            long pos = 0;
            while ((pos = Segments.skipGap(data, pos)) < data.limit()) {
                byte[] payload = Segments.recordAt(data, pos);
                if (payload == null) {
                    long next = Segments.nextValid(data, pos);
                    if (next >= 0 || Segments.number(s) != last) {
                        throw new JournalCorruptedException(s, pos, next >= 0
                                ? "bad record, next valid one at byte " + next : "bad record in a segment that is not the last");
                    }
                    LOG.warn("Event journal: torn tail in {} at byte {} ({} bytes after the last complete event); truncated",
                            s.getFileName(), pos, data.limit() - pos);
                    try (FileChannel ch = FileChannel.open(s, StandardOpenOption.WRITE)) {
                        ch.truncate(pos);
                        ch.force(true);
                    }
                    break;
                }
                ids.add(EventCodec.idHash(payload));
                records++;
                pos += Segments.HEADER + payload.length;
            }
            end = pos;
        }
        this.segment = last;
        this.channel = FileChannel.open(Segments.path(dir, last), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.end = new JournalPosition(last, channel.size());
        this.count = records;
        LOG.info("Event journal: {} events in {} segment(s) under {} ({} ids indexed on disk up to segment {}, {} in memory)",
                records, Math.max(1, segments.size()), dir, index.size(), index.lastSegment(), ids.size());
        if (last - 1 >= first && last - 1 > index.lastSegment()) {
            indexer.submit(() -> indexUpTo(last - 1));
        }
    }

    /** The id index, unless it is missing, unreadable or covers the open segment (then the segments are scanned again). */
    private IdIndex openIndex(long lastSegment) throws IOException {
        try {
            IdIndex found = IdIndex.open(dir);
            if (found.lastSegment() < lastSegment) {
                return found;
            }
            LOG.warn("Event journal: the id index covers segment {} but the journal ends in segment {}; rebuilding it",
                    found.lastSegment(), lastSegment);
        } catch (IOException e) {
            LOG.warn("Event journal: cannot use the id index ({}); rebuilding it", e.getMessage());
        }
        IdIndex.delete(dir);
        return IdIndex.EMPTY;
    }

    /** Moves the ids of the closed segments up to {@code last} from memory to the index on disk. */
    private void indexUpTo(long last) {
        long started = System.nanoTime();
        try {
            List<long[]> added = new ArrayList<>();
            for (Path s : Segments.list(dir)) {
                long number = Segments.number(s);
                if (number > index.lastSegment() && number <= last) {
                    ByteBuffer data = Segments.read(s);
                    Segments.forEachRecord(s, data, 0, data.limit(), "while indexing its ids",
                            (payload, after) -> added.add(EventCodec.idHash(payload)));
                }
            }
            long[][] sorted = added.toArray(new long[0][]);
            Arrays.sort(sorted, (a, b) -> IdIndex.compare(a[0], a[1], b[0], b[1]));
            IdIndex next = index.plus(dir, last, sorted, sorted.length);
            synchronized (ids) {
                index = next; // first: an id is always in memory or on disk
            }
            ids.removeAll(sorted); // under the lock appends take, a piece at a time
            LOG.info("Event journal: ids of segments up to {} indexed on disk ({} ids in {} ms; {} left in memory)", last,
                    next.size(), (System.nanoTime() - started) / 1_000_000, ids.size());
        } catch (IOException | RuntimeException e) {
            // memory keeps those ids meanwhile; the next start tries again
            LOG.warn("Event journal: indexing the ids of segments up to {} failed: {}", last, e.toString());
        }
    }

    /** Waits for the id index to take in every closed segment (tests). */
    void awaitIndexed() throws Exception {
        indexer.submit(() -> { }).get();
    }

    /** Ids held in memory (tests): the open segment's and those remembered. */
    int idsInMemory() {
        synchronized (ids) {
            return ids.size();
        }
    }

    /** New (and now known) when neither the index nor memory has it; called under the {@code ids} lock. */
    private boolean isNew(String eventId) {
        long[] h = EventIdSet.hash(eventId);
        return !index.contains(h[0], h[1]) && ids.add(h);
    }

    @Override
    public CompletableFuture<Appended> append(List<Event> events) {
        CompletableFuture<Appended> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the journal is closed"));
        } else {
            queue.add(new Request(List.copyOf(events), done));
        }
        return done;
    }

    @Override
    public void onDurable(Durable listener) {
        listeners.add(listener);
    }

    @Override
    public List<String> remember(Collection<String> eventIds) {
        synchronized (ids) { // the writer thread owns the set; this comes from another thread
            return eventIds.stream().filter(this::isNew).toList();
        }
    }

    @Override
    public JournalPosition end() {
        return end;
    }

    @Override
    public boolean contiguous(JournalPosition end, JournalPosition start) {
        if (end.equals(start)) {
            return true;
        }
        if (start.offset() != 0 || start.segment() != end.segment() + 1) {
            return false;
        }
        try { // the seed segment's end and the first appended event, for one; no segment before: nothing between
            Path before = Segments.path(dir, end.segment());
            return Files.exists(before) ? Files.size(before) == end.offset() : end.offset() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long size() {
        return count;
    }

    private void writeLoop() {
        List<Request> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Request first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                int events = first.events().size();
                Request next;
                while (events < MAX_GROUP_EVENTS && (next = queue.poll()) != null) {
                    group.add(next);
                    events += next.events().size();
                }
                writeGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeGroup(List<Request> group) {
        List<Event> written = new ArrayList<>();
        int[] writtenPer = new int[group.size()];
        int[] duplicatesPer = new int[group.size()];
        List<byte[]> payloads = new ArrayList<>();
        long bytes = 0;
        synchronized (ids) {
            for (int r = 0; r < group.size(); r++) {
                for (Event e : group.get(r).events()) {
                    if (isNew(e.eventId())) {
                        byte[] p = EventCodec.encode(e);
                        payloads.add(p);
                        bytes += Segments.HEADER + p.length;
                        written.add(e);
                        writtenPer[r]++;
                    } else {
                        duplicatesPer[r]++;
                    }
                }
            }
        }
        try {
            if (!payloads.isEmpty()) {
                if (channel.size() > 0 && channel.size() + bytes > segmentBytes) {
                    rotate();
                }
                ByteBuffer out = ByteBuffer.allocate((int) bytes);
                payloads.forEach(p -> Segments.writeRecord(out, p));
                out.flip();
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                channel.force(false);
                end = new JournalPosition(segment, channel.size());
                count += written.size();
                for (Durable l : listeners) {
                    try {
                        l.accept(written, end);
                    } catch (RuntimeException e) {
                        LOG.error("an event listener failed; the events are in the journal and will be replayed at restart", e);
                    }
                }
            }
            for (int r = 0; r < group.size(); r++) {
                group.get(r).done().complete(new Appended(writtenPer[r], duplicatesPer[r], end));
            }
        } catch (IOException | RuntimeException e) {
            synchronized (ids) {
                written.forEach(ev -> ids.remove(ev.eventId()));
            }
            for (Request r : group) {
                r.done().completeExceptionally(e);
            }
            LOG.error("writing to the event journal failed; {} events not acknowledged", written.size(), e);
        }
    }

    private void rotate() throws IOException {
        channel.force(true);
        channel.close();
        segment++;
        channel = FileChannel.open(Segments.path(dir, segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        LOG.info("Event journal: new segment {}", segment);
        long closed = segment - 1;
        indexer.submit(() -> indexUpTo(closed));
    }

    @Override
    public JournalPosition replay(JournalPosition from, Replay consumer) {
        JournalPosition stop = end;
        JournalPosition[] reached = {from};
        try {
            for (Path s : Segments.list(dir)) {
                long number = Segments.number(s);
                if (number < from.segment() || number > stop.segment()) {
                    continue;
                }
                ByteBuffer data = Segments.read(s);
                long limit = number == stop.segment() ? Math.min(stop.offset(), data.limit()) : data.limit();
                long start = number == from.segment() ? from.offset() : 0;
                Segments.forEachRecord(s, data, start, limit, "while replaying", (payload, after) -> {
                    reached[0] = new JournalPosition(number, after);
                    consumer.accept(EventCodec.decode(ByteBuffer.wrap(payload)), reached[0]);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event journal in " + dir, e);
        }
        return reached[0];
    }

    /**
     * Every complete event stored in {@code dir}, in order, without taking the journal's lock: for readers beside a
     * running writer (the replay evaluation). The newest segment may end in a record being written; reading stops there.
     */
    public static void readAll(Path dir, Replay consumer) {
        try {
            List<Path> segments = Segments.list(dir);
            for (int i = 0; i < segments.size(); i++) {
                Path s = segments.get(i);
                long number = Segments.number(s);
                ByteBuffer data = Segments.read(s);
                long limit = data.limit();
                if (i == segments.size() - 1) {
                    limit = completeEnd(data);
                }
                Segments.forEachRecord(s, data, 0, limit, "while reading", (payload, after) ->
                        consumer.accept(EventCodec.decode(ByteBuffer.wrap(payload)), new JournalPosition(number, after)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event journal in " + dir, e);
        }
    }

    /** The offset after the last complete record of a segment that may still be written to. */
    private static long completeEnd(ByteBuffer data) {
        long pos = 0;
        long end = 0;
        while ((pos = Segments.skipGap(data, pos)) < data.limit()) {
            byte[] payload = Segments.recordAt(data, pos);
            if (payload == null) {
                break;
            }
            pos += Segments.HEADER + payload.length;
            end = pos;
        }
        return end;
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
            indexer.shutdown();
            if (!indexer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                indexer.shutdownNow(); // the index stays as it was: the next start scans a little more
            }
            channel.force(true);
            channel.close();
            releaseLock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("closing the event journal: {}", e.toString());
        }
    }
}
