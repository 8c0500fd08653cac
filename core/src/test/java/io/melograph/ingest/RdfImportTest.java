package io.melograph.ingest;

import io.melograph.TestGraph;
import io.melograph.graph.GraphStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RdfImportTest {
    private static final String PREFIXES = """
            @prefix mg: <http://melograph.io/ontology#> .
            @prefix id: <http://melograph.io/id/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;
    private final ImportFiles files = ImportFiles.load();

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        TestGraph.clear();
    }

    private ImportReport run(Path... paths) throws IOException {
        return new Importer(TestGraph.connection(), files.ontology(), ImportProgress.NONE)
                .run(files.rdf(List.of(paths)), Importer.Options.defaults());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static GraphStats.Counts counts() {
        return GraphStats.count(TestGraph.connection());
    }

    @Test
    void importsTheDbpediaSampleThroughItsAlignment() throws IOException {
        ImportReport r = run(Path.of("import/sample/dbpedia-music/music.ttl.gz"));
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        GraphStats.Counts c = counts();
        assertEquals(3749, c.node("Song"));
        assertEquals(1037, c.node("Album"));
        assertEquals(3810, c.relationship("ON_ALBUM"));
        assertEquals(7296, c.relationship("WRITTEN_BY"));
        assertEquals(208, c.relationship("MEMBER_OF"));
        try (Session s = TestGraph.connection().session()) {
            assertEquals("The Beatles", s.run("MATCH (a:Artist {id: 'dbpedia:The_Beatles'}) RETURN a.name AS n").single().get("n").asString());
            assertEquals(4, s.run("MATCH (:Artist {id: 'dbpedia:The_Beatles'})<-[:MEMBER_OF]-(m) RETURN count(m) AS n").single().get("n").asInt());
            assertEquals("A Friend for Life", s.run("MATCH (s:Song {id: 'dbpedia:A_Friend_for_Life__A_Friend_for_Life__1'}) "
                    + "RETURN s.name AS n").single().get("n").asString(), "a song without a name is named from its IRI");
            assertEquals(367, s.run("MATCH (s:Song {id: 'dbpedia:%22Heroes%22_(David_Bowie_song)'}) RETURN s.durationSec AS d")
                    .single().get("d").asInt());
        }
        assertTrue(r.warnings() > 0, "several release dates and a 33-hour song are reported");
        ImportReport again = run(Path.of("import/sample/dbpedia-music/music.ttl.gz"));
        assertEquals(0L, again.created().get("nodes"));
        assertEquals(0L, again.created().get("relationships"));
        assertEquals(c, counts());
    }

    @Test
    void theAlignedTriplesWaitInAScratchStoreOnDiskThatTheImportDeletes() throws IOException {
        Path ttl = write("two.ttl", PREFIXES + """
                id:s1 a mg:Song ; mg:name "One" ; mg:by id:a1 .
                id:a1 a mg:Artist ; mg:name "Artist" .
                """);
        List<Path> before = scratchStores(); // other imports may run on this machine: only new stores count
        List<Path> during = new java.util.ArrayList<>();
        List<Row> rows = new java.util.ArrayList<>();
        ImportSource source = files.rdf(List.of(ttl)).get(0);
        source.read(row -> {
            rows.add(row);
            try {
                scratchStores().stream().filter(p -> !before.contains(p) && !during.contains(p)).forEach(during::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(2, rows.size(), "a row per typed resource, read from the store");
        assertTrue(!during.isEmpty() && Files.isDirectory(during.get(0)), "a TDB2 store on disk while the file is read");
        List<Row> again = new java.util.ArrayList<>();
        source.read(again::add);
        assertEquals(rows.stream().map(Row::where).toList(), again.stream().map(Row::where).toList(), "read again, same rows");
        source.close();
        assertTrue(during.stream().noneMatch(Files::exists), "deleted when the source is closed");

        // the importer closes its sources itself
        List<Path> beforeImport = scratchStores();
        ImportReport r = run(ttl);
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        assertTrue(beforeImport.containsAll(scratchStores()), "no store left behind");
    }

    private static List<Path> scratchStores() throws IOException {
        try (java.util.stream.Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("melograph-rdf-")).toList();
        }
    }

    @Test
    void importsMusicOntologyInTurtleAndRdfXml() throws IOException {
        Path examples = Path.of("core/src/test/resources/musicontology"); // the project's own, in the MO examples' style
        ImportReport r = run(examples.resolve("lanterns.n3"), examples.resolve("lanterns.rdf"));
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        try (Session s = TestGraph.connection().session()) {
            List<String> tracks = s.run("MATCH (t:Song) RETURN t.name AS n ORDER BY n").list(x -> x.get("n").asString());
            assertEquals(List.of("'Paper Moon Harbour' on 'First Light'", "'Paper Moon Harbour' on 'Lanterns Live'"), tracks);
            assertEquals("The Paper Lanterns", s.run("MATCH (a:Artist {id: 'http://music.example.org/lanterns#band'}) RETURN a.name AS n")
                    .single().get("n").asString());
        }
    }

    /** The Music Ontology's own examples, where they are (profile shared-datasets). */
    @Test
    @Tag("shared-datasets")
    void importsMusicOntologyExamplesInTurtleAndRdfXml() throws IOException {
        Path examples = TestGraph.shared("datasets/musicontology/examples");
        ImportReport r = run(examples.resolve("clapton.n3"), examples.resolve("phil_and_mary.rdf"));
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        try (Session s = TestGraph.connection().session()) {
            List<String> tracks = s.run("MATCH (t:Song) RETURN t.name AS n ORDER BY n").list(x -> x.get("n").asString());
            assertEquals(List.of("'I Feel Free' on 'Best of Cream'", "'I Feel Free' on 'Fresh Cream'"), tracks);
            assertEquals("The Needles", s.run("MATCH (a:Artist {id: 'http://music.org/needles#theneedles'}) RETURN a.name AS n")
                    .single().get("n").asString());
        }
    }

    @Test
    void syntaxErrorsRejectTheFileWithTheirLine() throws IOException {
        ImportReport r = run(write("bad.ttl", PREFIXES + "id:s1 a mg:Song .\nid:s2 a mg:Song ; mg:name \"x\" @@ .\n"));
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        assertTrue(r.problems().get(0).toString().startsWith("bad.ttl:5: syntax: "), r.problems().get(0).toString());
        assertEquals(0, counts().node("Song"));
        // a string the line end broke is reported on its own line, not the next one's
        ImportReport broken = run(write("broken.ttl", PREFIXES + "id:s1 a mg:Song .\nid:s2 mg:name \"unterminated .\nid:s3 a mg:Song .\n"));
        assertTrue(broken.problems().get(0).toString().startsWith("broken.ttl:5: syntax: "), broken.problems().get(0).toString());
    }

    @Test
    void shapeViolationsNameTheResourceAndProperty() throws IOException {
        ImportReport r = run(write("catalog.ttl", PREFIXES + """
                id:s1 a mg:Song ; mg:name "Fine" ; mg:durationSec 200 .
                id:s2 a mg:Song ; mg:name "Negative" ; mg:durationSec -5 .
                id:t1 a mg:Tag .
                id:v1 a mg:Video ; mg:name "No song" .
                id:s3 mg:name "Typed by range" ; mg:onAlbum id:a1 .
                id:a1 mg:name "An album" ; mg:releaseDate "not a date" .
                """));
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        List<String> problems = r.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("catalog.ttl: <http://melograph.io/id/s2>: durationSec: ")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("catalog.ttl: <http://melograph.io/id/t1>: name: ")), problems.toString());
        assertTrue(problems.contains("catalog.ttl: <http://melograph.io/id/v1>: features: a video must feature at least one song"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("catalog.ttl: <http://melograph.io/id/a1>: releaseDate: ")), problems.toString());
        assertEquals(0, counts().node("Song"));
    }

    @Test
    void jsonLdInTheMelographVocabulary() throws IOException {
        ImportReport r = run(write("songs.jsonld", """
                {"@context": {"mg": "http://melograph.io/ontology#", "id": "http://melograph.io/id/"},
                 "@graph": [
                   {"@id": "id:song-1", "@type": "mg:Song", "mg:name": "Uno",
                    "mg:performedBy": {"@id": "id:artist-1"}},
                   {"@id": "id:artist-1", "@type": "mg:Artist", "mg:name": "Una"}
                 ]}
                """));
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        try (Session s = TestGraph.connection().session()) {
            assertEquals("Una", s.run("MATCH (:Song {id: 'song-1'})-[:PERFORMED_BY]->(a:Artist) RETURN a.name AS n").single().get("n").asString());
        }
    }

    @Test
    void nTriplesAndGzip() throws IOException {
        Path nt = write("artists.nt", "<http://melograph.io/id/artist-9> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                + "<http://melograph.io/ontology#Artist> .\n<http://melograph.io/id/artist-9> <http://melograph.io/ontology#name> \"Nine\" .\n");
        Path gz = dir.resolve("songs.ttl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((PREFIXES + "id:song-9 a mg:Song ; mg:name \"Nueve\" ; mg:performedBy id:artist-9 .\n").getBytes(StandardCharsets.UTF_8));
        }
        ImportReport r = run(nt, gz);
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        assertEquals(1, counts().relationship("PERFORMED_BY"), "the reference crosses files");
    }

    @Test
    void nonUtf8TurtleIsRefused() throws IOException {
        Path p = dir.resolve("latin1.ttl");
        Files.write(p, (PREFIXES + "id:s1 a mg:Song ; mg:name \"Caf\u00e9\" .\n").getBytes(StandardCharsets.ISO_8859_1));
        ImportReport r = run(p);
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        assertEquals("latin1.ttl:4: syntax: not valid UTF-8 (Turtle files must be UTF-8 encoded)", r.problems().get(0).toString());
    }
}
