package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.neighbours.CatalogChannels;
import io.melograph.neighbours.CatalogGraph;
import io.melograph.neighbours.Neighbour;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the in-memory channel computations to the channels' queries: every song, artist and video of the test graph,
 * every channel that starts from it.
 */
final class CatalogParity {
    private CatalogParity() {}

    /** Asserts both give the same lists for every song; returns how many neighbours were compared. */
    static int assertSameAsQueries(Map<String, RecallChannel> channels) {
        CatalogGraph catalog = CatalogGraph.load(TestGraph.connection());
        CatalogChannels computed = new CatalogChannels(catalog);
        int compared = 0;
        for (int seed : computed.seeds()) {
            for (String name : CatalogChannels.NAMES) {
                if (!computed.startsFrom(name, seed)) {
                    continue;
                }
                ItemChannel channel = (ItemChannel) channels.get(name);
                String id = catalog.id(seed);
                ListenerContext one = switch (catalog.type(seed)) {
                    case "song" -> ListenerContext.ofSong(id, catalog.name(seed));
                    case "artist" -> ListenerContext.ofArtist(id, catalog.name(seed));
                    default -> ListenerContext.ofWatched(id, catalog.name(seed));
                };
                List<String> query = lines(channel.neighbours(one, 100, Duration.ofSeconds(20)));
                List<String> memory = lines(computed.neighbours(name, seed, 100));
                assertEquals(query, memory, name + " for " + id);
                compared += query.size();
            }
        }
        assertTrue(compared > 0, "the graph gives the channels something to find");
        return compared;
    }

    private static List<String> lines(List<Neighbour> list) {
        return list.stream().map(n -> n.id() + " " + n.type() + " " + n.name() + " " + String.format(Locale.ROOT, "%.9f", n.score())
                + " " + n.path() + " " + n.names() + " " + n.support() + " " + n.detail()).toList();
    }
}
