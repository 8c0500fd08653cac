package io.melograph.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, row by row: fields may be quoted ({@code "a, ""b"""}) and span lines. Jackson's CSV parser splits
 * each row into fields; around it, {@link ByteLines} reads the file as lines of bytes so that each row is decoded as
 * strict UTF-8 on its own (a file in another encoding is reported at its row and field instead of turning into
 * mojibake) and memory stays bounded. A malformed row is returned as {@link Record#error()} and reading continues
 * with the next row; a parser alone stops at the first error. A field longer than {@link #MAX_FIELD} bytes or a row
 * longer than {@link #MAX_ROW} is an error of its row, read past without being kept: one endless line (a 3 GB line
 * compresses to a few MB) cannot exhaust memory.
 */
public final class CsvReader implements Closeable {
    /** The longest field kept (bytes): far above any catalog value, far below the heap. */
    public static final int MAX_FIELD = 1 << 20;
    /** The longest row kept (bytes, all fields). */
    public static final int MAX_ROW = 8 << 20;

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final ByteLines lines;
    private final ByteArrayOutputStream row = new ByteArrayOutputStream(256);
    private final Quotes quotes = new Quotes();
    private final ArrayDeque<Record> pending = new ArrayDeque<>();
    private boolean ended;

    /** A parsed row: its first line, its fields, or the reason it could not be parsed. */
    public record Record(long line, List<String> fields, String error) {}

    public CsvReader(InputStream in) throws IOException {
        this.lines = new ByteLines(in, MAX_ROW, true);
        if (lines.utf16()) { // nothing in it reads as UTF-8: one error, then the end
            pending.add(new Record(1, List.of(), "the file is UTF-16; save it as UTF-8"));
            ended = true;
        }
    }

    /** The next row, or null at the end of input. Empty lines are skipped. */
    public Record next() throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        if (ended) {
            return null;
        }
        do {
            if (!lines.next()) {
                return null;
            }
        } while (lines.length() == 0 && !lines.tooLong());
        long start = lines.number();
        row.reset();
        quotes.reset();
        String tooLong = follow(true);
        while (quotes.inside) {
            byte[] lineEnd = lines.ending(); // inside the quoted field: part of its value, as written
            if (!lines.next()) {
                return new Record(start, List.of(), "unterminated quoted field starting on line " + start);
            }
            quotes.lineBreak(lineEnd.length);
            if (tooLong == null) {
                if (row.size() + lineEnd.length > MAX_ROW) {
                    tooLong = tooLong();
                } else {
                    row.write(lineEnd, 0, lineEnd.length);
                }
            }
            String problem = follow(tooLong == null);
            tooLong = tooLong != null ? tooLong : problem;
        }
        // an oversized row is reported without its fields (they would be kept with the problem)
        if (tooLong != null) {
            return new Record(start, List.of(), tooLong);
        }
        if (quotes.afterClosingQuote > 0) {
            return new Record(start, List.of(), "unexpected character after the closing quote of field " + quotes.afterClosingQuote);
        }
        return parse(start);
    }

    private String tooLong() {
        return quotes.fieldBytes >= MAX_FIELD ? "field " + quotes.field + " longer than " + MAX_FIELD + " bytes"
                : "row longer than " + MAX_ROW + " bytes (from field " + quotes.field + " on)";
    }

    /**
     * Follows the quotes of the current line and adds it to the row while {@code keeping}; the row's problem when
     * the line does not fit. Past that nothing more is kept; of the part of a line {@link ByteLines} read past only its
     * quotes are known (inside a quoted field that is enough to tell whether the field ended).
     */
    private String follow(boolean keeping) {
        byte[] bytes = lines.bytes();
        int length = lines.length();
        int room = keeping ? Math.max(0, MAX_ROW - row.size()) : 0;
        if (length <= room && !lines.tooLong()) {
            quotes.scan(bytes, 0, length);
            row.write(bytes, 0, length);
            return null;
        }
        int cut = Math.min(length, room);
        quotes.scan(bytes, 0, cut);
        String problem = keeping ? tooLong() : null;
        quotes.scan(bytes, cut, length);
        if (lines.tooLong() && quotes.inside && lines.droppedQuotes() % 2 == 1) {
            quotes.inside = false; // inside a quoted field quotes come in pairs ("") but for the closing one
        }
        return problem;
    }

    /** Splits a whole row into fields; more than one record if the row holds a lone carriage return (a row end too). */
    private Record parse(long start) throws IOException {
        byte[] bytes = row.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        // bytes that are not UTF-8 became replacement characters; only then is the row checked strictly
        int bad = text.indexOf('\uFFFD') >= 0 ? ByteLines.firstMalformedUtf8(bytes, bytes.length) : -1;
        String error = bad < 0 ? null : "field " + fieldAt(bytes, bad) + " is not valid UTF-8 (the file must be UTF-8 encoded)";
        List<List<String>> rows = new ArrayList<>();
        try (JsonParser p = CSV.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY && p.getParsingContext().getParent().inArray()) {
                    rows.add(new ArrayList<>());
                } else if (t == JsonToken.VALUE_STRING) {
                    rows.get(rows.size() - 1).add(p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            int field = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).size() + 1;
            String message = e.getOriginalMessage();
            return new Record(start, List.of(), message != null && message.contains("Expected column separator")
                    ? "unexpected character after the closing quote of field " + field
                    : "field " + field + ": " + (message == null ? "unreadable" : message.lines().findFirst().orElse("")));
        }
        if (rows.isEmpty()) {
            rows.add(new ArrayList<>());
        }
        for (List<String> fields : rows) {
            if (fields.isEmpty()) {
                fields.add(""); // a row of one empty quoted field ("")
            }
            if (bad >= 0) { // the fields that are not UTF-8: kept empty, as they cannot be shown
                fields.replaceAll(f -> f.indexOf('\uFFFD') >= 0 ? "" : f);
            }
            for (int i = 0; i < fields.size(); i++) {
                String f = fields.get(i);
                if (f.length() > MAX_FIELD / 3 && f.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD) {
                    return new Record(start, List.of(), "field " + (i + 1) + " longer than " + MAX_FIELD + " bytes");
                }
            }
            pending.add(new Record(start, fields, error));
        }
        return pending.poll();
    }

    /** The 1-based field a byte offset of the row falls in. */
    private static int fieldAt(byte[] bytes, int offset) {
        Quotes q = new Quotes();
        q.scan(bytes, 0, offset);
        return q.field;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /**
     * Where a row stands after some of its bytes, by RFC 4180's rules: a quote opens a field only at its start, and
     * inside a quoted field {@code ""} is a quote and a lone {@code "} closes it. Tells whether the row goes on past
     * the end of a line, and which field (of how many bytes so far) a position is in.
     */
    private static final class Quotes {
        boolean inside;
        boolean fieldStart;
        boolean closed;
        int field;
        int fieldBytes;
        /** The first field with something between its closing quote and the next comma (0: none). */
        int afterClosingQuote;

        void reset() {
            inside = false;
            fieldStart = true;
            closed = false;
            field = 1;
            fieldBytes = 0;
            afterClosingQuote = 0;
        }

        Quotes() {
            reset();
        }

        /** A line break of {@code n} bytes: inside a quoted field it is part of the field. */
        void lineBreak(int n) {
            if (inside) {
                fieldBytes += n;
            }
        }

        void scan(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (inside) {
                    if (b == '"') {
                        if (i + 1 < to && bytes[i + 1] == '"') {
                            i++;
                        } else {
                            inside = false;
                            closed = true;
                        }
                    }
                    fieldBytes++;
                    continue;
                } else if (b == ',') {
                    field++;
                    fieldBytes = 0;
                    fieldStart = true;
                    closed = false;
                    continue;
                } else if (closed && afterClosingQuote == 0) {
                    afterClosingQuote = field;
                } else if (b == '"' && fieldStart) {
                    inside = true;
                } else {
                    fieldBytes++;
                }
                fieldStart = false;
            }
        }
    }
}
