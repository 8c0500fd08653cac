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
import io.melograph.ingest.ByteLines;
import io.melograph.ingest.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The records of a JSON export, one at a time, whichever of the two shapes exports come in: a top-level array of
 * objects (Spotify, ListenBrainz's older export; usually pretty-printed over many lines; {@link JsonArrayReader}) or
 * one object per line (JSON lines: ListenBrainz's export). The shape is told by the first character. Jackson's
 * streaming parser reads each record, so memory stays bounded whatever the file size; each record keeps the line of
 * every field name, so a bad value is reported where it is, not where its record starts. A malformed record is
 * reported at the line and column of the error and skipped; reading goes on with the next one.
 */
final class JsonRecords {
    /** Records larger than this (Spotify's are about 1 KB) are reported and skipped rather than held in memory. */
    static final int MAX_RECORD_BYTES = 1 << 20;

    /** Strict JSON, for a record alone: a JSON line, or an array's bad record read again to say what is wrong. */
    static final JsonFactory JSON = JsonFactory.builder().build();
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

    /** Thrown while a record is read past {@link #MAX_RECORD_BYTES}, before it is all in memory. */
    static final class TooLarge extends JsonProcessingException {
        TooLarge() {
            super("the record is too large");
        }
    }

    /** Reads {@code file}, giving each well-formed object record to {@code records} and each problem to {@code problems}. */
    static void read(Path file, String source, Consumer<JsonRecord> records, Consumer<Problem> problems) throws IOException {
        PushbackInputStream raw = new PushbackInputStream(Files.newInputStream(file), 3);
        try (JsonInput in = new JsonInput(raw)) {
            byte[] head = raw.readNBytes(3);
            int bom = ByteLines.byteOrderMark(head, head.length);
            if (bom < 0) {
                problems.accept(Problem.error(source, 1, "", "the file is UTF-16; save it as UTF-8"));
                return;
            }
            raw.unread(head, bom, head.length - bom); // offsets (and columns) count from after a byte order mark
            int c = in.skipWhitespace();
            long at = in.pos();
            if (c == -1) {
                problems.accept(Problem.warning(source, 0, "", "the file is empty"));
            } else if (c == '[') {
                JsonArrayReader.read(in, at + 1, in.line(), source, records, problems);
            } else if (c == '{') { // a stream of its own: JsonInput would keep every line from its mark on
                try (InputStream rest = Files.newInputStream(file)) {
                    rest.skipNBytes(bom + at);
                    readLines(rest, in.line(), in.column(at), source, records, problems);
                }
            } else {
                problems.accept(Problem.error(source, in.line(), "", "column " + in.column(at)
                        + ": expected a JSON array ('[') or one JSON object per line ('{'), found " + describe(c)));
            }
        }
    }

    /** JSON lines: each line is parsed on its own, so a bad line costs itself only. */
    private static void readLines(InputStream rest, long firstLine, int firstCol, String source,
                                  Consumer<JsonRecord> records, Consumer<Problem> problems) throws IOException {
        try (ByteLines lines = new ByteLines(rest)) {
            long offset = firstLine - 1; // lines before the first record (leading blank lines)
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

    // ---------------------------------------------------------------- one record

    /** Parses one record's bytes, which start at {@code line}:{@code col}, reporting what is wrong with them. */
    static void parse(byte[] bytes, int length, long line, int col, String source, Consumer<JsonRecord> records,
                      Consumer<Problem> problems) throws IOException {
        JsonRecord record;
        try (JsonParser p = JSON.createParser(bytes, 0, length)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                problems.accept(Problem.error(source, line, "", "column " + col + ": expected a JSON object, found "
                        + describe(t)));
                return;
            }
            record = record(p, line, Long.MAX_VALUE);
            JsonToken after = p.nextToken();
            if (after != null) {
                long[] at = position(bytes, p.currentTokenLocation().getByteOffset(), line, col);
                problems.accept(Problem.error(source, at[0], "", "column " + at[1]
                        + ": unexpected content after the end of the object; the line is skipped"));
                return;
            }
        } catch (JsonProcessingException ex) {
            int bad = ByteLines.firstMalformedUtf8(bytes, length);
            long[] at = position(bytes, bad >= 0 ? bad : ex.getLocation() == null ? 0 : ex.getLocation().getByteOffset(),
                    line, col);
            String what = bad >= 0 ? "not valid UTF-8 (the file must be UTF-8 encoded)" : "malformed JSON: " + message(ex);
            problems.accept(Problem.error(source, at[0], "", "column " + at[1] + ": " + what
                    + (at[0] == line ? "" : " (in the record that starts on line " + line + ")") + "; the record is skipped"));
            return;
        }
        records.accept(record);
    }

    /**
     * The object whose '{' the parser is at.
     *
     * @param base  the file line of the parser's first line
     * @param limit the parser's byte offset past which the record is {@link TooLarge}
     */
    static JsonRecord record(JsonParser p, long base, long limit) throws IOException {
        Map<String, Long> fieldLines = new HashMap<>();
        long line = base + p.currentTokenLocation().getLineNr() - 1;
        ObjectNode node = object(p, "", fieldLines, base, limit);
        if (p.currentLocation().getByteOffset() > limit) {
            throw new TooLarge(); // checked on the way to stop early, and at the end to be exact
        }
        return new JsonRecord(node, line, fieldLines);
    }

    private static ObjectNode object(JsonParser p, String path, Map<String, Long> lines, long base, long limit)
            throws IOException {
        ObjectNode o = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t == null) {
                throw new IllegalStateException("JSON parser ended inside an object"); // Jackson reports this first
            }
            String name = p.currentName();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            lines.putIfAbsent(fieldPath, base + checked(p, limit).getLineNr() - 1);
            o.set(name, value(p, p.nextToken(), fieldPath, lines, base, limit));
        }
        return o;
    }

    private static JsonNode value(JsonParser p, JsonToken t, String path, Map<String, Long> lines, long base, long limit)
            throws IOException {
        if (t == null) {
            throw new IllegalStateException("JSON parser ended before a value");
        }
        return switch (t) {
            case START_OBJECT -> object(p, path, lines, base, limit);
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    checked(p, limit);
                    a.add(value(p, e, path, lines, base, limit));
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

    /** The current token's location, once it is known not to be past {@code limit}. */
    private static JsonLocation checked(JsonParser p, long limit) throws TooLarge {
        JsonLocation loc = p.currentTokenLocation();
        if (loc.getByteOffset() > limit) {
            throw new TooLarge();
        }
        return loc;
    }

    /** The file line and column of a byte offset inside a record's bytes that start at {@code line}:{@code col}. */
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
        return new long[] {l, ByteLines.column(bytes, lineStart, end, lineStart == 0 ? c : 1)};
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

    /** White space other than a line end. */
    static boolean blank(int b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    static String describe(int c) {
        if (c >= 0x20 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02X", c);
    }
}
