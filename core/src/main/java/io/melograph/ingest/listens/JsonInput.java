package io.melograph.ingest.listens;

import io.melograph.ingest.ByteLines;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A file as a Jackson parser reads it, that keeps the bytes from a mark on (the element being read): Jackson cannot
 * go on after a syntax error, so the resync reads the bad element's bytes again, by offset, and a new parser restarts
 * after it ({@link #restart}). Memory is the kept bytes plus one buffer.
 */
final class JsonInput extends InputStream {
    private final InputStream file;
    private byte[] buffer = new byte[1 << 16];
    private long start;          // the file offset of buffer[0]
    private int length;          // bytes in buffer
    private int startColumn = 1; // the column of buffer[0] (characters), for lines longer than the buffer
    private boolean startFirst = true; // only blanks before buffer[0] on its line
    private long mark;           // bytes from here on stay
    private long next;           // where the parser reads next
    private byte[] prefix = {};
    private int prefixRead;
    private long pos;            // where the resync reads next, and its line
    private long line = 1;

    JsonInput(InputStream file) {
        this.file = file;
    }

    /** Forgets the bytes before {@code offset} (never before the mark so far). */
    void mark(long offset) {
        mark = offset;
    }

    /** The parser's next reads give {@code prefix}, then the file from {@code offset}, which becomes the mark. */
    void restart(long offset, byte[] prefix) {
        mark(offset);
        next = offset;
        this.prefix = prefix;
        prefixRead = 0;
    }

    /** The byte at {@code offset} (not before the mark), -1 at the end of the file. */
    int at(long offset) throws IOException {
        while (offset - start >= length) {
            if (!fill()) {
                return -1;
            }
        }
        return buffer[(int) (offset - start)] & 0xFF;
    }

    /** Moves the resync's reading to {@code offset}, on {@code line}. */
    void seek(long offset, long line) {
        pos = offset;
        this.line = line;
    }

    long pos() {
        return pos;
    }

    long line() {
        return line;
    }

    /** The byte the resync reads next, -1 at the end of the file. */
    int peek() throws IOException {
        return at(pos);
    }

    /** Moves the resync's reading past one byte, counting lines. */
    void advance() throws IOException {
        if (at(pos++) == '\n') {
            line++;
        }
    }

    /** Skips white space; the byte after it, -1 at the end of the file. */
    int skipWhitespace() throws IOException {
        int b;
        while ((b = peek()) == '\n' || JsonRecords.blank(b)) {
            advance();
        }
        return b;
    }

    /** The bytes from {@code from} (not before the mark) to {@code to}, which have been read. */
    byte[] bytes(long from, long to) {
        return Arrays.copyOfRange(buffer, (int) (from - start), (int) (to - start));
    }

    /** The column, in characters, of the byte at {@code offset} (not before the mark). */
    int column(long offset) throws IOException {
        at(offset);
        return column((int) (offset - start));
    }

    /** Whether only blanks precede the byte at {@code offset} (not before the mark) on its line. */
    boolean firstOnLine(long offset) throws IOException {
        at(offset);
        return firstOnLine((int) (offset - start));
    }

    private int column(int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return ByteLines.column(buffer, i + 1, end, 1);
            }
        }
        return ByteLines.column(buffer, 0, end, startColumn);
    }

    private boolean firstOnLine(int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return true;
            }
            if (!JsonRecords.blank(buffer[i])) {
                return false;
            }
        }
        return startFirst;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (prefixRead < prefix.length) {
            int n = Math.min(len, prefix.length - prefixRead);
            System.arraycopy(prefix, prefixRead, b, off, n);
            prefixRead += n;
            return n;
        }
        if (at(next) == -1) {
            return -1;
        }
        int n = (int) Math.min(len, start + length - next);
        System.arraycopy(buffer, (int) (next - start), b, off, n);
        next += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** Reads more of the file, first dropping what is before the mark; false at the end of the file. */
    private boolean fill() throws IOException {
        int drop = (int) (mark - start); // the parser is not behind the mark while it reads
        if (drop > 0) {
            startColumn = column(drop);
            startFirst = firstOnLine(drop);
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            start += drop;
            length -= drop;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = file.read(buffer, length, buffer.length - length);
        if (n <= 0) {
            return false;
        }
        length += n;
        return true;
    }
}
