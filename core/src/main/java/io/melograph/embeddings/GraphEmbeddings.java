package io.melograph.embeddings;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.SchemaMigrations;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Node embeddings of the whole music graph with GDS: project the relationships chosen by an {@link EmbeddingProfile}
 * (undirected, weighted), run FastRP (or node2vec, for comparison), and store the vectors as {@code embedding} on
 * songs, artists, albums and users, where the {@code song_embedding} and {@code artist_embedding} vector indexes serve
 * them. Between runs, {@link #foldIn} gives new nodes a vector from their neighbours. All Cypher is in
 * {@code cypher/embeddings/}.
 */
public final class GraphEmbeddings {
    private static final Logger LOG = LoggerFactory.getLogger(GraphEmbeddings.class);
    /** The labels whose nodes keep an embedding (ontology: mg:embedding). */
    public static final List<String> LABELS = List.of("Song", "Artist", "Album", "User");

    public enum Algorithm {
        FASTRP, NODE2VEC;

        public static Algorithm parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param concurrency GDS threads; node2vec is only reproducible from its seed with 1, FastRP with any
     * @param holdout     0, or (evaluation only) leave out the CO_LISTENED relationships whose id is divisible by it
     * @param rebuildIndexes drop the vector indexes before writing and build them afresh after: faster on a large
     *                    catalog (1M songs: 12 min instead of 23, most of the difference in the store's shutdown,
     *                    docs/benchmarks.md), but vector recall finds nothing until they are online again
     */
    public record Options(Algorithm algorithm, int dimensions, long seed, EmbeddingProfile profile, int concurrency,
                          int holdout, boolean rebuildIndexes) {
        public Options {
            if (dimensions < 2 || dimensions > 4096) {
                throw new IllegalArgumentException("dimensions must be between 2 and 4096, not " + dimensions);
            }
        }

        public static Options fastRp(int dimensions, long seed) {
            return new Options(Algorithm.FASTRP, dimensions, seed, EmbeddingProfile.weighted(), 2, 0, false);
        }
    }

    /** What a training run did, with timings in milliseconds ({@code indexMillis}: rebuilding the vector indexes). */
    public record Result(Options options, long nodes, long relationships, long projectMillis, long computeMillis,
                         long writeMillis, long indexMillis, long written, long removed, Map<String, Long> embedded,
                         long totalMillis) {}

    /** What a fold-in did: how many nodes got a vector from their neighbours, how many still have none. */
    public record FoldIn(long added, Map<String, Long> missing, long millis) {}

    private GraphEmbeddings() {}

    /**
     * (Re)computes the embeddings of the whole graph and stores them on the nodes, outside the model registry
     * (evaluation, the replay's scratch graph; {@link EmbeddingVersions} for the served ones); the vector indexes follow
     * as it commits.
     */
    public static Result train(GraphConnection graph, Options o) {
        return run(graph, o, (s, name) -> {
            if (o.rebuildIndexes()) {
                SchemaMigrations.dropVectorIndexes(graph);
            }
            List<Record> written;
            long removed;
            long indexing = 0;
            try {
                written = s.run(CypherFile.load("embeddings/write.cypher").statement(), Map.of("graph", name, "labels", LABELS)).list();
                removed = s.run(CypherFile.load("embeddings/remove-stale.cypher").statement(),
                        Map.of("dimensions", o.dimensions(), "weights", o.profile().weights())).single().get("removed").asLong();
                s.run(CypherFile.load("embeddings/unstamp.cypher").statement()).consume();
            } finally {
                if (o.rebuildIndexes()) {
                    long t = System.nanoTime();
                    SchemaMigrations.createVectorIndexes(graph, o.dimensions(), 7_200);
                    indexing = millisSince(t);
                }
            }
            return new long[] {sum(written, "written"), sum(written, "millis"), removed, indexing};
        });
    }

    /**
     * Computes the embeddings as {@link #train} does but writes them to {@code file} ({@link VectorFile}) instead of
     * the nodes: a model version, which {@link #load} puts on the nodes when it is promoted.
     */
    public static Result export(GraphConnection graph, Options o, Path file) {
        return run(graph, o, (s, name) -> {
            long t = System.nanoTime();
            try (VectorFile out = VectorFile.create(file, o.dimensions())) {
                var stream = s.run(CypherFile.load("embeddings/stream.cypher").statement(), Map.of("graph", name, "labels", LABELS));
                while (stream.hasNext()) {
                    Record r = stream.next();
                    List<Object> values = r.get("vector").asList();
                    float[] v = new float[values.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = ((Number) values.get(i)).floatValue();
                    }
                    out.add(new VectorFile.Row(r.get("label").asString(), r.get("id").asString(), v));
                }
                out.close();
                return new long[] {out.rows(), millisSince(t), 0, 0};
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the vectors to " + file, e);
            }
        });
    }

    /** Where a run's computed vectors go: returns written, write millis, removed, index millis. */
    private interface Store {
        long[] store(Session session, String projectedGraph);
    }

    private static Result run(GraphConnection graph, Options o, Store store) {
        long started = System.nanoTime();
        String name = "melograph-embeddings-" + UUID.randomUUID();
        try (Session s = graph.session()) {
            Map<String, Object> project = new HashMap<>(o.profile().parameters());
            project.put("graph", name);
            project.put("holdout", o.holdout());
            Record projected = s.run(CypherFile.load("embeddings/project.cypher").statement(), project).single();
            long nodes = projected.get("nodes").asLong(0);
            if (nodes == 0) {
                LOG.info("Nothing to embed: no relationships of the profile's types");
                return new Result(o, 0, 0, projected.get("millis").asLong(0), 0, 0, 0, 0, 0, counts(graph),
                        millisSince(started));
            }
            try {
                Record computed = s.run(CypherFile.load("embeddings/" + o.algorithm() + ".cypher").statement(),
                        Map.of("graph", name, "config", config(o))).single();
                long[] stored = store.store(s, name);
                Result r = new Result(o, nodes, projected.get("relationships").asLong(), projected.get("millis").asLong(),
                        computed.get("millis").asLong(), stored[1], stored[3], stored[0], stored[2], counts(graph),
                        millisSince(started));
                LOG.info("Embeddings ({}, {} dimensions) of {} nodes in {} ms", o.algorithm(), o.dimensions(), nodes, r.totalMillis());
                return r;
            } finally {
                s.run(CypherFile.load("embeddings/drop-graph.cypher").statement(), Map.of("graph", name)).consume();
            }
        }
    }

    /** What loading a version did: vectors written, other versions' vectors removed, nodes folded in since. */
    public record Loaded(int dimensions, long written, long removed, long foldedIn, long millis) {}

    /**
     * Puts a version's vectors ({@link #export}) on the nodes, stamped with {@code version}: the vector indexes are
     * resized to its dimensions if need be and follow the writes, so a running service serves them without a restart.
     * Vectors of any other version are removed; nodes the version does not know (new since it was trained) get theirs
     * by {@link #foldIn} from its vectors.
     *
     * @param rebuildIndexes drop the vector indexes while writing and build them afresh after (as in {@link Options})
     */
    public static Loaded load(GraphConnection graph, Path file, String version, EmbeddingProfile profile, boolean rebuildIndexes) {
        long started = System.nanoTime();
        int dims = VectorFile.dimensions(file);
        SchemaMigrations.apply(graph, dims);
        if (rebuildIndexes) {
            SchemaMigrations.dropVectorIndexes(graph);
        }
        try {
            return loadInto(graph, file, version, profile, dims, started);
        } finally {
            if (rebuildIndexes) {
                SchemaMigrations.createVectorIndexes(graph, dims, 7_200);
            }
        }
    }

    private static Loaded loadInto(GraphConnection graph, Path file, String version, EmbeddingProfile profile, int dims, long started) {
        String statement = CypherFile.load("embeddings/load.cypher").statement();
        long[] written = {0};
        try (Session s = graph.session()) {
            VectorFile.read(file, 5_000, rows -> {
                List<Map<String, Object>> params = new ArrayList<>(rows.size());
                for (VectorFile.Row r : rows) {
                    List<Double> v = new ArrayList<>(r.vector().length);
                    for (float f : r.vector()) {
                        v.add((double) f);
                    }
                    params.add(Map.of("label", r.label(), "id", r.id(), "vector", v));
                }
                written[0] += s.executeWrite(tx -> tx.run(statement, Map.of("rows", params, "version", version)).single()
                        .get("written").asLong());
            });
            long removed = s.run(CypherFile.load("embeddings/remove-other-versions.cypher").statement(), Map.of("version", version))
                    .single().get("removed").asLong();
            FoldIn folded = foldIn(graph, profile, dims);
            return new Loaded(dims, written[0], removed, folded.added(), millisSince(started));
        }
    }

    /**
     * The cheap incremental path: nodes without an embedding (new since the last training run) get the weighted
     * mean of the vectors of their own kind two hops away (cypher/embeddings/fold-in.cypher). Two passes, so a new
     * album by a new artist can still reach a vector through nodes folded in by the first.
     */
    public static FoldIn foldIn(GraphConnection graph, EmbeddingProfile profile, int dimensions) {
        long started = System.nanoTime();
        long before = missing(counts(graph));
        Map<String, Object> params = new HashMap<>(profile.parameters());
        params.put("dimensions", dimensions);
        params.put("labels", LABELS);
        try (Session s = graph.session()) {
            for (int pass = 0; pass < 2; pass++) {
                s.run(CypherFile.load("embeddings/fold-in.cypher").statement(), params).consume();
            }
        }
        Map<String, Long> after = counts(graph);
        Map<String, Long> missing = new LinkedHashMap<>();
        for (String label : LABELS) {
            missing.put(label, after.get(label + ".total") - after.get(label));
        }
        return new FoldIn(before - missing(after), missing, millisSince(started));
    }

    /** The version whose vectors most embedded songs carry (what vector recall serves), if any. */
    public static Optional<String> liveVersion(GraphConnection graph) {
        List<Record> rows = graph.read(tx -> tx.run(CypherFile.load("embeddings/live-version.cypher").statement()).list());
        return rows.isEmpty() || rows.get(0).get("version").isNull() ? Optional.empty() : Optional.of(rows.get(0).get("version").asString());
    }

    /** Nodes with an embedding per label ({@code Song}) and all nodes per label ({@code Song.total}). */
    public static Map<String, Long> counts(GraphConnection graph) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Record r : graph.read(tx -> tx.run(CypherFile.load("embeddings/counts.cypher").statement()).list())) {
            out.put(r.get("label").asString(), r.get("embedded").asLong());
            out.put(r.get("label").asString() + ".total", r.get("total").asLong());
        }
        return out;
    }

    private static long sum(List<Record> rows, String key) {
        return rows.stream().mapToLong(r -> r.get(key).asLong()).sum();
    }

    private static long missing(Map<String, Long> counts) {
        long n = 0;
        for (String label : LABELS) {
            n += counts.get(label + ".total") - counts.get(label);
        }
        return n;
    }

    /** The algorithm's GDS configuration; everything seeded. */
    static Map<String, Object> config(Options o) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mutateProperty", "embedding");
        c.put("embeddingDimension", o.dimensions());
        c.put("relationshipWeightProperty", "weight");
        c.put("randomSeed", o.seed());
        c.put("concurrency", o.concurrency());
        if (o.algorithm() == Algorithm.FASTRP) {
            // neighbours at 1, 2 and 3 hops: songs meet through their artist/album (2 hops) and through
            // listeners and playlists (2-3 hops)
            c.put("iterationWeights", List.of(0.0, 1.0, 1.0, 0.5));
            c.put("normalizationStrength", o.profile().normalizationStrength());
        } else {
            c.put("walkLength", 40);
            c.put("walksPerNode", 10);
            c.put("windowSize", 10);
            c.put("iterations", 1);
        }
        return c;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
