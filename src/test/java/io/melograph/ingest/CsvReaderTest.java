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
}
