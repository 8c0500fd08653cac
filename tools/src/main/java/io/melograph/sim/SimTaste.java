package io.melograph.sim;

import java.util.Map;

/**
 * A listener's latent taste, readable: favourite artists, genres and tags with their weights (the strongest has
 * weight 1, the others less), and the preferred language (or null). Maps iterate strongest first.
 */
public record SimTaste(Map<String, Double> artists, Map<String, Double> genres, Map<String, Double> tags,
                       String language) {

    public static final SimTaste EMPTY = new SimTaste(Map.of(), Map.of(), Map.of(), null);
}
