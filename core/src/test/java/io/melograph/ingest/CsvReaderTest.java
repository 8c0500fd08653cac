package io.melograph.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static List<CsvReader.Record> read(byte[] bytes) throws IOException {
        List<CsvReader.Record> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(bytes))) {
            for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec);
            }
        }
        return out;
    }

    private static List<CsvReader.Record> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsMaySpanLinesAndContainQuotes() throws IOException {
        List<CsvReader.Record> rows = read("id,name\r\n1,\"a, \"\"b\"\"\nc\"\r\n\n2,Café\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "a, \"b\"\nc"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("2", "Café"), rows.get(2).fields());
        assertEquals(5, rows.get(2).line(), "the row after a two-line field and a blank line");
    }

    @Test
    void emptyFieldsAndMissingFinalNewline() throws IOException {
        List<CsvReader.Record> rows = read("a,,c\n,,");
        assertEquals(List.of("a", "", "c"), rows.get(0).fields());
        assertEquals(List.of("", "", ""), rows.get(1).fields());
        assertNull(rows.get(1).error());
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\n', 'x', '\n'};
        assertEquals(List.of("id"), read(bom).get(0).fields());
    }

    @Test
    void latin1IsReportedAtItsLineAndReadingGoesOn() throws IOException {
        byte[] latin1 = "id,name\n1,Caf\u00e9\n2,ok\n".getBytes(StandardCharsets.ISO_8859_1);
        List<CsvReader.Record> rows = read(latin1);
        assertEquals(2, rows.get(1).line());
        assertTrue(rows.get(1).error().contains("field 2 is not valid UTF-8"), rows.get(1).error());
        assertNull(rows.get(2).error());
        assertEquals(List.of("2", "ok"), rows.get(2).fields());
    }

    @Test
    void utf16IsRefused() throws IOException {
        byte[] utf16 = "id\n".getBytes(StandardCharsets.UTF_16);
        assertTrue(read(utf16).get(0).error().contains("UTF-16"));
    }

    @Test
    void malformedQuotingIsAnErrorForThatRowOnly() throws IOException {
        List<CsvReader.Record> rows = read("a,\"b\"x,c\nd,e,f\n");
        assertTrue(rows.get(0).error().contains("after the closing quote"));
        assertEquals(List.of("d", "e", "f"), rows.get(1).fields());
        List<CsvReader.Record> open = read("a,\"never closed\n");
        assertTrue(open.get(0).error().contains("unterminated"));
    }
    @Test
    void anEndlessFieldIsAnErrorOfItsRowAndReadingGoesOn() throws IOException {
        // a 3 GB line compresses to a few MB; here 20 MB in one field, streamed, never held
        java.io.InputStream huge = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("id,name\n1,".getBytes(StandardCharsets.UTF_8)),
                new java.io.InputStream() {
                    long left = 20L << 20;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                },
                new ByteArrayInputStream("\n2,\"ok\"\n3,\"".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(new byte[CsvReader.MAX_FIELD + 10]),
                new ByteArrayInputStream("\"\n4,last\n".getBytes(StandardCharsets.UTF_8)))));
        List<CsvReader.Record> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(huge)) {
            for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
                rows.add(rec);
            }
        }
        assertEquals(5, rows.size(), rows.toString().substring(0, Math.min(500, rows.toString().length())));
        assertEquals(2, rows.get(1).line());
        assertEquals("field 2 longer than " + CsvReader.MAX_FIELD + " bytes", rows.get(1).error());
        assertTrue(rows.get(1).fields().isEmpty(), "not kept with the problem");
        assertEquals(List.of("2", "ok"), rows.get(2).fields(), "the next row is read as usual");
        assertEquals("field 2 longer than " + CsvReader.MAX_FIELD + " bytes", rows.get(3).error(), "a quoted one too");
        assertEquals(List.of("4", "last"), rows.get(4).fields());
        assertEquals(5, rows.get(4).line());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsATextQuoteAndEndsNoRowEarly() throws IOException {
        List<CsvReader.Record> rows = read("id,name\n1,12\" vinyl\n2,\"x\"\r3,ok\n");
        assertEquals(List.of("1", "12\" vinyl"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("2", "x"), rows.get(2).fields(), "a lone carriage return ends a row");
        assertEquals(List.of("3", "ok"), rows.get(3).fields());
        assertEquals(4, rows.get(3).line(), "and a line");
    }

    @Test
    void lineEndsInsideAQuotedFieldAreKeptAsWritten() throws IOException {
        List<CsvReader.Record> rows = read("id,notes\r\n1,\"a\r\nb\rc\nd\"\r\n2,ok\r\n");
        assertEquals(List.of("1", "a\r\nb\rc\nd"), rows.get(1).fields());
        assertEquals(List.of("2", "ok"), rows.get(2).fields());
    }

    @Test
    void onlyACommaOrALineEndMayFollowAClosingQuote() throws IOException {
        List<CsvReader.Record> rows = read("\"a\" ,b\nc,\"d\"\t\ne,f\n");
        assertEquals("unexpected character after the closing quote of field 1", rows.get(0).error());
        assertEquals("unexpected character after the closing quote of field 2", rows.get(1).error());
        assertEquals(List.of("e", "f"), rows.get(2).fields());
    }

    @Test
    void aRowThatFillsTheRowLimitToTheByteIsAnErrorNotACrash() throws IOException {
        String first = "1,\"" + "x".repeat(CsvReader.MAX_ROW - 3); // exactly MAX_ROW bytes, then a line break in the field
        List<CsvReader.Record> rows = read("id,v\n" + first + "\nmore\"\n2,ok\n");
        assertEquals(3, rows.size(), rows.get(1).error());
        assertTrue(rows.get(1).error().startsWith("field 2 longer than"), rows.get(1).error());
        assertEquals(List.of("2", "ok"), rows.get(2).fields());
        assertEquals(4, rows.get(2).line());
    }

    @Test
    void aQuotedFieldPastTheLineLimitStillEndsWhereItsQuoteCloses() throws IOException {
        String huge = "y".repeat(CsvReader.MAX_ROW + 100);
        List<CsvReader.Record> rows = read("id,v,w\n1,\"" + huge + "\nmore\",x\n2,ok,z\n");
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).error().startsWith("field 2 longer than"), rows.get(1).error());
        assertEquals(List.of("2", "ok", "z"), rows.get(2).fields(), "nothing of the long row taken for a row of its own");
    }

    @Test
    void aFieldOverManyLinesIsCutAndTheNextRowIsRead() throws IOException {
        String line = "y".repeat(999) + "\n";
        int lines = CsvReader.MAX_ROW / line.length() + 10; // each line is short, the quoted field is not
        StringBuilder text = new StringBuilder("id,notes\n1,\"");
        text.append(line.repeat(lines)).append("\"\n2,after\n");
        List<CsvReader.Record> rows = read(text.toString());
        assertEquals(3, rows.size());
        assertEquals("field 2 longer than " + CsvReader.MAX_FIELD + " bytes", rows.get(1).error());
        assertEquals(List.of("2", "after"), rows.get(2).fields());
        assertEquals(lines + 3, rows.get(2).line());
    }

    @Test
    void aRowOfManyLongFieldsIsCutAtTheRowLimit() throws IOException {
        String field = "z".repeat(CsvReader.MAX_FIELD - 100);
        String row = ("," + field).repeat(CsvReader.MAX_ROW / CsvReader.MAX_FIELD + 1);
        List<CsvReader.Record> rows = read("id" + row.replaceAll("z+", "n") + "\n1" + row + "\n2" + row.replaceAll("z+", "") + "\n");
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).error().startsWith("row longer than " + CsvReader.MAX_ROW + " bytes (from field "), rows.get(1).error());
        assertNull(rows.get(2).error());
        assertEquals(3, rows.get(2).line());
    }
}
