package io.melograph.ingest;

import io.melograph.TestGraph;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleKeywordsTest {
    private static final Path KEYWORDS = Path.of("import/sample/dbpedia-music/keywords.tsv");
    private final GraphConnection graph = TestGraph.connection();

    @BeforeEach
    void fixture() {
        TestGraph.clear();
        try (Session s = graph.session()) {
            s.run("""
                    CREATE (ar:Artist {id: 'a', name: 'Band', description: 'An English band.'})
                    CREATE (al:Album {id: 'al', name: 'LP', description: 'The second album, mostly hard rock.', releaseDate: date('1977-10-14')})
                    CREATE (al)-[:BY]->(ar)
                    CREATE (s1:Song {id: 's1', name: 'One', description: 'A power ballad in the rhythm and blues style, recorded across the country.'})
                    CREATE (s2:Song {id: 's2', name: 'Two', description: 'An instrumental piece.', releaseDate: date('1981-01-01')})
                    CREATE (s3:Song {id: 's3', name: 'Three', description: 'A Christmas song with blues guitar.'})
                    CREATE (s1)-[:ON_ALBUM]->(al), (s2)-[:ON_ALBUM]->(al)
                    """).consume();
        }
    }

    @Test
    void descriptionsNameGenresAndTagsAndTheRestIsInherited() throws Exception {
        SampleKeywords.apply(graph, KEYWORDS);
        assertEquals(List.of("genre:r-and-b"), linked("s1", "HAS_GENRE"), "rhythm and blues is R&B, not blues; 'the country' is no genre");
        assertEquals(List.of("tag:ballad"), linked("s1", "TAGGED"));
        assertEquals(List.of("genre:hard-rock", "genre:rock"), linked("s2", "HAS_GENRE"), "a song without genre words takes its album's");
        assertEquals(List.of("tag:1980s", "tag:instrumental"), linked("s2", "TAGGED"));
        assertEquals(List.of("genre:blues"), linked("s3", "HAS_GENRE"));
        assertEquals(List.of("tag:christmas"), linked("s3", "TAGGED"));
        assertEquals(List.of("genre:hard-rock", "genre:rock"), linked("a", "HAS_GENRE"), "an artist takes its albums' genres");
        assertEquals(List.of("tag:1970s"), linked("al", "TAGGED"));
    }

    @Test
    void runningTwiceAddsNothing() throws Exception {
        SampleKeywords.apply(graph, KEYWORDS);
        long before = relationships();
        SampleKeywords.apply(graph, KEYWORDS);
        assertEquals(before, relationships());
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws Exception {
        Path bad = Files.createTempFile("keywords", ".tsv");
        Files.writeString(bad, "# header\ngenre\tgenre:x\tX\trock\nmood\tsad\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleKeywords.read(bad));
        assertTrue(e.getMessage().contains(bad + ":3"), e.getMessage());
    }

    private List<String> linked(String id, String type) {
        try (Session s = graph.session()) {
            return s.run("MATCH ({id: $id})-[r]->(t) WHERE type(r) = $type RETURN t.id AS t ORDER BY t", Map.of("id", id, "type", type))
                    .list(r -> r.get("t").asString());
        }
    }

    private long relationships() {
        try (Session s = graph.session()) {
            return s.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
        }
    }
}
