package io.melograph.ingest.listens;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.melograph.ingest.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static io.melograph.ingest.listens.JsonRecords.MAX_RECORD_BYTES;

/**
 * The records of a top-level JSON array, read by Jackson's streaming parser. Jackson stops for good at a syntax error,
 * so the bad element is then read by hand as far as its end, parsed alone to say what is wrong with it, and a new
 * parser goes on after it (its first line is the bad element's next line). The hand reading follows strings and
 * brackets and resyncs on the layout: a JSON string cannot span lines, so a broken string ends at its line end, and in
 * an indented array a line that starts with '{' at the records' column is the next record, so a record that lost its
 * '}' costs only itself. A record still open at the end of the file (a truncated download) costs the rest of the
 * file, reported once.
 */
final class JsonArrayReader {
    /** What a new parser reads first: four bytes, as Jackson's encoding detection looks at four. */
    private static final byte[] RESTART = "[   ".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = JsonRecords.JSON.rebuild()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the input outlives its parsers
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_RECORD_BYTES).build())
            .build();
    /** How the hand reading of an element ends. */
    private static final int CLOSED = 0;
    private static final int CUT = 1;
    private static final int EOF = 2;

    private final JsonInput in;
    private final String source;
    private final Consumer<JsonRecords.JsonRecord> records;
    private final Consumer<Problem> problems;
    private JsonParser parser;
    private long base;        // the file offset of the parser's offset 0 (the restart bytes come first)
    private long baseLine;    // the file line of the parser's first line
    private long end;         // where the last element ended (or the parser started), and its line
    private long endLine;
    private long elementLine; // the line of the last element read
    private boolean afterElement;

    private JsonArrayReader(JsonInput in, String source, Consumer<JsonRecords.JsonRecord> records,
                            Consumer<Problem> problems) {
        this.in = in;
        this.source = source;
        this.records = records;
        this.problems = problems;
    }

    /** Reads the array whose '[' is just before {@code offset}, on {@code line}. */
    static void read(JsonInput in, long offset, long line, String source, Consumer<JsonRecords.JsonRecord> records,
                     Consumer<Problem> problems) throws IOException {
        JsonArrayReader reader = new JsonArrayReader(in, source, records, problems);
        try {
            reader.restart(offset, line);
            reader.run();
        } finally {
            if (reader.parser != null) {
                reader.parser.close();
            }
        }
    }

    private void run() throws IOException {
        for (boolean more = true; more; ) {
            JsonToken t;
            try {
                t = parser.nextToken();
            } catch (JsonProcessingException e) { // between elements: read on by hand from the last one's end
                in.seek(end, endLine);
                more = afterElement ? separator() : emptyOrElement();
                continue;
            }
            if (t == JsonToken.END_ARRAY) {
                JsonLocation after = parser.currentLocation();
                in.seek(base + after.getByteOffset(), baseLine + after.getLineNr() - 1);
                trailing();
                return;
            }
            JsonLocation start = parser.currentTokenLocation();
            long at = base + start.getByteOffset();
            long line = baseLine + start.getLineNr() - 1;
            in.mark(at);
            JsonRecords.JsonRecord record = t == JsonToken.START_OBJECT ? record(at) : null;
            if (record == null) {
                more = element(at, line);
                continue;
            }
            JsonLocation after = parser.currentLocation();
            end = base + after.getByteOffset();
            endLine = baseLine + after.getLineNr() - 1;
            elementLine = line;
            afterElement = true;
            records.accept(record);
        }
    }

    /** The object the parser is at, null when it is not well-formed or too large. */
    private JsonRecords.JsonRecord record(long at) throws IOException {
        try {
            return JsonRecords.record(parser, baseLine, at - base + MAX_RECORD_BYTES);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The element at {@code at} is not a good record: reads it by hand as far as its end, parses it alone to say why,
     * and goes on after it. False when that costs the rest of the file.
     */
    private boolean element(long at, long line) throws IOException {
        int col = in.column(at);
        int indent = col > 1 && in.firstOnLine(at) ? col : -1;
        in.seek(at, line);
        int how = cut(indent);
        if (how == EOF) {
            problems.accept(Problem.error(source, line, "", "column " + col + ": this record is not closed before the end "
                    + "of the file (a '}' or '\"' is missing); the rest of the file could not be read"));
            return false;
        }
        if (in.pos() - at > MAX_RECORD_BYTES) {
            problems.accept(Problem.error(source, line, "", "the record is larger than " + (MAX_RECORD_BYTES >> 20)
                    + " MiB; skipped"));
        } else {
            byte[] bytes = in.bytes(at, in.pos());
            JsonRecords.parse(bytes, bytes.length, line, col, source, records, problems);
        }
        elementLine = line;
        if (how == CUT) { // cut short where the next record (or the array's end) starts: no ',' to expect
            restart(in.pos(), in.line());
            return true;
        }
        return separator();
    }

    /**
     * Reads the element that starts at the resync's position as far as its end: {@link #CLOSED} after it, {@link #CUT}
     * where the layout says the next element starts, {@link #EOF} if the file ends first.
     */
    private int cut(int indent) throws IOException {
        long start = in.pos();
        return in.peek() == '{' || in.peek() == '[' ? container(start, indent) : scalar(start);
    }

    /** A scalar ends before the next ',', ']' or white space; a string (its first character only opens one), at its line end. */
    private int scalar(long start) throws IOException {
        boolean inString = in.peek() == '"';
        boolean escape = false;
        step(start);
        for (int b = in.peek(); inString ? b != '\n' : b != ',' && b != ']' && b != '\n' && !JsonRecords.blank(b); b = in.peek()) {
            if (b == -1) {
                return inString ? EOF : CLOSED;
            }
            step(start);
            if (escape) {
                escape = false;
            } else if (inString && b == '\\') {
                escape = true;
            } else if (b == '"') {
                inString = false;
            }
        }
        return CLOSED;
    }

    /**
     * An object or array ends at its matching bracket. A line end inside a string ends the string. In an indented
     * array, {@code indent} is the column of the records' braces: a line that starts with '{' at that column is the
     * next record and one that starts with ']' further left is the array's end, so a record that lacks its '}' (or
     * lost it to a broken string) is cut there, and a '}' at that column closes the record whatever the bracket count
     * says.
     */
    private int container(long start, int indent) throws IOException {
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        long lineStart = -1; // after a line end, until the line's first non-blank
        for (int b = in.peek(); b != -1; b = in.peek()) {
            if (lineStart >= 0 && b != '\n' && !JsonRecords.blank(b)) {
                long col = in.pos() - lineStart + 1; // only blanks before it: a byte each
                lineStart = -1;
                if (indent > 0 && (b == '{' && col == indent || b == ']' && col < indent)) {
                    return CUT;
                }
                if (indent > 0 && b == '}' && col == indent) {
                    step(start);
                    return CLOSED;
                }
            }
            step(start);
            if (b == '\n') {
                inString = false;
                escape = false;
                lineStart = in.pos();
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
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return CLOSED;
            }
        }
        return EOF;
    }

    /** One byte further; an element too large to parse is read through, not kept. */
    private void step(long start) throws IOException {
        in.advance();
        if (in.pos() - start > MAX_RECORD_BYTES) {
            in.mark(in.pos());
        }
    }

    /** After an element: expects ',' or ']'. False at the end of the array or of the file. */
    private boolean separator() throws IOException {
        int b = in.skipWhitespace();
        if (b == ',') {
            in.advance();
        } else if (b == ']') {
            in.advance();
            trailing();
            return false;
        } else if (b == -1) {
            return notClosed();
        } else {
            problems.accept(Problem.error(source, in.line(), "", "column " + in.column(in.pos()) + ": expected ',' or ']' "
                    + "after the record that starts on line " + elementLine + ", found " + JsonRecords.describe(b)));
        }
        restart(in.pos(), in.line()); // what follows is read as the next element
        return true;
    }

    /** Where an element should start: an empty one ({@code [ {..}, , {..} ]}) is reported, anything else read by hand. */
    private boolean emptyOrElement() throws IOException {
        int b = in.skipWhitespace();
        if (b == ',') {
            problems.accept(Problem.error(source, in.line(), "", "column " + in.column(in.pos())
                    + ": unexpected ',' (an empty element)"));
            in.advance();
            restart(in.pos(), in.line());
            return true;
        }
        if (b == -1) {
            return notClosed();
        }
        in.mark(in.pos());
        return element(in.pos(), in.line());
    }

    private boolean notClosed() {
        problems.accept(Problem.error(source, in.line(), "", "the array is not closed: ']' is missing at the end of the file"));
        return false;
    }

    /** After the closing ']': only white space. */
    private void trailing() throws IOException {
        int b = in.skipWhitespace();
        if (b != -1) {
            problems.accept(Problem.error(source, in.line(), "", "column " + in.column(in.pos()) + ": unexpected "
                    + JsonRecords.describe(b) + " after the closing ']' of the array; ignored"));
        }
    }

    /** A new parser, reading the file from {@code offset} (on {@code line}) as if an array started there. */
    private void restart(long offset, long line) throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.restart(offset, RESTART);
        parser = JSON.createParser(in);
        parser.nextToken(); // the restart's '['
        base = offset - RESTART.length;
        baseLine = line;
        end = offset;
        endLine = line;
        afterElement = false;
    }
}
