package io.melograph.embeddings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which relationships graph embeddings learn from and how strongly: a factor per relationship type (types without
 * one are left out), whether the strength a relationship records (plays, co-listen and tag counts) scales it, and
 * FastRP's degree normalisation (negative values turn down what hubs pass on). docs/benchmarks.md ("Graph
 * embeddings and vector search") has the measurements behind the default.
 *
 * @param normalizationStrength FastRP's {@code normalizationStrength}: each node's random start vector is scaled by
 *                              its degree to this power, so a negative value makes hubs (users who played hundreds
 *                              of songs, songs co-listened with half the catalog) pass on less
 */
public record EmbeddingProfile(String name, Map<String, Double> weights, boolean propertyWeights,
                               double normalizationStrength) {

    /** Catalog facts: who made a song, on which album, in which genre, language and with which tags. */
    private static final List<String> CATALOG = List.of("PERFORMED_BY", "ON_ALBUM", "BY", "WRITTEN_BY", "PRODUCED_BY",
            "MEMBER_OF", "HAS_GENRE", "TAGGED", "IN_LANGUAGE");
    /** Behaviour and curation: listening, co-listening, playlists, videos, MLOGs, follows. */
    private static final List<String> BEHAVIOUR = List.of("LISTENED", "CO_LISTENED", "CONTAINS", "CREATED", "FOLLOWS",
            "FEATURES", "USES");

    public EmbeddingProfile {
        weights = Map.copyOf(weights);
    }

    /**
     * The default: every relationship, LISTENED scaled by log plays and CO_LISTENED/TAGGED by log counts; the
     * near-universal hubs of a catalog (IN_LANGUAGE, HAS_GENRE) and writers/producers (who link many artists) count
     * for less than the specific facts; high-degree nodes damped by degree normalisation.
     */
    public static EmbeddingProfile weighted() {
        Map<String, Double> w = uniform(1.0);
        w.put("IN_LANGUAGE", 0.2);
        w.put("HAS_GENRE", 0.5);
        w.put("FOLLOWS", 0.5);
        w.put("WRITTEN_BY", 0.5);
        w.put("PRODUCED_BY", 0.5);
        return new EmbeddingProfile("weighted", w, true, -0.25);
    }

    /** Every relationship type counts the same, whatever it records: the baseline of the measurements. */
    public static EmbeddingProfile unweighted() {
        return new EmbeddingProfile("unweighted", uniform(1.0), false, 0.0);
    }

    /** Catalog relationships only (no listening): what embeddings know before anyone has listened. */
    public static EmbeddingProfile catalog() {
        Map<String, Double> w = new LinkedHashMap<>();
        CATALOG.forEach(t -> w.put(t, 1.0));
        return new EmbeddingProfile("catalog", w, false, 0.0);
    }

    public static EmbeddingProfile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "weighted" -> weighted();
            case "unweighted" -> unweighted();
            case "catalog" -> catalog();
            default -> throw new IllegalArgumentException("unknown relationship profile " + name
                    + " (weighted, unweighted or catalog)");
        };
    }

    /** The same profile with one type's factor changed (0 leaves the type out), for experiments. */
    public EmbeddingProfile with(String type, double factor, String newName) {
        Map<String, Double> w = new LinkedHashMap<>(weights);
        w.put(type, factor);
        return new EmbeddingProfile(newName, w, propertyWeights, normalizationStrength);
    }

    /** The same profile with another degree normalisation, for experiments. */
    public EmbeddingProfile withNormalization(double strength, String newName) {
        return new EmbeddingProfile(newName, weights, propertyWeights, strength);
    }

    /** The same profile with or without the recorded strengths, for experiments. */
    public EmbeddingProfile withPropertyWeights(boolean on, String newName) {
        return new EmbeddingProfile(newName, weights, on, normalizationStrength);
    }

    /** Query parameters of cypher/embeddings/project.cypher and fold-in.cypher. */
    Map<String, Object> parameters() {
        return Map.of("weights", weights, "propertyWeights", propertyWeights);
    }

    private static Map<String, Double> uniform(double factor) {
        Map<String, Double> w = new LinkedHashMap<>();
        CATALOG.forEach(t -> w.put(t, factor));
        BEHAVIOUR.forEach(t -> w.put(t, factor));
        return w;
    }
}
