package io.melograph.scene;

import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking seam: scores the fused candidates of one request (higher is better). Scenes call it between fusion and
 * their re-ranking rules, so an online or neural ranker plugs in without touching them.
 */
public interface CandidateRanker {

    /** One score per candidate, in the candidates' order, and which model ranked them (answers name it). */
    record Ranking(double[] scores, String by) {
        /** An answer's channel status with the ranker named under {@link #ANSWER_KEY}. */
        public Map<String, String> named(Map<String, String> status) {
            Map<String, String> out = new LinkedHashMap<>(status);
            out.put(ANSWER_KEY, by);
            return out;
        }
    }

    /**
     * @param scene           the scene asking ({@code daily}, {@code fm}, ...)
     * @param heads           how the scene (the listener's arm of it) combines the behaviour heads into one score
     * @param sessionPosition how many songs the listener's session has had so far
     */
    Ranking rank(String userId, String scene, HeadWeights heads, int sessionPosition, long nowMillis, List<Fusion.Fused> candidates);

    /** Told what {@code scene} finally showed (so an online model learns with the features it served); nothing by default. */
    default void served(String userId, String scene, long nowMillis, List<Fusion.Fused> shown) {
    }

    /** The key under which answers name the ranker, beside their recall channels' status. */
    String ANSWER_KEY = "ranker";

    /** No model: the fused recall score as it is. */
    CandidateRanker FUSED_SCORE = (user, scene, heads, position, now, candidates) ->
            new Ranking(candidates.stream().mapToDouble(Fusion.Fused::score).toArray(), "recall");
}
