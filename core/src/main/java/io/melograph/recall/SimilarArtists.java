package io.melograph.recall;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.CypherFile;
import io.melograph.recall.ListenerContext.Seed;

import java.time.Duration;
import java.util.List;

/**
 * Artists close to the seed artists in graph-embedding space, from the {@code artist_embedding} vector index: for
 * one artist (similar-artist requests) or the weighted mean of a listener's favourite artists.
 */
public final class SimilarArtists extends VectorChannel {
    public static final String NAME = "vector-artists";
    private static final String ARTIST_VECTORS = CypherFile.load("recall/artist-vectors.cypher").statement();

    public SimilarArtists(GraphConnection graph) {
        super(graph, NAME,
                "Artists near the listener's favourite artists in graph-embedding space (vector index artist_embedding)");
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        // the search leaves the seeds out itself
        return search.search(new VectorSearch.Request(NAME, "artist_embedding", "artist", ARTIST_VECTORS,
                context.artists(), null, context.exclude(), limit, SimilarArtists::reason), budget);
    }

    static String reason(Seed seed) {
        return seed.plays() > 0
                ? "Close to *" + seed.name() + "*, whose songs you played " + VectorSearch.times(seed.plays())
                : "Close to *" + seed.name() + "* in the music graph";
    }
}
