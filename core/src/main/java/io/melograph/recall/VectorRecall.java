package io.melograph.recall;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.CypherFile;
import io.melograph.recall.ListenerContext.Seed;

import io.melograph.neighbours.Neighbour;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Songs close to what the listener loves in graph-embedding space, from the {@code song_embedding} vector index:
 * the query vector is the weighted mean of the seed songs' embeddings (for a listener without seeds in the request,
 * their most played songs weighted by plays; for a song, that song). With artist seeds only, each artist stands in
 * as the mean of its songs' embeddings. Each candidate names the seed it is closest to.
 */
public final class VectorRecall extends VectorChannel implements ItemChannel {
    public static final String NAME = "vector";
    private static final String SONG_VECTORS = CypherFile.load("recall/song-vectors.cypher").statement();
    private static final String ARTIST_SONG_VECTORS = CypherFile.load("recall/artist-song-vectors.cypher").statement();

    public VectorRecall(GraphConnection graph) {
        super(graph, NAME,
                "Songs near the listener's favourite songs in graph-embedding space (vector index song_embedding)");
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        boolean bySongs = !context.songs().isEmpty() || context.artists().isEmpty();
        List<Seed> seeds = bySongs ? context.songs() : context.artists();
        // the search leaves the seeds out itself
        return search.search(new VectorSearch.Request(NAME, "song_embedding", "song",
                bySongs ? SONG_VECTORS : ARTIST_SONG_VECTORS, seeds, bySongs && seeds.isEmpty() ? context.userId() : null,
                context.exclude(), limit, VectorRecall::reason), budget);
    }

    @Override
    public List<Neighbour> neighbours(ListenerContext oneSong, int limit, Duration budget) {
        String songName = oneSong.songs().get(0).name();
        return recall(oneSong, limit, budget).stream().map(c -> new Neighbour(c.itemId(), c.itemType(),
                c.name(), c.score(), c.path(), java.util.Arrays.asList(songName == null ? "?" : songName, c.name() == null ? "?" : c.name()),
                1, null)).toList();
    }

    /** Artist seeds matter only when there are no song seeds. */
    @Override
    public boolean readsArtistSeeds() {
        return false;
    }

    @Override
    public List<Candidate> candidates(List<Neighbour> neighbours, ListenerContext context) {
        Map<String, Seed> seeds = new HashMap<>();
        context.songs().forEach(s -> seeds.put(s.id(), s));
        return neighbours.stream().map(n -> {
            Seed seed = seeds.getOrDefault(n.path().get(0), new Seed(n.path().get(0), n.names().get(0), 1.0, 0));
            return new Candidate(n.id(), n.type(), n.name(), n.score(), NAME, reason(seed), n.path());
        }).toList();
    }

    static String reason(Seed seed) {
        return seed.plays() > 0
                ? "Sounds like *" + seed.name() + "*, which you played " + VectorSearch.times(seed.plays())
                : "Close to *" + seed.name() + "* in the music graph";
    }
}
