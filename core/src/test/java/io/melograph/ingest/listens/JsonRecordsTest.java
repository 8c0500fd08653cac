package io.melograph.ingest.listens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonRecordsTest {
    @TempDir
    Path dir;

    private final List<JsonRecords.JsonRecord> records = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private void read(String content) throws IOException {
        read(content.getBytes(StandardCharsets.UTF_8));
    }

    private void read(byte[] content) throws IOException {
        JsonRecords.read(Parsed.write(dir, "f.json", content), "f.json", records::add, p -> problems.add(p.toString()));
    }

    /** Each record's "n" and the line it starts on. */
    private List<String> names() {
        return records.stream().map(r -> r.node().path("n").asText() + "@" + r.line()).toList();
    }

    @Test
    void arrayRecordsKeepTheLineOfTheirBraceAndOfEachField() throws IOException {
        read("[\n  {\n    \"n\": \"a\",\n    \"deep\": {\"x\": 1,\n      \"y\": [{\"z\": 2}]}\n  },\n  {\"n\": \"b\"}\n]\n");
        assertEquals(List.of("a@2", "b@7"), names());
        JsonRecords.JsonRecord a = records.get(0);
        assertEquals(3, a.lineOf("n"));
        assertEquals(4, a.lineOf("deep.x"));
        assertEquals(5, a.lineOf("deep.y.z"));
        assertEquals(2, a.lineOf("absent"), "an absent field is reported at its record");
        assertEquals(List.of(), problems);
    }

    @Test
    void aMalformedRecordIsReportedAtItsLineAndColumnAndTheNextOneIsRead() throws IOException {
        read("[\n{\"n\": \"a\"},\n{\"n\": \"é\",\n \"m\" 1},\n{\"n\": \"c\"}\n]");
        assertEquals(List.of("a@2", "c@5"), names());
        assertEquals(List.of("f.json:4: column 6: malformed JSON: Unexpected character ('1' (code 49)): was expecting "
                + "a colon to separate field name and value (in the record that starts on line 3); the record is skipped"),
                problems);
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        read("[{\"n\": \"Sigur Rós\", \"m\": 1 2}]"); // the '2' is the 28th character, the 29th byte
        assertEquals(List.of("f.json:1: column 28: malformed JSON: Unexpected character ('2' (code 50)): was expecting "
                + "comma to separate Object entries; the record is skipped"), problems);
    }

    @Test
    void anUnterminatedStringCostsItsRecordOnly() throws IOException {
        read("[\n  {\"n\": \"a\", \"m\": \"no closing quote},\n  {\"n\": \"b\"}\n]\n");
        assertEquals(List.of("b@3"), names());
        assertEquals(List.of("f.json:2: column 38: malformed JSON: Illegal unquoted character ((CTRL-CHAR, code 10)): has to "
                + "be escaped using backslash to be included in string value; the record is skipped"), problems);
    }

    @Test
    void inAnIndentedArrayARecordWithoutItsBraceIsCutWhereTheNextOneStarts() throws IOException {
        read("[\n  {\n    \"n\": \"a\",\n    \"m\": 1\n  ,\n  {\n    \"n\": \"b\"\n  }\n]\n");
        assertEquals(List.of("b@6"), names());
        assertEquals(List.of("f.json:6: column 3: malformed JSON: Unexpected end-of-input within/between Object entries "
                + "(in the record that starts on line 2); the record is skipped"), problems);
    }

    @Test
    void aTruncatedFileCostsTheRestOfTheFileOnce() throws IOException {
        read("[\n  {\"n\": \"a\"},\n  {\"n\": \"b\", \"m\": [1, 2");
        assertEquals(List.of("a@2"), names());
        assertEquals(List.of("f.json:3: column 3: this record is not closed before the end of the file (a '}' or '\"' is "
                + "missing); the rest of the file could not be read"), problems);
    }

    @Test
    void aMissingCommaBetweenRecordsIsReportedAndBothAreRead() throws IOException {
        read("[{\"n\": \"a\"} {\"n\": \"b\"}]");
        assertEquals(List.of("a@1", "b@1"), names());
        assertEquals(List.of("f.json:1: column 13: expected ',' or ']' after the record that starts on line 1, found '{'"),
                problems);
    }

    @Test
    void structuralOdditiesOfTheArray() throws IOException {
        read("[ {\"n\": \"a\"}, 42, , {\"n\": \"b\"} ] trailing");
        assertEquals(List.of("a@1", "b@1"), names());
        assertEquals(List.of(
                "f.json:1: column 15: expected a JSON object, found a number",
                "f.json:1: column 19: unexpected ',' (an empty element)",
                "f.json:1: column 34: unexpected 't' after the closing ']' of the array; ignored"), problems);
    }

    @Test
    void anArrayCutShortIsReported() throws IOException {
        read("[{\"n\": \"a\"},\n{\"n\": \"b\"}\n");
        assertEquals(List.of("a@1", "b@2"), names());
        assertEquals(List.of("f.json:3: the array is not closed: ']' is missing at the end of the file"), problems);
    }

    @Test
    void jsonLinesGoOnAfterABadLine() throws IOException {
        read("\n{\"n\": \"a\"}\r\n{\"n\": \"b\"\n\n  {\"n\": \"c\"} {\"n\": \"d\"}\n[1]\n{\"n\": \"e\"}");
        assertEquals(List.of("a@2", "e@7"), names());
        assertEquals(List.of(
                "f.json:3: column 10: malformed JSON: Unexpected end-of-input: expected close marker for Object; "
                        + "the record is skipped",
                "f.json:5: column 14: unexpected content after the end of the object; the line is skipped",
                "f.json:6: column 1: expected a JSON object, found an array"), problems);
    }

    @Test
    void byteOrderMarksUtf16AndEmptyFiles() throws IOException {
        read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '{', '"', 'n', '"', ':', '"', 'a', '"', '}', ']'});
        read(new byte[] {(byte) 0xFF, (byte) 0xFE, '[', 0});
        read("  \n");
        assertEquals(List.of("a@1"), names());
        assertEquals(List.of("f.json:1: the file is UTF-16; save it as UTF-8", "f.json: the file is empty (warning)"), problems);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyAre() throws IOException {
        read("[{\"n\": \"Caf\u00e9\"}, {\"n\": \"ok\"}]".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("ok@1"), names());
        assertEquals(List.of("f.json:1: column 12: not valid UTF-8 (the file must be UTF-8 encoded); the record is skipped"),
                problems);
    }

    @Test
    void aRecordLargerThanTheLimitIsReportedAndReadingGoesOn() throws IOException {
        String big = "{\"n\": \"big\", \"s\": \"" + "x".repeat(JsonRecords.MAX_RECORD_BYTES) + "\"}";
        read("[\n  {\"n\": \"a\"},\n  " + big + ",\n  {\"n\": \"b\"}\n]\n");
        read("{\"n\": \"c\"}\n" + big + "\n{\"n\": \"d\"}\n");
        assertEquals(List.of("a@2", "b@4", "c@1", "d@3"), names());
        assertEquals(List.of("f.json:3: the record is larger than 1 MiB; skipped", "f.json:2: the line is longer than 1 MiB; skipped"),
                problems);
    }

    @Test
    void aWellFormedRecordIsReadWhateverItsIndentation() throws IOException {
        read("[\n  {\"n\": \"a\", \"m\": [\n1\n],\n  \"o\": {\"p\": 1\n  }},\n  {\"n\": \"b\"}\n]\n");
        assertEquals(List.of("a@2", "b@7"), names());
        assertEquals(List.of(), problems);
    }
}
