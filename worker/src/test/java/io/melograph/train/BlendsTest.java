package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlendsTest {
    static final Channel KNN = new Channel("itemknn", ItemKnnScorer::new, Map.of("k", 50, "shrink", 0.0));
    static final Channel POPULARITY = new Channel("popularity", PopularityScorer::new, Map.of());

    @Test
    void percentilesShareTiesAndKeepZerosInOneBlock() {
        float[] p = FittedChannels.percentiles(new float[] {0, 3, -1, 0, 3, 5});
        // ascending: -1 | 0 0 | 3 3 | 5 at positions 0 | 1-2 | 3-4 | 5, over n - 1 = 5
        assertArrayEquals(new float[] {0.3f, 0.7f, 0f, 0.3f, 0.7f, 1f}, p, 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f}, FittedChannels.percentiles(new float[2]), 1e-6f);
    }

    @Test
    void maxScalingKeepsTheShapeAndDropsUnscoredItems() {
        assertArrayEquals(new float[] {0.5f, -1f, 0f}, FittedChannels.byMax(new float[] {2, -4, Float.NEGATIVE_INFINITY}));
    }

    @Test
    void theGridTriesEveryWeightOfEveryNonAnchorChannelOnBothScales() {
        BlendScorer blend = new BlendScorer(List.of(KNN, POPULARITY, new Channel("other", PopularityScorer::new, Map.of())));
        List<Map<String, Object>> grid = blend.grid();
        assertEquals(2 * BlendScorer.STEPS.size() * BlendScorer.STEPS.size(), grid.size());
        assertTrue(grid.contains(Map.of("scale", "rank", "popularity", 0.0, "other", 3.0)));
        assertThrows(IllegalArgumentException.class, () -> blend.configure(Map.of("itemknn", 2.0)), "the anchor has weight 1");
    }

    @Test
    void popularityBreaksTheAnchorsTiesAndWeightZeroIsTheAnchorAlone() {
        InteractionMatrix m = BaselinesTest.twoTastes();
        float[] alone = scores(new BlendScorer(List.of(KNN, POPULARITY)), Map.of("popularity", 0.0, "scale", "max"), m, 0);
        float[] knn = new float[7];
        ItemKnnScorer k = new ItemKnnScorer();
        k.configure(KNN.settings());
        k.fit(m, KnowledgeTriples.empty(7), 1);
        k.scoreItems(0, knn);
        float max = 0;
        for (float v : knn) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < 7; i++) {
            assertEquals(knn[i] / max, alone[i], 1e-6f);
        }
        // items 3, 4, 5 of the other taste all score 0 on kNN; popularity orders them 3 = 4 (4 users) above 5 (3 users)
        float[] blended = scores(new BlendScorer(List.of(KNN, POPULARITY)), Map.of("popularity", 0.1, "scale", "max"), m, 0);
        assertTrue(blended[3] > blended[5] && blended[5] > 0);
        assertTrue(blended[2] > blended[3], "the own taste still leads");
    }

    @Test
    void theLearnedBlendWeighsTheInformativeChannelAndIsDeterministic() {
        InteractionMatrix m = PlantedBlocks.matrix();
        LearnedBlendScorer a = new LearnedBlendScorer(List.of(KNN, POPULARITY));
        a.fit(m, KnowledgeTriples.empty(m.items()), 3);
        float[] out = new float[m.items()];
        for (int u : new int[] {0, 150}) {
            a.scoreItems(u, out);
            assertTrue(PlantedBlocks.margin(m, u, out) > 0, "user " + u + ": own block first");
        }
        assertTrue(a.note().startsWith("learned logit"), a.note());
        LearnedBlendScorer b = new LearnedBlendScorer(List.of(KNN, POPULARITY));
        b.fit(m, KnowledgeTriples.empty(m.items()), 3);
        float[] again = new float[m.items()];
        b.scoreItems(150, again);
        assertArrayEquals(out, again);
        assertEquals(a.note(), b.note());
    }

    @Test
    void logisticRegressionFindsTheSignalAndIgnoresNoise() {
        int n = 400;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int r = 0; r < n; r++) {
            double signal = rnd.nextDouble();
            x[r] = new double[] {signal, rnd.nextDouble()};
            y[r] = signal + 0.3 * rnd.nextGaussian() > 0.5;
        }
        double[] beta = LogisticRegression.fit(x, y, 1e-3);
        assertTrue(beta[1] > 3, "signal weight " + beta[1]);
        assertTrue(Math.abs(beta[2]) < 1, "noise weight " + beta[2]);
        assertTrue(beta[0] < 0, "the threshold at 0.5 gives a negative intercept");
    }

    private static float[] scores(Scorer s, Map<String, Object> params, InteractionMatrix m, int user) {
        s.configure(params);
        s.fit(m, KnowledgeTriples.empty(m.items()), 1);
        float[] out = new float[m.items()];
        s.scoreItems(user, out);
        return out;
    }
}
