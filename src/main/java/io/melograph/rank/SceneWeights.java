package io.melograph.rank;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How each scene combines the heads into one score: {@code score = Π p_head ^ weight}, a weighted geometric mean
 * (a weight of 0 ignores a head; doubling a weight doubles its say in the log-score). Lists the listener picks from
 * (daily) weigh click and like; the radio (fm), where nothing is clicked, weighs complete over skip.
 */
public final class SceneWeights {
    private final Map<String, EnumMap<Head, Double>> byScene = new HashMap<>();
    private final EnumMap<Head, Double> fallback;

    public SceneWeights(EnumMap<Head, Double> fallback) {
        this.fallback = new EnumMap<>(fallback);
    }

    /** daily: click 1, complete 0.5, like 1; fm: click 0, complete 1.5, like 0.5; any other scene: 1, 1, 1. */
    public static SceneWeights defaults() {
        return new SceneWeights(weights(1, 1, 1))
                .with("daily", weights(1, 0.5, 1))
                .with("fm", weights(0, 1.5, 0.5));
    }

    public static EnumMap<Head, Double> weights(double click, double complete, double like) {
        EnumMap<Head, Double> w = new EnumMap<>(Head.class);
        w.put(Head.CLICK, click);
        w.put(Head.COMPLETE, complete);
        w.put(Head.LIKE, like);
        return w;
    }

    public SceneWeights with(String scene, EnumMap<Head, Double> weights) {
        for (double v : weights.values()) {
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException("scene weights must be ≥ 0: " + scene + " " + weights);
            }
        }
        byScene.put(scene, new EnumMap<>(weights));
        return this;
    }

    public double weight(String scene, Head head) {
        return byScene.getOrDefault(scene, fallback).getOrDefault(head, 0.0);
    }

    /** The combined score of one candidate from its per-head probabilities (indexed by {@link Head#ordinal()}). */
    public double combine(String scene, double[] p) {
        EnumMap<Head, Double> w = byScene.getOrDefault(scene, fallback);
        double log = 0;
        for (Head h : Head.values()) {
            double wh = w.getOrDefault(h, 0.0);
            if (wh != 0) {
                log += wh * Math.log(p[h.ordinal()]);
            }
        }
        return Math.exp(log);
    }
}
