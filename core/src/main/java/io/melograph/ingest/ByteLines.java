package io.melograph.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text file line by line as bytes, numbered from 1, so that each line is decoded as strict UTF-8 on its own (a bad
 * byte costs one line, not the file) and memory stays bounded: a line longer than its cap ({@link #MAX_LINE_BYTES}
 * unless told) is read through but not kept ({@link #tooLong()}). Line ends are {@code \n} or {@code \r\n}; a UTF-8
 * byte order mark is skipped. The one byte-level reader of the importers (CSV, JSON lines, TSV).
 */
public final class ByteLines implements Closeable {
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final int maxLineBytes;
    private final boolean loneCrEnds;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[512];
    private int length;
    private long number;
    private boolean tooLong;
    private int droppedQuotes;
    private byte[] ending = NONE;
    private final boolean utf16;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int badColumn;

    private static final byte[] NONE = {};
    private static final byte[] LF = {'\n'};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CR = {'\r'};

    public ByteLines(InputStream in) throws IOException {
        this(in, MAX_LINE_BYTES, false);
    }

    /** @param loneCrEnds whether a carriage return not followed by a line feed ends a line too (CSV, RFC 4180) */
    public ByteLines(InputStream in, int maxLineBytes, boolean loneCrEnds) throws IOException {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.loneCrEnds = loneCrEnds;
        while (limit < 3) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        int bom = byteOrderMark(buffer, limit);
        utf16 = bom < 0;
        pos = Math.max(bom, 0);
    }

    /** The length of the UTF-8 byte order mark that {@code head} starts with (0 if none), -1 for a UTF-16 one. */
    public static int byteOrderMark(byte[] head, int length) {
        int b0 = length > 0 ? head[0] & 0xFF : -1;
        int b1 = length > 1 ? head[1] & 0xFF : -1;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            return -1;
        }
        return length > 2 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** Whether the file starts with a UTF-16 byte order mark (then nothing in it can be read as UTF-8). */
    public boolean utf16() {
        return utf16;
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        length = 0;
        tooLong = false;
        droppedQuotes = 0;
        ending = NONE;
        int c = read();
        if (c == -1) {
            return false;
        }
        number++;
        while (c != -1) {
            if (c == '\n') {
                ending = LF;
                break;
            }
            if (c == '\r' && loneCrEnds) {
                int d = read();
                if (d != '\n' && d != -1) {
                    pos--; // the first byte of the next line, still in the buffer
                }
                ending = d == '\n' ? CRLF : CR;
                break;
            }
            if (length == maxLineBytes) {
                tooLong = true;
                if (c == '"') {
                    droppedQuotes++;
                }
            } else {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                }
                line[length++] = (byte) c;
            }
            c = read();
        }
        if (length > 0 && line[length - 1] == '\r' && !tooLong) {
            length--;
            ending = ending == LF ? CRLF : ending;
        }
        return true;
    }

    /** The bytes that ended the current line ({@code \n}, {@code \r\n}, a lone {@code \r}), none at the end of input. */
    public byte[] ending() {
        return ending;
    }

    /** How many quote characters were in the part of a {@link #tooLong()} line that was read past. */
    public int droppedQuotes() {
        return droppedQuotes;
    }

    /** The 1-based number of the current line. */
    public long number() {
        return number;
    }

    public boolean tooLong() {
        return tooLong;
    }

    /** The bytes of the current line (valid up to {@link #length()}), without its line end. */
    public byte[] bytes() {
        return line;
    }

    public int length() {
        return length;
    }

    public boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The current line as strict UTF-8, or null when it is not valid UTF-8 (see {@link #badColumn()}). */
    public String decode() {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            badColumn = column(line, 0, bytes.position(), 1);
            return null;
        }
        return chars.flip().toString();
    }

    /** The 1-based column (in characters) of the first byte that is not UTF-8, after {@link #decode()} returned null. */
    public int badColumn() {
        return badColumn;
    }

    /** The offset of the first byte of {@code bytes[0, length)} that is not UTF-8, or -1. */
    public static int firstMalformedUtf8(byte[] bytes, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CoderResult r = utf8.decode(in, CharBuffer.allocate(length), true);
        return r.isError() ? in.position() : -1;
    }

    /** The column (in characters, counting from {@code startCol}) reached after {@code bytes[from, to)} of UTF-8. */
    public static int column(byte[] bytes, int from, int to, int startCol) {
        int c = startCol;
        for (int i = from; i < to && i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) { // not a UTF-8 continuation byte
                c++;
            }
        }
        return c;
    }

    private int read() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++] & 0xFF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
