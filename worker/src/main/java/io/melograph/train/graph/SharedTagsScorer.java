package io.melograph.train.graph;

import io.melograph.train.Hyperparameters;
import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.train.Scorer;
import io.melograph.util.TopK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared tags, the offline twin of the multi-hop recall query {@code (user)→(artist)→(tag)←(other artist)}: the user's
 * items vote for their tags, each tag is weighted by its rarity, and other items collect the weight of the tags they
 * carry. "Tags" are any non-item, non-user entities linked to items (tags, genres, labels; see {@link GraphLinks}).
 *
 * <ul>
 *   <li>profile: {@code p(t) = Σ_{a ∈ I_u} r(u, a) / sqrt(|T_a|)} over the user's items carrying t, where r is 1 or
 *       {@code log(1 + plays)} ({@code plays}: binary / log); dividing by the item's tag count keeps a heavily tagged
 *       artist from outvoting the rest;</li>
 *   <li>rarity: {@code q(t) = p(t) · idf(t)^α}, {@code idf(t) = log(1 + N / df(t))}, N items with tags, df(t) items
 *       with t ({@code alpha}): "rock" says little, "shoegaze" a lot;</li>
 *   <li>truncation: only the {@code profile} strongest tags (0 = all), as the served query bounds its fan-out; q is
 *       scaled to unit length so scores are comparable across users (the CTR protocol pools users);</li>
 *   <li>score: {@code s(b) = Σ_t q(t) / sqrt(|T_b|)} over b's tags — a cosine between the profile and b's tags.</li>
 * </ul>
 * Items without tags score 0. Scoring reads the fitted model only, so one instance may serve several blends.
 */
public final class SharedTagsScorer implements Scorer {
    private double alpha = 3;
    private int profile = 0;
    private boolean logPlays = true;
    private InteractionMatrix train;
    private int[][] tagsOf;
    private int[][] itemsOfTag;
    private float[] tagWeight;
    private float[] itemNorm;
    private int tagged;

    @Override
    public List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        for (double a : new double[] {1, 2, 3, 4}) {
            for (int p : new int[] {50, 0}) {
                for (String plays : new String[] {"binary", "log"}) {
                    grid.add(Map.of("alpha", a, "profile", p, "plays", plays));
                }
            }
        }
        return grid;
    }

    /** Keys {@code alpha} (rarity exponent), {@code profile} (tags kept, 0 = all), {@code plays} (binary or log). */
    @Override
    public void configure(Map<String, Object> params) {
        alpha = Hyperparameters.number(params, "alpha", alpha).doubleValue();
        profile = Hyperparameters.number(params, "profile", profile).intValue();
        Object plays = params.getOrDefault("plays", logPlays ? "log" : "binary");
        if (!List.of("binary", "log").contains(plays.toString()) || alpha < 0 || profile < 0) {
            throw new IllegalArgumentException("bad kg-tags hyperparameters: " + params);
        }
        logPlays = plays.toString().equals("log");
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        this.train = train;
        int items = train.items();
        tagsOf = GraphLinks.attributesOfItems(graph, items);
        itemsOfTag = GraphLinks.transpose(tagsOf, Math.max(graph.entities(), items));
        tagged = 0;
        itemNorm = new float[items];
        for (int i = 0; i < items; i++) {
            if (tagsOf[i].length > 0) {
                tagged++;
                itemNorm[i] = (float) (1 / Math.sqrt(tagsOf[i].length));
            }
        }
        tagWeight = new float[itemsOfTag.length];
        for (int t = 0; t < itemsOfTag.length; t++) {
            int df = itemsOfTag[t].length;
            tagWeight[t] = df == 0 ? 0 : (float) Math.pow(Math.log(1 + (double) tagged / df), alpha);
        }
    }

    @Override
    public void scoreItems(int user, float[] out) {
        Arrays.fill(out, 0f);
        int[] items = train.itemsOf(user);
        float[] plays = train.weightsOf(user);
        float[] p = new float[tagWeight.length];
        int[] touched = new int[tagWeight.length];
        int n = 0;
        for (int k = 0; k < items.length; k++) {
            float r = logPlays ? (float) Math.log1p(Math.max(0, plays[k])) : 1f;
            if (r <= 0) {
                continue;
            }
            for (int t : tagsOf[items[k]]) {
                if (p[t] == 0) {
                    touched[n++] = t;
                }
                p[t] += r * itemNorm[items[k]];
            }
        }
        TopK strongest = new TopK(profile == 0 ? Math.max(n, 1) : Math.min(profile, Math.max(n, 1)));
        for (int k = 0; k < n; k++) {
            strongest.offer(touched[k], p[touched[k]] * tagWeight[touched[k]]);
        }
        int[] tags = strongest.items();
        float[] q = strongest.scores();
        double norm = 0;
        for (float v : q) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < tags.length; k++) {
            float w = q[k] * scale;
            for (int b : itemsOfTag[tags[k]]) {
                out[b] += w * itemNorm[b];
            }
        }
    }

    @Override
    public String note() {
        return train == null ? "" : String.format(Locale.ROOT, "%,d of %,d items have tags", tagged, train.items());
    }
}
