package io.melograph.recall;

import io.melograph.TestGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Names of a path's nodes, whatever their label, in the order asked; unknown ids left out; an id on two labels (a band
 * imported as Artist and Person) named once, as the artist.
 */
class NodeNamesTest {

    @BeforeAll
    static void graph() {
        TestGraph.clear();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    CREATE (:Song {id: 's:1', name: 'Love Me Do'}), (:Artist {id: 'a:1', name: 'The Beatles'}),
                           (:Album {id: 'al:1', name: 'Please Please Me'}), (:Person {id: 'p:1', name: 'George Martin'}),
                           (:Person {id: 'a:1', name: 'The Beatles'}),
                           (:Genre {id: 'g:1', name: 'Merseybeat'}), (:Tag {id: 't:1', name: '1960s'}),
                           (:Playlist {id: 'pl:1', name: 'Early Beatles'}), (:User {id: 'u:1'})
                    """).consume();
        }
    }

    @Test
    void everyLabelInTheOrderAsked() {
        List<NodeNames.Node> nodes = new NodeNames(TestGraph.connection())
                .of(List.of("u:1", "g:1", "missing", "s:1", "al:1", "p:1", "t:1", "pl:1", "a:1"));
        assertEquals(List.of(new NodeNames.Node("u:1", "u:1", "User"), new NodeNames.Node("g:1", "Merseybeat", "Genre"),
                new NodeNames.Node("s:1", "Love Me Do", "Song"), new NodeNames.Node("al:1", "Please Please Me", "Album"),
                new NodeNames.Node("p:1", "George Martin", "Person"), new NodeNames.Node("t:1", "1960s", "Tag"),
                new NodeNames.Node("pl:1", "Early Beatles", "Playlist"), new NodeNames.Node("a:1", "The Beatles", "Artist")), nodes);
    }
}
