package io.melograph.vectors;

import io.github.jbellis.jvector.disk.ByteBufferReader;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A JVector graph (DiskANN-style, one layer, held on the heap) over {@link SongVectors}, the song index being the
 * graph ordinal. Online adds go through {@link GraphIndexBuilder#addGraphNode}; a replaced vector is deleted from the
 * graph (its neighbours relinked) and added again under the same ordinal. Saved as the vectors plus JVector's own
 * adjacency format; loading re-scores the edges from the vectors, so no rebuild.
 */
public final class JVectorSongIndex implements SongIndex {
    static final String FILE = "jvector.index";
    private static final String KIND = "jvector";
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();
    /** Dot product on unit vectors is the cosine; JVector maps it to (1 + dot) / 2. */
    private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    /** Graph degree, build beam, overflow allowed while inserting, and DiskANN's alpha (longer edges kept). */
    public record Settings(int degree, int buildBeam, float overflow, float alpha, int searchWidth) {
        public static final Settings DEFAULT = new Settings(16, 100, 1.2f, 1.2f, 200);
    }

    private final SongVectors songs;
    private final Settings settings;
    private final GraphIndexBuilder builder;
    private final ThreadLocal<GraphSearcher> searchers;
    private final RandomAccessVectorValues values;

    private JVectorSongIndex(SongVectors songs, Settings settings) {
        this.songs = songs;
        this.settings = settings;
        this.values = new Values(songs);
        this.builder = new GraphIndexBuilder(BuildScoreProvider.randomAccessScoreProvider(values, SIMILARITY),
                songs.dimensions(), settings.degree(), settings.buildBeam(), settings.overflow(), settings.alpha());
        this.searchers = ThreadLocal.withInitial(() -> new GraphSearcher(builder.getGraph()));
    }

    /** The graph over every song in {@code songs}, built on all cores. */
    public static JVectorSongIndex build(SongVectors songs, Settings settings) {
        JVectorSongIndex index = new JVectorSongIndex(songs, settings);
        IntStream.range(0, songs.upperBound()).parallel().filter(songs::contains)
                .forEach(song -> index.builder.addGraphNode(song, vector(songs.vector(song))));
        index.builder.cleanup(); // trims overflowing neighbour lists and picks the entry point, as build() does
        return index;
    }

    public static JVectorSongIndex load(Path dir, Settings settings) throws IOException {
        return IndexFile.read(dir.resolve(FILE), KIND, in -> read(in, settings));
    }

    @Override
    public synchronized void put(int song, String id, float[] vector) {
        if (builder.getGraph().containsNode(song)) {
            builder.markNodeDeleted(song);
            builder.removeDeletedNodes(); // relinks the old node's neighbours; frees the ordinal for the new vector
        }
        songs.put(song, id, vector);
        builder.addGraphNode(song, vector(songs.vector(song)));
    }

    @Override
    public List<SongHit> nearest(float[] query, int k, IntPredicate excluded) {
        float[] q = SongVectors.normalised(query, songs.dimensions());
        int width = Math.max(k, settings.searchWidth());
        SearchScoreProvider scores = SearchScoreProvider.exact(vector(q), SIMILARITY, values);
        SearchResult result = searchers.get().search(scores, width, width, 0f, 0f, song -> !excluded.test(song));
        List<SongHit> hits = new ArrayList<>(k);
        for (SearchResult.NodeScore node : result.getNodes()) {
            if (hits.size() == k) {
                break;
            }
            hits.add(songs.hit(node.node, q)); // the true cosine, not JVector's (1 + dot) / 2
        }
        return hits;
    }

    @Override
    public int size() {
        return songs.size();
    }

    @Override
    public int dimensions() {
        return songs.dimensions();
    }

    /** Bytes of the graph's adjacency on the heap (JVector's estimate; the vectors are not counted). */
    public long graphBytes() {
        return builder.getGraph().ramBytesUsed();
    }

    @Override
    public synchronized void save(Path dir) throws IOException {
        builder.cleanup(); // JVector refuses to save a graph with deleted nodes and overflowing lists
        IndexFile.write(dir.resolve(FILE), KIND, this::write);
    }

    private void write(DataOutputStream out) throws IOException {
        songs.write(out);
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        try {
            builder.getGraph().save(new DataOutputStream(graph));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.writeInt(graph.size());
        graph.writeTo(out);
    }

    private static JVectorSongIndex read(DataInputStream in, Settings settings) throws IOException {
        JVectorSongIndex index = new JVectorSongIndex(SongVectors.read(in), settings);
        byte[] graph = new byte[in.readInt()];
        in.readFully(graph);
        index.builder.load(new ByteBufferReader(ByteBuffer.wrap(graph)));
        int nodes = index.builder.getGraph().size();
        if (nodes != index.songs.size()) {
            throw new IOException("the graph has " + nodes + " nodes for " + index.songs.size() + " songs");
        }
        return index;
    }

    private static VectorFloat<?> vector(float[] values) {
        return VECTORS.createFloatVector(values);
    }

    /** The store seen as JVector's vector source: ordinal = song index, a wrapper over the stored array. */
    private record Values(SongVectors songs) implements RandomAccessVectorValues {
        @Override
        public int size() {
            return songs.upperBound();
        }

        @Override
        public int dimension() {
            return songs.dimensions();
        }

        @Override
        public VectorFloat<?> getVector(int song) {
            float[] v = songs.vector(song);
            // a hole in the song indexes is only read when JVector averages all ordinals for its entry point
            return vector(v != null ? v : new float[songs.dimensions()]);
        }

        @Override
        public boolean isValueShared() {
            return false;
        }

        @Override
        public RandomAccessVectorValues copy() {
            return this;
        }
    }
}
