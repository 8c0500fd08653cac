package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fusion with fixed weights, as recall merges its channels: {@code s(u, i) = Σ_c w_c · ŝ_c(u, i)}, ŝ each channel's
 * score put on a per-user scale ({@code scale}: max or rank, see {@link FittedChannels}). The first channel is the
 * anchor (weight 1); every other channel's weight is tried from {@link #STEPS} (0 included, so the blend can fall back
 * to fewer channels), and weights and scale are chosen on the validation split like any hyperparameter. Graph blends
 * and their non-graph baseline ({@code pop-knn-blend}) are this one class with different channels, so they are tuned
 * the same way.
 */
public final class BlendScorer implements Scorer {
    /** Weights tried for each non-anchor channel. */
    public static final List<Double> STEPS = List.of(0.0, 0.1, 0.3, 1.0, 3.0);

    private final List<Channel> channels;
    private final double[] weights;
    private FittedChannels.Scale scale = FittedChannels.Scale.MAX;
    private FittedChannels fitted;

    public BlendScorer(List<Channel> channels) {
        if (channels.size() < 2) {
            throw new IllegalArgumentException("a blend needs two channels or more");
        }
        this.channels = List.copyOf(channels);
        this.weights = new double[channels.size()];
        weights[0] = 1;
        for (int c = 1; c < weights.length; c++) {
            weights[c] = STEPS.get(1);
        }
    }

    /** Both scales × every combination of {@link #STEPS} for the non-anchor channels, keyed by channel name. */
    @Override
    public List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        for (FittedChannels.Scale s : FittedChannels.Scale.values()) {
            grid.add(new LinkedHashMap<>(Map.of("scale", s.label())));
        }
        for (Channel c : channels.subList(1, channels.size())) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : grid) {
                for (double w : STEPS) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(c.name(), w);
                    next.add(m);
                }
            }
            grid = next;
        }
        return grid;
    }

    @Override
    public void configure(Map<String, Object> params) {
        for (String key : params.keySet()) {
            if (!key.equals("scale") && channels.subList(1, channels.size()).stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException("no such weighted channel in this blend: " + key);
            }
        }
        scale = FittedChannels.Scale.of(params.getOrDefault("scale", scale.label()));
        for (int c = 1; c < channels.size(); c++) {
            weights[c] = Hyperparameters.number(params, channels.get(c).name(), weights[c]).doubleValue();
        }
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        fitted = FittedChannels.fit(channels, train, graph, seed);
    }

    @Override
    public void scoreItems(int user, float[] out) {
        fitted.blend(user, 0, weights, scale, out);
    }

    @Override
    public String note() {
        if (fitted == null) {
            return "";
        }
        String notes = fitted.notes(channels);
        return "anchor " + channels.get(0).name() + " (weight 1)" + (notes.isEmpty() ? "" : "; " + notes);
    }
}
