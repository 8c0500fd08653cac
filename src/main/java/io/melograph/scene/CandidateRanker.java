package io.melograph.scene;

import io.melograph.recall.Fusion;

import java.util.List;

/**
 * The ranking seam: scores the fused candidates of one request (higher is better). Scenes call it between fusion and
 * their re-ranking rules, so an online or neural ranker plugs in without touching them.
 */
public interface CandidateRanker {

    /**
     * @param scene           the scene asking ({@code daily}, {@code fm}, ...)
     * @param sessionPosition how many songs the listener's session has had so far
     * @return one score per candidate, in the candidates' order
     */
    double[] score(String userId, String scene, int sessionPosition, long nowMillis, List<Fusion.Fused> candidates);

    /** Told what the scene finally showed (so an online model learns with the features it served); nothing by default. */
    default void served(String userId, long nowMillis, List<Fusion.Fused> shown) {
    }

    /** No model: the fused recall score as it is. */
    CandidateRanker FUSED_SCORE = (user, scene, position, now, candidates) ->
            candidates.stream().mapToDouble(Fusion.Fused::score).toArray();
}
