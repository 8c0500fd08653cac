package io.melograph.ingest.listens;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.melograph.ingest.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The records of a JSON export, one at a time, whichever of the two shapes exports come in: a top-level array of
 * objects (Spotify, ListenBrainz's older export; usually pretty-printed over many lines) or one object per line (JSON
 * lines: ListenBrainz's export). The shape is told by the first character.
 *
 * <p>Memory stays bounded whatever the file size: the array is cut into its elements by a byte scanner that only
 * follows strings and brackets, and each element (or line) is parsed on its own with Jackson's streaming
 * {@link JsonParser}. That is also how reading goes on after a malformed record: the error is reported at its own line
 * and column, and reading resumes with the next element (JSON lines: the next line). Where the scanner itself loses
 * count, it resyncs on the layout: a JSON string cannot span lines, so a broken string ends at its line end, and in an
 * indented array a line that starts with '{' at the records' column is the next record, so a record that lost its '}'
 * costs only itself. A record still open at the end of the file (a truncated download) costs the rest of the file,
 * reported once. Each record keeps the line of every field name, so a bad value is reported where it is, not where its
 * record starts.
 */
final class JsonRecords {
    /** Records larger than this (Spotify's are about 1 KB) are reported and skipped rather than held in memory. */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonRecords() {}

    /**
     * One top-level JSON object of the file.
     *
     * @param node       its content
     * @param line       the line of its opening brace
     * @param fieldLines the line of each field name, by dotted path ({@code track_metadata.track_name})
     */
    record JsonRecord(ObjectNode node, long line, Map<String, Long> fieldLines) {
        /** The line of a field, or of the record when the field is absent. */
        long lineOf(String path) {
            Long l = fieldLines.get(path);
            return l == null ? line : l;
        }
    }

    /** Reads {@code file}, giving each well-formed object record to {@code records} and each problem to {@code problems}. */
    static void read(Path file, String source, Consumer<JsonRecord> records, Consumer<Problem> problems) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            Scanner s = new Scanner(raw);
            int c = s.start();
            if (c == Scanner.UTF16) {
                problems.accept(Problem.error(source, 1, "", "the file is UTF-16; save it as UTF-8"));
            } else if (c == -1) {
                problems.accept(Problem.warning(source, 0, "", "the file is empty"));
            } else if (c == '[') {
                readArray(s, source, records, problems);
            } else if (c == '{') {
                s.unread(c);
                readLines(s, source, records, problems);
            } else {
                problems.accept(Problem.error(source, s.line, "", "column " + s.col
                        + ": expected a JSON array ('[') or one JSON object per line ('{'), found " + describe(c)));
            }
        }
    }

    // ---------------------------------------------------------------- JSON lines

    private static void readLines(Scanner s, String source, Consumer<JsonRecord> records, Consumer<Problem> problems)
            throws IOException {
        try (ByteLines lines = new ByteLines(s.rest())) {
            long offset = s.line - 1; // lines before the first record (leading blank lines)
            int firstCol = s.col;
            while (lines.next()) {
                long line = lines.number() + offset;
                int col = lines.number() == 1 ? firstCol : 1;
                if (lines.tooLong()) {
                    problems.accept(Problem.error(source, line, "", "the line is longer than " + (MAX_RECORD_BYTES >> 20)
                            + " MiB; skipped"));
                } else if (!lines.blank()) {
                    parse(lines.bytes(), lines.length(), line, col, source, records, problems);
                }
            }
        }
    }

    // ---------------------------------------------------------------- array

    private static void readArray(Scanner s, String source, Consumer<JsonRecord> records, Consumer<Problem> problems)
            throws IOException {
        Element e = new Element();
        while (true) {
            int c = s.skipWhitespace();
            if (c == ',') { // an empty element: [ {..}, , {..} ] or [ , {..} ]
                problems.accept(Problem.error(source, s.line, "", "column " + s.col + ": unexpected ',' (an empty element)"));
                continue;
            }
            if (c == ']') {
                trailing(s, source, problems);
                return;
            }
            if (c == -1) {
                problems.accept(Problem.error(source, s.line, "", "the array is not closed: ']' is missing at the end of the file"));
                return;
            }
            long line = s.line;
            int col = s.col;
            int end = s.element(c, e, s.first && col > 1 ? col : -1);
            if (end == Scanner.EOF) {
                problems.accept(Problem.error(source, line, "", "column " + col + ": this record is not closed before the end "
                        + "of the file (a '}' or '\"' is missing); the rest of the file could not be read"));
                return;
            }
            if (e.tooLarge) {
                problems.accept(Problem.error(source, line, "", "the record is larger than " + (MAX_RECORD_BYTES >> 20)
                        + " MiB; skipped"));
            } else {
                parse(e.bytes, e.length, line, col, source, records, problems);
            }
            if (end == Scanner.CUT) {
                continue; // the record was cut short where the next one (or the array's end) starts: no ',' to expect
            }
            c = s.skipWhitespace();
            if (c == ']') {
                trailing(s, source, problems);
                return;
            }
            if (c == -1) {
                problems.accept(Problem.error(source, s.line, "", "the array is not closed: ']' is missing at the end of the file"));
                return;
            }
            if (c != ',') {
                problems.accept(Problem.error(source, s.line, "", "column " + s.col + ": expected ',' or ']' after the record "
                        + "that starts on line " + line + ", found " + describe(c)));
                s.unread(c); // read it as the start of the next element
            }
        }
    }

    private static void trailing(Scanner s, String source, Consumer<Problem> problems) throws IOException {
        int c = s.skipWhitespace();
        if (c != -1) {
            problems.accept(Problem.error(source, s.line, "", "column " + s.col + ": unexpected " + describe(c)
                    + " after the closing ']' of the array; ignored"));
        }
    }

    // ---------------------------------------------------------------- one record

    private static void parse(byte[] bytes, int length, long line, int col, String source, Consumer<JsonRecord> records,
                              Consumer<Problem> problems) throws IOException {
        Map<String, Long> fieldLines = new HashMap<>();
        ObjectNode node;
        try (JsonParser p = JSON.createParser(bytes, 0, length)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                problems.accept(Problem.error(source, line, "", "column " + col + ": expected a JSON object, found "
                        + describe(t)));
                return;
            }
            node = object(p, "", fieldLines, line);
            JsonToken after = p.nextToken();
            if (after != null) {
                long[] at = position(bytes, p.currentTokenLocation(), line, col);
                problems.accept(Problem.error(source, at[0], "", "column " + at[1]
                        + ": unexpected content after the end of the object; the line is skipped"));
                return;
            }
        } catch (JsonProcessingException ex) {
            int bad = firstMalformedUtf8(bytes, length);
            long[] at = bad >= 0 ? position(bytes, bad, line, col) : position(bytes, ex.getLocation(), line, col);
            String what = bad >= 0 ? "not valid UTF-8 (the file must be UTF-8 encoded)" : "malformed JSON: " + message(ex);
            problems.accept(Problem.error(source, at[0], "", "column " + at[1] + ": " + what
                    + (at[0] == line ? "" : " (in the record that starts on line " + line + ")") + "; the record is skipped"));
            return;
        }
        records.accept(new JsonRecord(node, line, fieldLines));
    }

    private static ObjectNode object(JsonParser p, String path, Map<String, Long> lines, long base) throws IOException {
        ObjectNode o = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t == null) {
                throw new IllegalStateException("JSON parser ended inside an object"); // Jackson reports this first
            }
            String name = p.currentName();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            lines.putIfAbsent(fieldPath, base + p.currentTokenLocation().getLineNr() - 1);
            o.set(name, value(p, p.nextToken(), fieldPath, lines, base));
        }
        return o;
    }

    private static JsonNode value(JsonParser p, JsonToken t, String path, Map<String, Long> lines, long base) throws IOException {
        if (t == null) {
            throw new IllegalStateException("JSON parser ended before a value");
        }
        return switch (t) {
            case START_OBJECT -> object(p, path, lines, base);
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(value(p, e, path, lines, base));
                }
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        };
    }

    /** The file line and column of a location inside a record's bytes that start at {@code line}:{@code col}. */
    private static long[] position(byte[] bytes, JsonLocation loc, long line, int col) {
        long offset = loc == null ? -1 : loc.getByteOffset();
        if (offset < 0) {
            return loc == null ? new long[] {line, col}
                    : new long[] {line + loc.getLineNr() - 1, loc.getLineNr() == 1 ? col + loc.getColumnNr() - 1 : loc.getColumnNr()};
        }
        return position(bytes, offset, line, col);
    }

    private static long[] position(byte[] bytes, long offset, long line, int col) {
        long l = line;
        int lineStart = 0;
        int c = col;
        int end = (int) Math.min(offset, bytes.length);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                l++;
                lineStart = i + 1;
                c = 1;
            }
        }
        return new long[] {l, column(bytes, lineStart, end, lineStart == 0 ? c : 1)};
    }

    /** The column, in characters, of {@code bytes[to]} when {@code bytes[from]} is at column {@code startCol}. */
    static int column(byte[] bytes, int from, int to, int startCol) {
        int c = startCol;
        for (int i = from; i < to && i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) { // not a UTF-8 continuation byte
                c++;
            }
        }
        return c;
    }

    /** The offset of the first byte that is not UTF-8, or -1. */
    private static int firstMalformedUtf8(byte[] bytes, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CoderResult r = utf8.decode(in, CharBuffer.allocate(length), true);
        return r.isError() ? in.position() : -1;
    }

    private static String message(JsonProcessingException ex) {
        String m = ex.getOriginalMessage();
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        int marker = m.indexOf(" (start marker at");
        return (marker < 0 ? m : m.substring(0, marker)).strip();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static String describe(int c) {
        if (c >= 0x20 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02X", c);
    }

    /** One array element's bytes. */
    private static final class Element {
        byte[] bytes = new byte[4096];
        int length;
        boolean tooLarge;

        void reset() {
            length = 0;
            tooLarge = false;
        }

        void add(int b) {
            if (length == MAX_RECORD_BYTES) {
                tooLarge = true;
                return;
            }
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(MAX_RECORD_BYTES, bytes.length * 2));
            }
            bytes[length++] = (byte) b;
        }
    }

    /** Bytes with the line and column (in characters) of the last byte read. */
    private static final class Scanner {
        static final int UTF16 = -2;
        static final int CLOSED = 0;
        static final int CUT = 1;
        static final int EOF = 2;

        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        long line = 1;
        int col;
        /** Whether the last byte read is the first that is not white space on its line. */
        boolean first;
        private boolean nonBlankSeen;
        private boolean pushedFirst;
        private long nextLine = 1;
        private int nextCol = 1;
        private int pushed = -1;
        private long pushedLine;
        private int pushedCol;

        Scanner(InputStream in) {
            this.in = in;
        }

        /** Skips a UTF-8 byte order mark and white space; the first significant byte, -1 at the end, or {@link #UTF16}. */
        int start() throws IOException {
            int c = read();
            if (c == 0xFE || c == 0xFF) {
                int d = read();
                return c == 0xFE && d == 0xFF || c == 0xFF && d == 0xFE ? UTF16 : c;
            } else if (c == 0xEF) {
                int b = read();
                int d = read();
                if (b == 0xBB && d == 0xBF) {
                    nextCol = 1;
                    c = read();
                } else {
                    return c; // not UTF-8: reported by the caller as an unexpected byte
                }
            }
            if (c != -1) {
                unread(c);
            }
            return skipWhitespace();
        }

        int skipWhitespace() throws IOException {
            int c;
            do {
                c = read();
            } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
            return c;
        }

        /**
         * Reads the element that starts with {@code c} into {@code e}: {@link #CLOSED} at its matching bracket (scalars:
         * before the next ',', ']' or white space), {@link #EOF} if the file ends first. A line end inside a string ends
         * the string (JSON strings cannot span lines), so a broken string does not swallow what follows. In an indented
         * (pretty-printed) array, {@code indent} is the column of the records' braces; a line that starts with '{' at
         * that column is the next record and one that starts with ']' further left is the array's end, so a record
         * that lacks its '}' (or lost it to a broken string) is cut there ({@link #CUT}), and a '}' at that column
         * closes the record whatever the bracket count says.
         */
        int element(int c, Element e, int indent) throws IOException {
            e.reset();
            e.add(c);
            if (c != '{' && c != '[') {
                boolean inString = c == '"';
                boolean escape = false;
                while (true) {
                    int b = read();
                    if (b == -1) {
                        return inString ? EOF : CLOSED;
                    }
                    if (inString) {
                        if (b == '\n') {
                            unread(b);
                            return CLOSED;
                        }
                        e.add(b);
                        if (escape) {
                            escape = false;
                        } else if (b == '\\') {
                            escape = true;
                        } else if (b == '"') {
                            inString = false;
                        }
                    } else if (b == ',' || b == ']' || b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                        unread(b);
                        return CLOSED;
                    } else {
                        e.add(b);
                    }
                }
            }
            int depth = 1;
            boolean inString = false;
            boolean escape = false;
            while (true) {
                int b = read();
                if (b == -1) {
                    return EOF;
                }
                if (indent > 0 && first && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    if (b == '{' && col == indent || b == ']' && col < indent) {
                        unread(b);
                        return CUT;
                    }
                    if (b == '}' && col == indent) {
                        e.add(b);
                        return CLOSED;
                    }
                }
                e.add(b);
                if (b == '\n') {
                    inString = false;
                    escape = false;
                } else if (inString) {
                    if (escape) {
                        escape = false;
                    } else if (b == '\\') {
                        escape = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    if (--depth == 0) {
                        return CLOSED;
                    }
                }
            }
        }

        /** The bytes not read yet, starting with a pushed-back byte. */
        InputStream rest() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    if (pushed != -1) {
                        int c = pushed;
                        pushed = -1;
                        return c;
                    }
                    return pos < limit ? buffer[pos++] & 0xFF : in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    if (pushed != -1) {
                        b[off] = (byte) pushed;
                        pushed = -1;
                        return 1;
                    }
                    if (pos < limit) {
                        int n = Math.min(len, limit - pos);
                        System.arraycopy(buffer, pos, b, off, n);
                        pos += n;
                        return n;
                    }
                    return in.read(b, off, len);
                }
            };
        }

        private int next() throws IOException {
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

        int read() throws IOException {
            if (pushed != -1) {
                int c = pushed;
                pushed = -1;
                line = pushedLine;
                col = pushedCol;
                first = pushedFirst;
                return c;
            }
            int c = next();
            if (c == -1) {
                line = nextLine;
                col = nextCol;
                first = false;
                return -1;
            }
            boolean blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            first = !blank && !nonBlankSeen;
            nonBlankSeen = c != '\n' && (nonBlankSeen || !blank);
            line = nextLine;
            if ((c & 0xC0) == 0x80) { // a continuation byte belongs to the character before it
                col = nextCol - 1;
            } else {
                col = nextCol++;
            }
            if (c == '\n') {
                nextLine++;
                nextCol = 1;
            }
            return c;
        }

        void unread(int c) {
            pushed = c;
            pushedLine = line;
            pushedCol = col;
            pushedFirst = first;
        }
    }
}
