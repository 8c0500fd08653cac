package io.melograph.interest;

import io.melograph.TestGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cypher/train/song-facts.cypher on the harness: what a song is, never who played it. */
class CatalogFactsTest {

    @Test
    void songFactsAndTheFactsNextToThemButNoListeners() {
        TestGraph.clear();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    CREATE (a:Artist {id:'artist:blur', name:'Blur'}), (b:Artist {id:'artist:damon', name:'Damon'}),
                           (al:Album {id:'album:parklife', name:'Parklife'}), (g:Genre {id:'genre:britpop', name:'Britpop'}),
                           (t:Tag {id:'tag:90s', name:'90s'}), (l:Language {id:'lang:en', name:'English'}),
                           (s1:Song {id:'song:girls', name:'Girls & Boys'}), (s2:Song {id:'song:parklife', name:'Parklife'}),
                           (s3:Song {id:'song:lonely', name:'No facts'}), (u:User {id:'user:1'}),
                           (s1)-[:PERFORMED_BY]->(a), (s1)-[:ON_ALBUM]->(al), (s2)-[:ON_ALBUM]->(al), (s1)-[:IN_LANGUAGE]->(l),
                           (s2)-[:TAGGED {weight: 3}]->(t), (al)-[:BY]->(a), (a)-[:HAS_GENRE]->(g), (b)-[:MEMBER_OF]->(a),
                           (u)-[:LISTENED {count: 5}]->(s1), (s1)-[:CO_LISTENED {weight: 2}]->(s2)
                    """).consume();
        }
        CatalogFacts facts = CatalogFacts.read(TestGraph.connection());
        assertEquals(Set.of("song:girls", "song:parklife"), new HashSet<>(facts.songIds()), "songs with facts");
        facts.songs(List.of("song:from-the-journal"));
        KnowledgeTriples t = facts.triples();
        int songs = facts.songIds().size();
        assertEquals(3, songs);
        Set<String> relations = new HashSet<>(t.relations());
        assertEquals(Set.of("PERFORMED_BY", "ON_ALBUM", "IN_LANGUAGE", "TAGGED", "BY", "HAS_GENRE", "MEMBER_OF"), relations,
                "what songs are, not who played them (no LISTENED, no CO_LISTENED)");
        for (int k = 0; k < t.size(); k++) {
            assertTrue(t.tails()[k] >= songs, "a fact never points at a song");
        }
        // the album's artist is two hops from the song with no performer of its own
        SongNeighbourhood n = SongNeighbourhood.of(t, songs, 8);
        int parklife = facts.songIndex().get("song:parklife");
        Set<String> paths = new HashSet<>();
        for (int k = 0; k < n.count(parklife); k++) {
            paths.add(n.relations().get(n.relation(parklife, k)));
        }
        assertTrue(paths.contains("ON_ALBUM>BY") && paths.contains("TAGGED"), paths.toString());

        // the facts of one song alone give it the neighbourhood it has in the whole catalog
        SongNeighbourhood all = SongNeighbourhood.of(facts, 16);
        for (String song : List.of("song:girls", "song:parklife")) {
            SongNeighbourhood one = SongNeighbourhood.of(CatalogFacts.readSongs(TestGraph.connection(), List.of(song)), 16);
            assertEquals(named(all, facts.songIndex().get(song)), named(one, 0), song);
        }
        assertEquals(0, CatalogFacts.readSongs(TestGraph.connection(), List.of("song:lonely", "song:missing")).songIds().size());
    }

    /** The song's neighbours as path → entity id, in rank order. */
    private static List<String> named(SongNeighbourhood n, int song) {
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < n.count(song); k++) {
            out.add(n.relations().get(n.relation(song, k)) + " " + n.entityIds().get(n.entity(song, k)));
        }
        return out;
    }
}
