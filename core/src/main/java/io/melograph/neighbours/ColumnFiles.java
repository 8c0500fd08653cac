package io.melograph.neighbours;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A channel file's columns while they are written: one spool file per column beside the store, appended to the
 * channel file in order at the end, so a million seeds' columns need not fit in memory.
 */
final class ColumnFiles implements java.io.Closeable {
    private final Path[] files;
    private final DataOutputStream[] out;

    ColumnFiles(Path folder, String channel, String... columns) throws IOException {
        files = new Path[columns.length];
        out = new DataOutputStream[columns.length];
        for (int i = 0; i < columns.length; i++) {
            files[i] = folder.resolve(channel + "." + columns[i] + ".spool");
            out[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files[i]), 1 << 16));
        }
    }

    /** {@code a}, or a copy at least {@code size} long (doubling, new slots {@code fill}): per-node ranges grow as seeds come. */
    static int[] fit(int[] a, int size, int fill) {
        if (size <= a.length) {
            return a;
        }
        int old = a.length;
        int[] grown = Arrays.copyOf(a, Math.max(old * 2, size));
        Arrays.fill(grown, old, grown.length, fill);
        return grown;
    }

    DataOutputStream column(int i) {
        return out[i];
    }

    /** Appends every column, in order, to the channel file and deletes the spools (the streams are closed first). */
    void appendTo(FileChannel ch) throws IOException {
        close();
        for (Path column : files) {
            try (FileChannel in = FileChannel.open(column, StandardOpenOption.READ)) {
                for (long at = 0; at < in.size(); ) {
                    at += in.transferTo(at, in.size() - at, ch);
                }
            }
            Files.delete(column);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DataOutputStream o : out) { // every stream, even when one fails to flush
            try {
                o.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
