package io.melograph.ingest;

import io.melograph.TestGraph;
import io.melograph.graph.GraphStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HetrecImportTest {
    private final ImportFiles files = ImportFiles.load();

    private ImportReport run(Path dir) throws IOException {
        return new Importer(TestGraph.connection(), files.ontology(), ImportProgress.NONE)
                .run(List.of(files.hetrec(dir)), Importer.Options.defaults());
    }

    /** The project's own small community in the HetRec format (core/src/test/resources/hetrec, made by its generate.py). */
    static final Path FIXTURE = Path.of("core/src/test/resources/hetrec");

    @Test
    void importsTheFixtureOnceAndOnlyOnce() throws IOException {
        TestGraph.clear();
        ImportReport first = run(FIXTURE);
        assertEquals(ImportReport.Outcome.IMPORTED, first.outcome(), first.problems().toString());
        assertEquals(1, first.warnings(), "the tag assignment to an artist artists.dat does not list");
        List<String[]> plays = rows("user_artists.dat");
        List<String[]> taggings = rows("user_taggedartists.dat");
        Set<String> users = new HashSet<>();
        plays.forEach(r -> users.add(r[0]));
        rows("user_friends.dat").forEach(r -> users.addAll(List.of(r[0], r[1])));
        taggings.forEach(r -> users.add(r[0]));
        GraphStats.Counts c = GraphStats.count(TestGraph.connection());
        assertEquals(users.size(), c.node("User"));
        assertEquals(rows("artists.dat").size(), c.node("Artist"));
        assertEquals(rows("tags.dat").size(), c.node("Tag"));
        assertEquals(plays.size(), c.relationship("LISTENED"));
        assertEquals(rows("user_friends.dat").size(), c.relationship("FOLLOWS"));
        assertEquals(taggings.size() - 1, c.relationship("APPLIED_TAG"));
        try (Session s = TestGraph.connection().session()) {
            Record r = s.run("MATCH (:User {id: 'hetrec:user:2'})-[l:LISTENED]->(a:Artist {id: 'hetrec:artist:51'}) RETURN l.plays AS p, a.name AS n").single();
            assertEquals(13883, r.get("p").asInt());
            assertEquals("Velvet Harbour", r.get("n").asString());
            Record t = s.run("MATCH (:User {id: 'hetrec:user:2'})-[x:APPLIED_TAG {tag: 'hetrec:tag:13'}]->(:Artist {id: 'hetrec:artist:52'}) "
                    + "RETURN x.at AS at").single();
            assertEquals(LocalDate.of(2009, 4, 1), t.get("at").asLocalDate());
            // tags.dat is Latin-1, artists.dat UTF-8: both decoded, not mangled
            assertEquals("chanson française", s.run("MATCH (t:Tag {id: 'hetrec:tag:14'}) RETURN t.name AS n").single().get("n").asString());
            assertEquals("Bjørk Fjord", s.run("MATCH (a:Artist {id: 'hetrec:artist:300'}) RETURN a.name AS n").single().get("n").asString());
        }
        importingAgainChangesNothing(FIXTURE, c);
    }

    private void importingAgainChangesNothing(Path dir, GraphStats.Counts before) throws IOException {
        ImportReport again = run(dir);
        assertEquals(0L, again.created().get("nodes"));
        assertEquals(0L, again.created().get("relationships"));
        assertEquals(before, GraphStats.count(TestGraph.connection()), "importing twice changes nothing");
    }

    /** A fixture file's data rows, split at tabs. */
    private static List<String[]> rows(String file) throws IOException {
        Charset charset = file.equals("tags.dat") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        return Files.readAllLines(FIXTURE.resolve(file), charset).stream().skip(1).map(l -> l.split("\t")).toList();
    }

    /** The real dataset, where it is (profile shared-datasets). */
    @Test
    @Tag("shared-datasets")
    void importsTheWholeDatasetOnceAndOnlyOnce() throws IOException {
        TestGraph.clear();
        Path dataset = TestGraph.shared("datasets/hetrec2011-lastfm-2k");
        ImportReport first = run(dataset);
        assertEquals(ImportReport.Outcome.IMPORTED, first.outcome(), first.problems().toString());
        assertEquals(1, first.warnings(), "the 1,538 tag assignments to unlisted artists");
        GraphStats.Counts c = GraphStats.count(TestGraph.connection());
        assertEquals(1892, c.node("User"));
        assertEquals(17632, c.node("Artist"));
        assertEquals(11946, c.node("Tag"));
        assertEquals(92834, c.relationship("LISTENED"));
        assertEquals(25434, c.relationship("FOLLOWS"));
        assertEquals(186479 - 1538, c.relationship("APPLIED_TAG"));
        try (Session s = TestGraph.connection().session()) {
            Record r = s.run("MATCH (:User {id: 'hetrec:user:2'})-[l:LISTENED]->(a:Artist {id: 'hetrec:artist:51'}) RETURN l.plays AS p, a.name AS n").single();
            assertEquals(13883, r.get("p").asInt());
            assertEquals("Duran Duran", r.get("n").asString());
            Record t = s.run("MATCH (:User {id: 'hetrec:user:2'})-[x:APPLIED_TAG {tag: 'hetrec:tag:13'}]->(:Artist {id: 'hetrec:artist:52'}) "
                    + "RETURN x.at AS at").single();
            assertEquals(LocalDate.of(2009, 4, 1), t.get("at").asLocalDate());
            assertTrue(s.run("MATCH (a:Artist {id: 'hetrec:artist:52'})-[t:TAGGED]->(:Tag {id: 'hetrec:tag:13'}) RETURN t.weight AS w")
                    .single().get("w").asDouble() >= 1);
            // tags.dat is Latin-1: decoded, not mangled
            assertTrue(s.run("MATCH (t:Tag) WHERE t.name CONTAINS '\\uFFFD' RETURN count(t) AS n").single().get("n").asInt() == 0);
        }
        importingAgainChangesNothing(dataset, c);
    }

    @Test
    void aFolderThatIsNotTheDatasetIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("artists.dat"), "id\tname\turl\tpictureURL\n");
        ImportReport r = run(dir);
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        assertTrue(r.problems().get(0).message().startsWith("not the HetRec 2011 Last.fm folder: missing tags.dat"), r.problems().toString());
    }

    @Test
    void badLinesAreLocated(@TempDir Path dir) throws IOException {
        for (String f : List.of("artists.dat", "tags.dat", "user_friends.dat", "user_taggedartists.dat")) {
            Files.writeString(dir.resolve(f), Files.readAllLines(FIXTURE.resolve(f), StandardCharsets.ISO_8859_1).get(0) + "\n");
        }
        Files.writeString(dir.resolve("artists.dat"), "id\tname\turl\tpictureURL\n1\tA\thttp://x\t\n");
        Files.writeString(dir.resolve("user_artists.dat"), "userID\tartistID\tweight\n2\t1\t10\n2\t1\tmany\n3\t99\t5\n");
        ImportReport r = run(dir);
        assertEquals(ImportReport.Outcome.INVALID, r.outcome());
        List<String> problems = r.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.contains("user_artists.dat:3: weight: expected an integer, got \"many\""), problems.toString());
        assertTrue(problems.contains("user_artists.dat:4: artistID: unknown Artist 'hetrec:artist:99' (neither in the imported files nor in the graph)"),
                problems.toString());
    }
}
