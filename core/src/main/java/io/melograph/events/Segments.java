package io.melograph.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The journal's file format. A segment {@code <20-digit number>.journal} is a sequence of records
 * {@code [magic "MJNL"][payload length][CRC32C of payload][payload]}, all ints big-endian; the payload is an
 * {@link EventCodec} event. The magic lets a scan find the next record after damage. A run of {@link #GAP} bytes where
 * a record would start is damage that {@code journal repair} blanked out: readers step over it, and since repair
 * blanks rather than cuts, every byte offset (the positions consumers keep) stays what it was.
 */
final class Segments {
    static final int MAGIC = 0x4D4A4E4C;
    static final int HEADER = 12;
    static final int MAX_RECORD = 1 << 20;
    /** 'G': never the first byte of a record (that is 'M' of the magic). */
    static final byte GAP = 0x47;

    private Segments() {}

    static Path path(Path dir, long number) {
        return dir.resolve(String.format("%020d.journal", number));
    }

    static long number(Path segment) {
        String n = segment.getFileName().toString();
        return Long.parseLong(n.substring(0, n.indexOf('.')));
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.journal")).sorted().toList();
        }
    }

    static void writeRecord(ByteBuffer out, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        out.putInt(MAGIC).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    }

    /** The payload of a valid record at {@code offset} of {@code data}, or null if there is none there. */
    static byte[] recordAt(ByteBuffer data, long offset) {
        if (offset + HEADER > data.limit()) {
            return null;
        }
        int at = (int) offset;
        if (data.getInt(at) != MAGIC) {
            return null;
        }
        int length = data.getInt(at + 4);
        if (length < 0 || length > MAX_RECORD || at + HEADER + (long) length > data.limit()) {
            return null;
        }
        byte[] payload = new byte[length];
        data.get(at + HEADER, payload);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == data.getInt(at + 8) ? payload : null;
    }

    /** {@code offset}, or past the run of {@link #GAP} bytes that starts there. */
    static long skipGap(ByteBuffer data, long offset) {
        long p = offset;
        while (p < data.limit() && data.get((int) p) == GAP) {
            p++;
        }
        return p;
    }

    /** One record's payload and the offset just after it. */
    @FunctionalInterface
    interface Record {
        void accept(byte[] payload, long after);
    }

    /**
     * Each record of {@code segment}'s {@code data} from offset {@code from} up to {@code limit}, stepping over blanked
     * gaps; a damaged record is a {@link JournalCorruptedException} saying it was found {@code during} that.
     */
    static void forEachRecord(Path segment, ByteBuffer data, long from, long limit, String during, Record consumer) {
        long pos = from;
        while ((pos = skipGap(data, pos)) < limit) {
            byte[] payload = recordAt(data, pos);
            if (payload == null) {
                throw new JournalCorruptedException(segment, pos, "found " + during);
            }
            pos += HEADER + payload.length;
            consumer.accept(payload, pos);
        }
    }

    /** The offset of the next valid record after {@code from}, or -1. */
    static long nextValid(ByteBuffer data, long from) {
        for (long p = from + 1; p + HEADER <= data.limit(); p++) {
            if (data.getInt((int) p) == MAGIC && recordAt(data, p) != null) {
                return p;
            }
        }
        return -1;
    }

    static ByteBuffer read(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment)) {
            ByteBuffer b = ByteBuffer.allocate((int) ch.size());
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read all
            }
            return b.flip();
        }
    }
}
