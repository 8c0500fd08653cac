package io.melograph.events;

import io.melograph.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.LongStream;

/**
 * Segment 0 of a file journal: events seeded into an empty journal before its first append (the demo's simulated
 * community), kept apart from every event that came after, so that they can be dropped as a whole
 * ({@code melograph demo purge}) without moving a position any consumer keeps. Appends never go to it; every reader
 * reads it first, like any closed segment.
 */
public final class SeedSegment {
    private static final String WORK = "seed.tmp";
    /** A name for this seed, unlike any other seed's even of the same events: what was done for it is done once. */
    private static final String ID = "seed.id";
    /**
     * The largest seed: a segment is read into memory whole (every start reads it), so the seed stays within a few of
     * the 64 MB segments appends roll over at. The demo's 300 listeners x 4 weeks take about 30 MB.
     */
    static final long MAX_BYTES = 256L << 20;

    private SeedSegment() {}

    /** Delivers the seed's events to a sink. */
    @FunctionalInterface
    public interface Producer {
        void send(EventSink sink) throws IOException;
    }

    /**
     * Seeds the journal in {@code dir} if it holds no event yet: the producer's events are written to a journal of their
     * own beside it and become segment 0 in one rename once all are durable, so a start cut short leaves no seed, never
     * part of one. Returns false, without calling the producer, when the journal holds events already.
     */
    public static boolean write(Path dir, Producer producer) throws IOException {
        return write(dir, producer, MAX_BYTES);
    }

    static boolean write(Path dir, Producer producer, long maxBytes) throws IOException {
        return FileJournal.whileLocked(dir, () -> {
            if (!empty(dir)) {
                return false;
            }
            Path work = dir.resolve(WORK);
            Folders.delete(work);
            try (FileJournal journal = FileJournal.open(work, Long.MAX_VALUE);
                 JournalSink sink = new JournalSink(journal, "the journal's seed segment in " + dir)) {
                producer.send(sink);
            }
            Path written = Segments.path(work, 1);
            long bytes = Files.size(written);
            if (bytes > maxBytes) {
                Folders.delete(work);
                throw new IOException(String.format(java.util.Locale.ROOT, "the seed is %.1f MB, more than the %.1f MB a seed "
                        + "segment may hold", bytes / 1048576.0, maxBytes / 1048576.0));
            }
            Files.writeString(dir.resolve(ID), java.util.UUID.randomUUID() + "\n");
            Files.move(written, seed(dir), StandardCopyOption.ATOMIC_MOVE);
            IdIndex.delete(dir); // it was empty; rebuilt with the seed's ids at the next open
            Folders.delete(work);
            return true;
        });
    }

    /** Whether the journal in {@code dir} holds no event (there is none, or it has only empty segments): it may be seeded. */
    public static boolean empty(Path dir) throws IOException {
        for (Path s : Segments.list(dir)) {
            if (Files.size(s) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a seed was being written when its process stopped (its work folder is left): it may be written again. */
    public static boolean interrupted(Path dir) {
        return Files.isDirectory(dir.resolve(WORK));
    }

    /** This seed's name, unlike any other seed's (empty without a seed). */
    public static String id(Path dir) throws IOException {
        if (!exists(dir)) {
            return "";
        }
        Path id = dir.resolve(ID);
        // a seed without its name (written by hand): its size names it
        return Files.exists(id) ? Files.readString(id).strip() : "size:" + Files.size(seed(dir));
    }

    private static Path seed(Path dir) {
        return Segments.path(dir, 0);
    }

    /** Whether the journal in {@code dir} has a seed segment. */
    public static boolean exists(Path dir) {
        return Files.exists(seed(dir));
    }

    /** The offset just after each seed event, in order (none without a seed): which of them a consumer has read. */
    public static long[] ends(Path dir) {
        Path seed = seed(dir);
        if (!Files.exists(seed)) {
            return new long[0];
        }
        try {
            ByteBuffer data = Segments.read(seed);
            LongStream.Builder ends = LongStream.builder();
            Segments.forEachRecord(seed, data, 0, data.limit(), "while reading the seed", (payload, after) -> ends.add(after));
            return ends.build().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed segment of the journal in " + dir, e);
        }
    }

    /** Work done on what the seed left before it goes, holding the journal's lock. */
    @FunctionalInterface
    public interface BeforeDrop {
        /**
         * @param seedId   {@link #id} of the seed
         * @param seedEnds {@link #ends} of the seed
         */
        void run(String seedId, long[] seedEnds) throws IOException;
    }

    /**
     * Deletes the seed segment, holding the journal's lock all along (a running service holds it: this fails with
     * {@link JournalInUseException} before anything is done). {@code before} runs first with {@link #ends} (none
     * without a seed), so a failure there leaves the seed. The id index goes too and is rebuilt from the remaining
     * segments at the next open. Returns whether there was a seed.
     */
    public static boolean drop(Path dir, BeforeDrop before) throws IOException {
        return FileJournal.whileLocked(dir, () -> {
            before.run(id(dir), ends(dir));
            Path seed = seed(dir);
            if (!Files.exists(seed)) {
                return false;
            }
            IdIndex.delete(dir);
            Files.delete(seed);
            Files.deleteIfExists(dir.resolve(ID));
            return true;
        });
    }
}
