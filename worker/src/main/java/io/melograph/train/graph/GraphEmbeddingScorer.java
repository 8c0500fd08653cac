package io.melograph.train.graph;

import io.melograph.embeddings.EmbeddingProfile;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.graph.CypherFile;
import io.melograph.graph.ScratchGraph;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.train.Hyperparameters;
import io.melograph.train.InteractionMatrix;
import io.melograph.train.Scorer;
import io.melograph.vectors.VectorMath;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Graph embeddings, the offline twin of the served vector recall: {@link #fit} writes the training split into a
 * scratch embedded Neo4j ({@link TrainingGraph}), runs the served FastRP configuration on it
 * ({@link GraphEmbeddings#train}, {@link EmbeddingProfile#weighted()}, seeded), reads the user and item vectors back and
 * stops the graph. An item scores the cosine between the user's profile and its vector; items without a vector (no
 * training listener, no tag) score −1, below every cosine.
 *
 * <ul>
 *   <li>{@code profile} {@code artists}: the weighted mean of the user's items' normalised vectors, as the served
 *       channels build their query vector from the listener's seeds; {@code user}: the user node's own vector;
 *       {@code both}: the normalised sum of the two;</li>
 *   <li>{@code plays} (for the item mean): {@code raw} play counts, as served, or {@code log} = log(1 + plays).</li>
 * </ul>
 * The embedding does not depend on these settings, so the vectors of the most recent (matrix, graph, seed,
 * dimensions) are kept and shared by the grid's settings (FastRP is deterministic from its seed).
 */
public final class GraphEmbeddingScorer implements Scorer {
    private static final Logger LOG = LoggerFactory.getLogger(GraphEmbeddingScorer.class);
    private record Key(InteractionMatrix train, KnowledgeTriples graph, long seed, int dimensions) {}

    /** Normalised vectors by dense index (null: none) and what the run did. */
    private record Vectors(float[][] items, float[][] users, int embeddedItems, int embeddedUsers, String summary) {}

    private static Key lastKey;
    private static Vectors lastVectors;

    private String profile = "artists";
    private boolean logPlays = true;
    private int dimensions = 64;
    private InteractionMatrix train;
    private Vectors vectors;

    @Override
    public List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        grid.add(Map.of("profile", "user"));
        for (String p : new String[] {"artists", "both"}) {
            for (String plays : new String[] {"raw", "log"}) {
                grid.add(Map.of("profile", p, "plays", plays));
            }
        }
        return grid;
    }

    /** Keys {@code profile} (user, artists, both), {@code plays} (raw, log) and {@code dimensions}. */
    @Override
    public void configure(Map<String, Object> params) {
        String p = params.getOrDefault("profile", profile).toString();
        String plays = params.getOrDefault("plays", logPlays ? "log" : "raw").toString();
        int d = Hyperparameters.number(params, "dimensions", dimensions).intValue();
        if (!List.of("user", "artists", "both").contains(p) || !List.of("raw", "log").contains(plays) || d < 2) {
            throw new IllegalArgumentException("bad kg-embedding hyperparameters: " + params);
        }
        profile = p;
        logPlays = plays.equals("log");
        dimensions = d;
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        this.train = train;
        this.vectors = embed(new Key(train, graph, seed, dimensions));
    }

    private static synchronized Vectors embed(Key key) {
        if (!key.equals(lastKey)) {
            lastVectors = compute(key);
            lastKey = key;
        }
        return lastVectors;
    }

    private static Vectors compute(Key key) {
        long started = System.nanoTime();
        try (ScratchGraph scratch = ScratchGraph.start()) {
            long writing = System.nanoTime();
            TrainingGraph.Written w = TrainingGraph.write(scratch.connection(), key.train(), key.graph());
            double written = (System.nanoTime() - writing) / 1e9;
            GraphEmbeddings.Result r = GraphEmbeddings.train(scratch.connection(), new GraphEmbeddings.Options(
                    GraphEmbeddings.Algorithm.FASTRP, key.dimensions(), key.seed(), EmbeddingProfile.weighted(), 2, 0, false));
            float[][] items = new float[key.train().items()][];
            float[][] users = new float[key.train().users()][];
            int embeddedItems = 0;
            int embeddedUsers = 0;
            for (Record row : scratch.connection().read(tx -> tx.run(CypherFile.load("embeddings/eval/vectors.cypher").statement()).list())) {
                float[] v = VectorMath.normalised(row.get("vector"));
                int idx = row.get("idx").asInt();
                if (row.get("user").asBoolean()) {
                    users[idx] = v;
                    embeddedUsers++;
                } else {
                    items[idx] = v;
                    embeddedItems++;
                }
            }
            // times go to the log, not the note: the report's notes stay the same from run to run
            LOG.info("kg-embedding fitted in {} s: graph written in {} s, embedded in {} s",
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9),
                    String.format(Locale.ROOT, "%.1f", written), String.format(Locale.ROOT, "%.1f", r.totalMillis() / 1e3));
            String summary = String.format(Locale.ROOT, "FastRP %d dimensions (served weights, seed %d) on %,d nodes "
                            + "(%,d plays, %,d item-tag, %,d user-user relationships)",
                    key.dimensions(), key.seed(), r.nodes(), w.listened(), w.tagged(), w.follows());
            return new Vectors(items, users, embeddedItems, embeddedUsers, summary);
        }
    }

    @Override
    public void scoreItems(int user, float[] out) {
        float[] p = profileOf(user);
        float[][] items = vectors.items();
        for (int i = 0; i < out.length; i++) {
            out[i] = items[i] == null ? -1f : p == null ? 0f : VectorMath.dot(p, items[i]);
        }
    }

    /** The user's unit profile vector (the other source when the chosen one is missing), or null when neither exists. */
    private float[] profileOf(int user) {
        float[] own = vectors.users()[user];
        return switch (profile) {
            case "user" -> own != null ? own : itemMean(user);
            case "artists" -> {
                float[] mean = itemMean(user);
                yield mean != null ? mean : own;
            }
            default -> {
                float[] mean = itemMean(user);
                if (own == null || mean == null) {
                    yield own == null ? mean : own;
                }
                float[] sum = new float[dimensions];
                add(sum, own);
                add(sum, mean);
                yield unit(sum);
            }
        };
    }

    /** The weighted mean direction of the user's items' vectors, or null when none has one. */
    private float[] itemMean(int user) {
        int[] items = train.itemsOf(user);
        float[] plays = train.weightsOf(user);
        float[] sum = new float[dimensions];
        boolean any = false;
        for (int k = 0; k < items.length; k++) {
            float[] v = vectors.items()[items[k]];
            float w = logPlays ? (float) Math.log1p(Math.max(0, plays[k])) : plays[k];
            if (v != null && w > 0) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += w * v[d];
                }
                any = true;
            }
        }
        return any ? unit(sum) : null;
    }

    private static void add(float[] sum, float[] v) {
        for (int d = 0; d < sum.length; d++) {
            sum[d] += v[d];
        }
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return null;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    @Override
    public String note() {
        return vectors == null ? "" : String.format(Locale.ROOT, "%,d of %,d items and %,d of %,d users have a vector; %s",
                vectors.embeddedItems(), train.items(), vectors.embeddedUsers(), train.users(), vectors.summary());
    }
}
