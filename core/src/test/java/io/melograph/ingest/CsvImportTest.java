package io.melograph.ingest;

import io.melograph.TestGraph;
import io.melograph.graph.GraphStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvImportTest {
    private static final Path EXAMPLES = Path.of("import/examples/csv");
    private final ImportFiles files = ImportFiles.load();

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        TestGraph.clear();
    }

    private ImportReport run(Importer.Options options, Path... paths) throws IOException {
        return new Importer(TestGraph.connection(), files.ontology(), ImportProgress.NONE).run(files.csv(List.of(paths)), options);
    }

    private ImportReport run(Path... paths) throws IOException {
        return run(Importer.Options.defaults(), paths);
    }

    private static GraphStats.Counts counts() {
        return GraphStats.count(TestGraph.connection());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void importsEveryDocumentedKindAndIsIdempotent() throws IOException {
        ImportReport first = run(EXAMPLES);
        assertEquals(ImportReport.Outcome.IMPORTED, first.outcome(), first.problems().toString());
        assertEquals(0, first.errors());
        GraphStats.Counts c = counts();
        assertEquals(4, c.node("Song"));
        assertEquals(3, c.node("Artist"));
        assertEquals(1, c.node("Album"));
        assertEquals(3, c.node("Genre"));
        assertEquals(2, c.node("Language"));
        assertEquals(1, c.node("Video"));
        assertEquals(1, c.node("Mlog"));
        assertEquals(2, c.node("User"));
        assertEquals(1, c.node("Playlist"));
        assertEquals(3, c.relationship("CONTAINS"));
        assertEquals(2, c.relationship("FOLLOWS"));
        assertEquals(2, c.relationship("CREATED"));
        assertEquals(1, c.relationship("CO_LISTENED"));
        assertEquals(2, c.relationship("USES"));
        assertEquals(8, c.relationship("HAS_GENRE"));
        assertEquals(3, c.relationship("PRODUCED_BY"), "two album producers and one song producer");

        try (Session s = TestGraph.connection().session()) {
            Record song = s.run("MATCH (s:Song {id: 'song:champagne'})-[r:ON_ALBUM]->(a:Album) RETURN s, r, a").single();
            assertEquals("Seven and a half minutes,\nthe album's closing track", song.get("s").get("description").asString());
            assertEquals(12, song.get("r").get("track").asInt());
            assertEquals(451, song.get("s").get("durationSec").asInt());
            assertEquals(LocalDate.of(1995, 10, 2), song.get("a").get("releaseDate").asLocalDate());
            assertEquals(0.7, s.run("MATCH (:Song {id: 'song:champagne'})-[t:TAGGED]->() RETURN t.weight AS w").single().get("w").asDouble());
            assertEquals("Português (Brasil)", s.run("MATCH (l:Language {id: 'pt-BR'}) RETURN l.name AS n").single().get("n").asString());
        }

        ImportReport again = run(EXAMPLES);
        assertEquals(ImportReport.Outcome.IMPORTED, again.outcome());
        assertEquals(0L, again.created().get("nodes"));
        assertEquals(0L, again.created().get("relationships"));
        assertEquals(c, counts(), "a second import changes no counts");
    }

    @Test
    void invalidInputWritesNothingAndNamesEveryProblem() throws IOException {
        write("artists.csv", "id,name,colour\nartist:a,A,red\n");
        write("songs.csv", """
                id,name,durationSec,onAlbum,isrc
                song:1,One,abc,,
                song:2,Two,120,album:missing,
                ,Three,100,,
                song:4,Four,100
                song:5,Five,-3,,nope
                """);
        write("playlist_songs.csv", "playlist,song,pos\nplaylist:x,song:1,first\n");
        ImportReport r = run(dir);
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        assertEquals(2, r.exitCode());
        List<String> problems = r.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.contains("artists.csv:1: header: unknown column 'colour' (artists columns: id, name, country, "
                + "description, imageUrl, mbid, url, hasGenre, memberOf, tagged, tagged.weight)"), problems.toString());
        assertTrue(problems.contains("songs.csv:2: durationSec: expected an integer, got \"abc\""), problems.toString());
        assertTrue(problems.contains("songs.csv:3: onAlbum: unknown Album 'album:missing' (neither in the imported files nor in the graph)"),
                problems.toString());
        assertTrue(problems.contains("songs.csv:4: id: is required"), problems.toString());
        assertTrue(problems.contains("songs.csv:5: expected 5 fields like the header, found 3"), problems.toString());
        assertTrue(problems.contains("songs.csv:6: durationSec: -3 is below the minimum 0"), problems.toString());
        assertTrue(problems.contains("songs.csv:6: isrc: isrc must look like GBAYE6300412 (got \"nope\")"), problems.toString());
        assertTrue(problems.contains("playlist_songs.csv:2: pos: expected an integer, got \"first\""), problems.toString());
        assertTrue(counts().nodes().keySet().stream().allMatch(l -> l.equals("Migration")), "nothing was written");
    }

    @Test
    void skipInvalidWritesTheRestAndExplainsTheRejects() throws IOException {
        write("genres.csv", "id,name\ngenre:a,A\ngenre:b,\n");
        write("songs.csv", "id,name,hasGenre\nsong:1,One,genre:a\nsong:2,\"Two, too\",genre:b\nsong:3,Three,genre:a|genre:zzz\n");
        write("playlists.csv", "id,name\nplaylist:p,P\n");
        write("playlist_songs.csv", "playlist,song,pos\nplaylist:p,song:1,1\nplaylist:p,song:3,2\n");
        ImportReport r = run(new Importer.Options(false, true, 2), dir);
        assertEquals(ImportReport.Outcome.IMPORTED_WITH_REJECTS, r.outcome());
        assertEquals(0, r.exitCode());
        GraphStats.Counts c = counts();
        assertEquals(1, c.node("Genre"));
        assertEquals(1, c.node("Song"), "song:2 needs the rejected genre:b, song:3 an unknown genre");
        assertEquals(1, c.relationship("CONTAINS"), "the row with song:3 goes too");
        assertEquals(4, r.rowsRejected());
        String songRejects = Files.readString(dir.resolve("songs.csv.rejects.csv"));
        assertEquals("""
                _line,id,name,hasGenre,_reason
                3,song:2,"Two, too",genre:b,hasGenre: unknown Genre 'genre:b' (neither in the imported files nor in the graph)
                4,song:3,Three,genre:a|genre:zzz,hasGenre: unknown Genre 'genre:zzz' (neither in the imported files nor in the graph)
                """, songRejects);
        assertTrue(Files.readString(dir.resolve("genres.csv.rejects.csv")).contains("3,genre:b,,name: is required"));
        assertTrue(Files.readString(dir.resolve("playlist_songs.csv.rejects.csv")).contains("song: unknown Song 'song:3'"));
    }

    @Test
    void referencesMayNameWhatIsAlreadyInTheGraph() throws IOException {
        assertEquals(ImportReport.Outcome.IMPORTED, run(write("artists.csv", "id,name\nartist:x,X\n")).outcome());
        Files.delete(dir.resolve("artists.csv"));
        ImportReport r = run(write("songs.csv", "id,name,performedBy\nsong:y,Y,artist:x\n"));
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
        assertEquals(1, counts().relationship("PERFORMED_BY"));
    }

    @Test
    void dryRunOnlyValidates() throws IOException {
        ImportReport r = run(new Importer.Options(true, false, 100), EXAMPLES);
        assertEquals(ImportReport.Outcome.VALID, r.outcome());
        assertEquals(0, counts().node("Song"));
    }

    @Test
    void nonUtf8IsAnErrorWithItsLine() throws IOException {
        Files.write(dir.resolve("tags.csv"), "id,name\ntag:1,ok\ntag:2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ImportReport r = run(dir);
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        assertEquals("tags.csv:3: field 2 is not valid UTF-8 (the file must be UTF-8 encoded)", r.problems().get(0).toString());
        assertEquals(0, counts().node("Tag"));
    }

    @Test
    void triplesAreCheckedAgainstTheOntology() throws IOException {
        write("users.csv", "id\nuser:1\n");
        write("triples.csv", "head,relation,tail,head_label,tail_label\nuser:1,LIKES_A_LOT,x,,\nuser:1,FOLLOWS,user:1,,\n"
                + "user:1,FOLLOWS,user:1,,Song\nuser:1,performedBy,x,,\n");
        ImportReport r = run(dir);
        List<String> problems = r.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.get(0).startsWith("triples.csv:2: relation: 'LIKES_A_LOT' is not a relationship of the ontology"), problems.get(0));
        assertTrue(problems.contains("triples.csv:3: tail_label: is required: one of User, Artist"), problems.toString());
        assertTrue(problems.contains("triples.csv:4: tail_label: 'Song' is not allowed here; expected one of User, Artist"), problems.toString());
        assertTrue(problems.contains("triples.csv:5: head: unknown Song 'user:1' (neither in the imported files nor in the graph)"),
                problems.toString());
    }

    @Test
    void unknownFileKindsAreReported() throws IOException {
        ImportReport r = run(write("tracks.csv", "id\nx\n"));
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        assertFalse(r.problems().isEmpty());
        assertTrue(r.problems().get(0).toString().startsWith("tracks.csv: unknown CSV kind; name the file after one of: genres,"),
                r.problems().get(0).toString());
    }
}
