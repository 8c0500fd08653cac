package io.melograph.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV over bytes: fields may be quoted ({@code "a, ""b"""}) and span lines; every field is decoded as
 * strict UTF-8, so a file in another encoding is reported at the exact line and column instead of turning into
 * mojibake. Malformed rows are returned as {@link Record#error()} and reading continues with the next line. A field
 * longer than {@link #MAX_FIELD} bytes or a row longer than {@link #MAX_ROW} is an error of its row, read past without
 * being kept: one endless line (a 3 GB line compresses to a few MB) cannot exhaust memory.
 */
public final class CsvReader implements Closeable {
    /** The longest field kept (bytes): far above any catalog value, far below the heap. */
    public static final int MAX_FIELD = 1 << 20;
    /** The longest row kept (bytes, all fields). */
    public static final int MAX_ROW = 8 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream field = new ByteArrayOutputStream(64);
    private long line = 1;
    private long bytesRead;
    private int pushedBack = -2;
    private boolean first = true;
    private long rowBytes;
    private boolean fieldTooLong;

    /** A parsed row: its first line, its fields, or the reason it could not be parsed. */
    public record Record(long line, List<String> fields, String error) {}

    public CsvReader(InputStream in) {
        this.in = in;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The next row, or null at the end of input. Blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (first) {
                first = false;
                if (c == 0xEF) { // UTF-8 byte order mark
                    if (read() != 0xBB || read() != 0xBF) {
                        return skipLine(line, "not valid UTF-8 at the start of the file");
                    }
                    c = read();
                } else if (c == 0xFE || c == 0xFF) {
                    return skipLine(line, "the file is UTF-16; save it as UTF-8");
                }
                if (c == -1) {
                    return null;
                }
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            return row();
        }
    }

    private Record row() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        String error = null;
        String tooLong = null;
        rowBytes = 0;
        while (true) {
            field.reset();
            fieldTooLong = false;
            int c = read();
            if (c == '"') {
                // quoted field
                while (true) {
                    c = read();
                    if (c == -1) {
                        return new Record(start, fields, "unterminated quoted field starting on line " + start);
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            keep('"');
                            continue;
                        }
                        c = d;
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    keep(c);
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    error = "unexpected character after the closing quote of field " + (fields.size() + 1);
                    return skipRest(start, c, error);
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    keep(c);
                    c = read();
                }
            }
            if (fieldTooLong && tooLong == null) {
                tooLong = rowBytes >= MAX_ROW ? "row longer than " + MAX_ROW + " bytes (from field " + (fields.size() + 1) + " on)"
                        : "field " + (fields.size() + 1) + " longer than " + MAX_FIELD + " bytes";
            }
            String value = decode(fields.size() + 1);
            if (value == null) {
                error = "field " + (fields.size() + 1) + " is not valid UTF-8 (the file must be UTF-8 encoded)";
                value = "";
            }
            fields.add(value);
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    unread(d);
                }
            }
            line++;
            if (c == -1) {
                line--;
            }
            // an oversized row is reported without its fields (they would be kept with the problem)
            return tooLong != null ? new Record(start, List.of(), tooLong) : new Record(start, fields, error);
        }
    }

    /** Keeps a byte of the current field, unless the field or the row is already too long (then it is read past). */
    private void keep(int c) {
        if (field.size() >= MAX_FIELD || rowBytes >= MAX_ROW) {
            fieldTooLong = true;
            return;
        }
        field.write(c);
        rowBytes++;
    }

    private String decode(int column) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(field.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private Record skipLine(long start, String error) throws IOException {
        int c;
        do {
            c = read();
        } while (c != '\n' && c != -1);
        line++;
        return new Record(start, List.of(), error);
    }

    private Record skipRest(long start, int c, String error) throws IOException {
        while (c != '\n' && c != -1) {
            c = read();
        }
        line++;
        return new Record(start, List.of(), error);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
            bytesRead += limit;
        }
        return buffer[pos++] & 0xFF;
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
