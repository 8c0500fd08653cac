package io.melograph.vectors;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One vector index on disk: a header (magic, kind, format), the index's own body, then a CRC-32 of all before it. The
 * checksum is verified before the body is parsed, so a cut-off or altered file is refused with its name instead of
 * being read as a smaller index. Written beside the target and renamed over it, so a reader sees old or new.
 */
final class IndexFile {
    private static final int MAGIC = 0x4d47414e; // "MGAN"
    private static final int FORMAT = 1;
    private static final int TRAILER = 4;

    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    interface Parser<T> {
        T read(DataInputStream in) throws IOException;
    }

    private IndexFile() {}

    static void write(Path file, String kind, Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            CheckedOutputStream checked = new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), new CRC32());
            try (DataOutputStream out = new DataOutputStream(checked)) {
                out.writeInt(MAGIC);
                out.writeUTF(kind);
                out.writeInt(FORMAT);
                body.write(out);
                out.flush();
                out.writeInt((int) checked.getChecksum().getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // only left when writing or the move failed
        }
    }

    static <T> T read(Path file, String kind, Parser<T> parser) throws IndexFileException {
        if (!Files.isRegularFile(file)) {
            throw new IndexFileException("no " + kind + " vector index at " + file + " (build one before loading it)");
        }
        try {
            verifyChecksum(file);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                if (in.readInt() != MAGIC) {
                    throw new IndexFileException(file + " is not a Melograph vector index");
                }
                String found = in.readUTF();
                int format = in.readInt();
                if (!found.equals(kind) || format != FORMAT) {
                    throw new IndexFileException(file + " holds a '" + found + "' index of format " + format
                            + ", not a '" + kind + "' index of format " + FORMAT);
                }
                return parser.read(in);
            }
        } catch (IndexFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IndexFileException("vector index " + file + " is corrupt: " + e, e);
        }
    }

    private static void verifyChecksum(Path file) throws IOException {
        long size = Files.size(file);
        if (size < 12 + TRAILER) {
            throw new IndexFileException("vector index " + file + " is corrupt: only " + size + " bytes");
        }
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            CheckedInputStream body = new CheckedInputStream(raw, crc);
            byte[] buffer = new byte[1 << 16];
            long left = size - TRAILER;
            while (left > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IndexFileException("vector index " + file + " is corrupt: shorter than its size");
                }
                left -= n;
            }
            if (in.readInt() != (int) crc.getValue()) {
                throw new IndexFileException("vector index " + file + " is corrupt: checksum mismatch (cut off or altered)");
            }
        }
    }
}
