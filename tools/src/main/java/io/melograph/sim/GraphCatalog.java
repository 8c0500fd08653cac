package io.melograph.sim;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.List;

/** Reads the catalog in the graph as the simulator's songs ({@code cypher/sim/catalog-songs.cypher}). */
public final class GraphCatalog {
    private GraphCatalog() {}

    public static List<SimSong> songs(GraphConnection graph) {
        List<SimSong> songs = new ArrayList<>();
        try (Session s = graph.readSession()) {
            s.run(CypherFile.load("sim/catalog-songs.cypher").statement()).forEachRemaining(r -> songs.add(song(r)));
        }
        return songs;
    }

    private static SimSong song(Record r) {
        Value released = r.get("released");
        long day = released.isNull() ? SimSong.UNKNOWN_RELEASE : released.asLocalDate().toEpochDay();
        Value duration = r.get("durationSec");
        return new SimSong(r.get("id").asString(), r.get("title").isNull() ? null : r.get("title").asString(),
                r.get("artists").asList(Value::asString), r.get("genres").asList(Value::asString),
                r.get("tags").asList(Value::asString), r.get("language").isNull() ? null : r.get("language").asString(),
                duration.isNull() ? 0 : duration.asInt(), day);
    }
}
