package io.melograph.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.LongUnaryOperator;

/**
 * The ids of the journal's closed segments, on disk ({@code journal/ids.index}), so that memory holds only the open
 * segment's ({@link EventIdSet}) however long the journal grows: a sorted array of the ids' 128-bit digests
 * ({@link EventIdSet#hash}), memory-mapped and binary-searched, with the last segment and the number of records it
 * covers. It grows by writing a merged file beside it and renaming that over it, so the file is always whole; a start
 * scans only the segments after it. Immutable: {@link #plus} returns the next one.
 */
final class IdIndex {
    static final String FILE = "ids.index";
    private static final int MAGIC = 0x4d474958; // "MGIX"
    private static final int VERSION = 1;
    private static final int HEADER = 32;
    /** Entries per mapping: 2^26 entries x 16 bytes = 1 GiB (a mapping stops at 2 GiB). */
    private static final int CHUNK_SHIFT = 26;
    static final IdIndex EMPTY = new IdIndex(-1, 0, 0, new ByteBuffer[0]);

    private final long lastSegment;
    private final long records;
    private final long size;
    private final ByteBuffer[] chunks;

    private IdIndex(long lastSegment, long records, long size, ByteBuffer[] chunks) {
        this.lastSegment = lastSegment;
        this.records = records;
        this.size = size;
        this.chunks = chunks;
    }

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    /** The index in {@code dir}, or {@link #EMPTY} when there is none; an unreadable one is an IOException. */
    static IdIndex open(Path dir) throws IOException {
        Path file = file(dir);
        if (!Files.exists(file)) {
            return EMPTY;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (header.hasRemaining() && ch.read(header) >= 0) {
                // read the header
            }
            header.flip();
            if (header.remaining() < HEADER || header.getInt() != MAGIC || header.getInt() != VERSION) {
                throw new IOException(file + " is not an id index of this version");
            }
            long last = header.getLong();
            long records = header.getLong();
            long size = header.getLong();
            if (ch.size() != HEADER + size * 16) {
                throw new IOException(file + " is cut short: " + ch.size() + " bytes for " + size + " ids");
            }
            int n = (int) ((size + (1L << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
            ByteBuffer[] chunks = new ByteBuffer[n];
            for (int c = 0; c < n; c++) {
                long first = (long) c << CHUNK_SHIFT;
                long entries = Math.min(1L << CHUNK_SHIFT, size - first);
                chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, HEADER + first * 16, entries * 16).order(ByteOrder.BIG_ENDIAN);
            }
            return new IdIndex(last, records, size, chunks);
        }
    }

    /** The last segment whose ids are here (-1: none; segment 0 is the seed segment, {@link SeedSegment}). */
    long lastSegment() {
        return lastSegment;
    }

    /** Journal records in the segments covered. */
    long records() {
        return records;
    }

    long size() {
        return size;
    }

    boolean contains(long hi, long lo) {
        return containsSorted(size, this::hi, this::lo, hi, lo);
    }

    /** Binary search over {@code size} digests sorted with {@link #compare}, read through {@code hiAt} and {@code loAt}. */
    static boolean containsSorted(long size, LongUnaryOperator hiAt, LongUnaryOperator loAt, long hi, long lo) {
        long from = 0;
        long to = size - 1;
        while (from <= to) {
            long mid = (from + to) >>> 1;
            int c = compare(hiAt.applyAsLong(mid), loAt.applyAsLong(mid), hi, lo);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                from = mid + 1;
            } else {
                to = mid - 1;
            }
        }
        return false;
    }

    private long hi(long i) {
        return chunks[(int) (i >>> CHUNK_SHIFT)].getLong((int) (i & ((1L << CHUNK_SHIFT) - 1)) * 16);
    }

    private long lo(long i) {
        return chunks[(int) (i >>> CHUNK_SHIFT)].getLong((int) (i & ((1L << CHUNK_SHIFT) - 1)) * 16 + 8);
    }

    static int compare(long hi1, long lo1, long hi2, long lo2) {
        int c = Long.compare(hi1, hi2);
        return c != 0 ? c : Long.compare(lo1, lo2);
    }

    /**
     * This index with more segments' ids: {@code added} (digests as {hi, lo}, sorted with {@link #compare}) from the
     * segments after {@link #lastSegment} up to {@code upTo}, holding {@code addedRecords} records. Written to a temporary
     * file, forced to disk and renamed over the old one.
     */
    IdIndex plus(Path dir, long upTo, long[][] added, long addedRecords) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        long merged = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            buf.putInt(MAGIC).putInt(VERSION).putLong(upTo).putLong(records + addedRecords).putLong(0); // size set below
            long i = 0;
            int j = 0;
            long lastHi = 0;
            long lastLo = 0;
            while (i < size || j < added.length) {
                long hi;
                long lo;
                if (j == added.length || (i < size && compare(hi(i), lo(i), added[j][0], added[j][1]) <= 0)) {
                    hi = hi(i);
                    lo = lo(i);
                    i++;
                } else {
                    hi = added[j][0];
                    lo = added[j][1];
                    j++;
                }
                if (merged > 0 && hi == lastHi && lo == lastLo) {
                    continue; // the same id twice: once is enough
                }
                lastHi = hi;
                lastLo = lo;
                if (buf.remaining() < 16) {
                    write(out, buf);
                }
                buf.putLong(hi).putLong(lo);
                merged++;
            }
            write(out, buf);
            ByteBuffer size = ByteBuffer.allocate(8).putLong(0, merged);
            out.write(size, 24);
            out.force(true);
        }
        Files.move(tmp, file(dir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return open(dir);
    }

    private static void write(FileChannel out, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        buf.clear();
    }

    /** Removes the index (after a repair changed the segments it covers): the next open scans and indexes them again. */
    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(file(dir));
        Files.deleteIfExists(dir.resolve(FILE + ".tmp"));
    }
}
