package io.melograph.scene;

import io.melograph.TestGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's suggested listeners: most plays first, over songs only, names and the simulated flag kept. */
class ActiveListenersTest {

    @BeforeAll
    static void graph() {
        TestGraph.clear();
        try (Session s = TestGraph.connection().session()) {
            s.run("""
                    CREATE (a:Song {id: 's:a'}), (b:Song {id: 's:b'}), (c:Song {id: 's:c'}), (x:Artist {id: 'ar:x'})
                    CREATE (many:User:Synthetic {id: 'sim:user:many', name: 'Many Songs'})-[:LISTENED {plays: 1}]->(a),
                           (many)-[:LISTENED {plays: 1}]->(b), (many)-[:LISTENED {plays: 1}]->(c)
                    CREATE (loud:User {id: 'real:loud'})-[:LISTENED {plays: 40}]->(a)
                    CREATE (artistOnly:User {id: 'real:artist-only'})-[:LISTENED {plays: 500}]->(x)
                    CREATE (:User {id: 'real:silent'})
                    """).consume();
        }
    }

    @Test
    void mostPlaysFirstSongsOnly() {
        List<ActiveListeners.Listener> top = new ActiveListeners(TestGraph.connection()).top(10);
        assertEquals(List.of(new ActiveListeners.Listener("real:loud", "real:loud", 40, 1, false),
                new ActiveListeners.Listener("sim:user:many", "Many Songs", 3, 3, true)), top);
    }

    @Test
    void limit() {
        assertEquals(List.of("real:loud"), new ActiveListeners(TestGraph.connection()).top(1).stream()
                .map(ActiveListeners.Listener::id).toList());
    }
}
