package io.melograph.scene;

import io.melograph.rank.FtrlRanker;
import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;

import java.util.List;
import java.util.function.Supplier;

/**
 * The FTRL ranker behind the ranking seam: each candidate's fused recall score times the ranker's combined
 * probability of the scene's behaviour chain (its heads combined by the scene's {@link HeadWeights}) (plus a floor, so a young model only re-orders recall rather than
 * erasing it), and what was shown is reported back so the learned examples carry the channels that found them.
 */
public final class OnlineRanker implements CandidateRanker {
    /** Added to the model's score: how much recall's order counts when the model is unsure. */
    static final double FLOOR = 0.1;
    /** How answers name it. */
    static final String NAME = "ftrl";

    private final Supplier<FtrlRanker> ftrl;

    public OnlineRanker(FtrlRanker ftrl) {
        this(() -> ftrl);
    }

    /** Ranks with whichever ranker {@code ftrl} gives at each call (a promoted version is swapped in live). */
    public OnlineRanker(Supplier<FtrlRanker> ftrl) {
        this.ftrl = ftrl;
    }

    @Override
    public Ranking rank(String userId, String scene, HeadWeights heads, int sessionPosition, long nowMillis,
                        List<Fusion.Fused> candidates) {
        List<FtrlRanker.Scored> scored = ftrl.get().score(userId, scene, nowMillis, candidates(candidates));
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = candidates.get(i).score() * (FLOOR + heads.combine(scored.get(i).heads()));
        }
        return new Ranking(out, NAME);
    }

    @Override
    public void served(String userId, String scene, long nowMillis, List<Fusion.Fused> shown) {
        ftrl.get().served(userId, scene, nowMillis, candidates(shown));
    }

    private static List<FtrlRanker.Candidate> candidates(List<Fusion.Fused> fused) {
        return fused.stream().map(f -> new FtrlRanker.Candidate(f.itemId(), f.channels())).toList();
    }
}
