package io.melograph.train;

import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourRanker;
import io.melograph.rank.Exposure;
import io.melograph.rank.HashedExposures;
import java.util.Random;

/**
 * The offline reference for the online ranker: logistic regression on the very same hashed features, trained in
 * batch with several shuffled passes of Adagrad and an L2 penalty, and seeing every training exposure before the
 * test. If FTRL's single online pass comes close to it, learning online costs little accuracy.
 */
public final class HashedLogisticRanker implements BehaviourRanker {
    private final int bits;
    private final int epochs;
    private final double rate;
    private final double l2;
    private HashedExposures features;
    private double[] w;

    public HashedLogisticRanker() {
        this(20, 5, 0.1, 1e-6);
    }

    public HashedLogisticRanker(int bits, int epochs, double rate, double l2) {
        this.bits = bits;
        this.epochs = epochs;
        this.rate = rate;
        this.l2 = l2;
    }

    @Override
    public void fit(BehaviourData train, long seed) {
        features = new HashedExposures(bits, train.userIds(), train.items());
        int n = train.labels().length;
        int[][] x = new int[n][];
        for (int k = 0; k < n; k++) {
            x[k] = features.of(train.exposures()[k]);
        }
        w = new double[features.buckets()];
        double[] g2 = new double[w.length];
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Random rng = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int k = n - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            for (int k : order) {
                double g = score(x[k]) - (train.labels()[k] ? 1 : 0);
                for (int i : x[k]) {
                    double gi = g + l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= rate * gi / Math.sqrt(g2[i] + 1e-8);
                }
            }
        }
    }

    private double score(int[] x) {
        double s = 0;
        for (int i : x) {
            s += w[i];
        }
        return LogisticRegression.sigmoid(Math.max(-35, Math.min(35, s)));
    }

    @Override
    public double probability(Exposure e) {
        return Math.min(1 - 1e-7, Math.max(1e-7, score(features.of(e))));
    }
}
