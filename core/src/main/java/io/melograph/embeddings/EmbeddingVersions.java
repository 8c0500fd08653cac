package io.melograph.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.util.Folders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Graph embeddings as versions in the model registry ({@code models/embeddings/<version>/}): the vectors of every
 * song, artist, album and listener ({@link VectorFile}) with the recipe that made them (algorithm, dimensions, seed,
 * relationship profile). Training only stores a version; promoting one (or rolling back to one) puts its vectors on
 * the nodes, where the vector indexes follow the writes, so a running service serves them without a restart. The
 * card's window is the journal the graph had aggregated when it was trained, and its hash covers those events and the
 * vectors.
 */
public final class EmbeddingVersions {
    public static final String KIND = "embeddings";
    public static final String VECTORS = "vectors.bin.gz";
    static final String RECIPE = "recipe.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a version was made: enough to make it again on other data (the replay judges recipes that way). */
    public record Recipe(String algorithm, int dimensions, long seed, String profile) {
        public static Recipe of(GraphEmbeddings.Options o) {
            return new Recipe(o.algorithm().toString(), o.dimensions(), o.seed(), o.profile().name());
        }

        /** The training options; node2vec is reproducible from its seed only single-threaded. */
        public GraphEmbeddings.Options options() {
            GraphEmbeddings.Algorithm a = GraphEmbeddings.Algorithm.parse(algorithm);
            return new GraphEmbeddings.Options(a, dimensions, seed, EmbeddingProfile.named(profile),
                    a == GraphEmbeddings.Algorithm.NODE2VEC ? 1 : 2, 0, false);
        }

        @Override
        public String toString() {
            return algorithm + ", " + dimensions + " dimensions, seed " + seed + ", relationships " + profile;
        }
    }

    /** A version whose vectors are stored, before it is judged: its card is written by {@link #store}. */
    public record Trained(String version, Recipe recipe, GraphEmbeddings.Result result, String windowFrom, String windowTo,
                          String dataHash) {}

    private EmbeddingVersions() {}

    /** Computes the graph's embeddings with {@code options} into a new version folder (the nodes are not touched). */
    public static Trained train(ModelRegistry registry, GraphConnection graph, EventHistory history, GraphEmbeddings.Options options,
                                Instant now) throws IOException {
        String version = registry.newVersion(KIND, now);
        Path dir = registry.dir(KIND, version);
        try {
            Recipe recipe = Recipe.of(options);
            GraphEmbeddings.Result result = GraphEmbeddings.export(graph, options, dir.resolve(VECTORS));
            if (result.written() == 0) {
                throw new IllegalArgumentException("nothing to embed: the graph has no relationships of the profile "
                        + options.profile().name());
            }
            Files.writeString(dir.resolve(RECIPE), JSON.writeValueAsString(recipe), StandardCharsets.UTF_8);
            MessageDigest hash = ModelRegistry.dataHash();
            long[] window = {Long.MAX_VALUE, Long.MIN_VALUE};
            history.readAll((e, after) -> {
                hash.update((e.eventId() + "\n").getBytes(StandardCharsets.UTF_8));
                window[0] = Math.min(window[0], e.ts());
                window[1] = Math.max(window[1], e.ts());
            });
            try (InputStream vectors = Files.newInputStream(dir.resolve(VECTORS))) { // streamed: a large catalog's file is big
                vectors.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), hash));
            }
            String from = window[0] == Long.MAX_VALUE ? now.toString() : Instant.ofEpochMilli(window[0]).toString();
            String to = window[1] == Long.MIN_VALUE ? now.toString() : Instant.ofEpochMilli(window[1] + 1).toString();
            return new Trained(version, recipe, result, from, to, HexFormat.of().formatHex(hash.digest()));
        } catch (IOException | RuntimeException e) {
            Folders.delete(dir);
            throw e;
        }
    }

    /** Writes the version's card: from now on it is listed. */
    public static ModelCard store(ModelRegistry registry, Trained t, Instant now, Map<String, Double> metrics, String note) {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.put("dimensions", (double) t.recipe().dimensions());
        m.put("vectors", (double) t.result().written());
        ModelCard card = new ModelCard(KIND, t.version(), now.toString(), t.windowFrom(), t.windowTo(), t.dataHash(), m,
                t.recipe() + "; " + note);
        registry.store(card);
        return card;
    }

    public static Recipe recipe(ModelRegistry registry, String version) {
        Path file = registry.dir(KIND, version).resolve(RECIPE);
        try {
            return JSON.readValue(file.toFile(), Recipe.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recipe of embeddings version " + version + " (" + file + ")", e);
        }
    }

    /** Puts the version's vectors on the nodes, then makes it current (so CURRENT never names vectors not loaded). */
    public static GraphEmbeddings.Loaded promote(ModelRegistry registry, GraphConnection graph, String version, String reason,
                                                 boolean rebuildIndexes) {
        if (registry.card(KIND, version).isEmpty()) {
            registry.promote(KIND, version, reason); // the registry's own error, with the versions there are
        }
        GraphEmbeddings.Loaded loaded = load(registry, graph, version, rebuildIndexes);
        registry.promote(KIND, version, reason);
        return loaded;
    }

    /** Back to the version current before this one, its vectors on the nodes again; empty when there is none. */
    public static Optional<GraphEmbeddings.Loaded> rollback(ModelRegistry registry, GraphConnection graph, String reason) {
        Optional<String> previous = registry.previous(KIND);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        GraphEmbeddings.Loaded loaded = load(registry, graph, previous.get(), false);
        registry.rollback(KIND, reason);
        return Optional.of(loaded);
    }

    private static GraphEmbeddings.Loaded load(ModelRegistry registry, GraphConnection graph, String version, boolean rebuildIndexes) {
        Recipe recipe = recipe(registry, version);
        return GraphEmbeddings.load(graph, registry.dir(KIND, version).resolve(VECTORS), version, EmbeddingProfile.named(recipe.profile()),
                rebuildIndexes);
    }
}
