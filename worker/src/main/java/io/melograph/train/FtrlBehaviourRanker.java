package io.melograph.train;

import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourRanker;
import io.melograph.rank.Exposure;
import io.melograph.rank.Ftrl;
import io.melograph.rank.HashedExposures;

/**
 * The service's online ranker ({@link Ftrl}, FTRL-Proximal over the hashed ranking features) as the harness sees it:
 * one pass over the training exposures in time order, as it would have learned them live, then frozen for the test.
 * Needs the exposure context: the pair-only {@link #fit(int, int, int[][], boolean[], long)} is not supported.
 */
public final class FtrlBehaviourRanker implements BehaviourRanker {
    private final int bits;
    private final Ftrl.Params params;
    private HashedExposures features;
    private Ftrl model;

    public FtrlBehaviourRanker() {
        this(20, Ftrl.Params.defaults());
    }

    public FtrlBehaviourRanker(int bits, Ftrl.Params params) {
        this.bits = bits;
        this.params = params;
    }

    @Override
    public void fit(BehaviourData train, long seed) {
        features = new HashedExposures(bits, train.userIds(), train.items());
        model = new Ftrl(features.buckets(), params);
        for (int k : HashedExposures.timeOrder(train)) {
            model.update(features.of(train.exposures()[k]), train.labels()[k]);
        }
    }

    @Override
    public double probability(Exposure e) {
        return model.predict(features.of(e));
    }
}
