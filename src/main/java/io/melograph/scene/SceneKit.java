package io.melograph.scene;

import io.melograph.recall.ListenerContext;
import io.melograph.recall.RecallService;

import java.util.List;

/**
 * What every scene is made of: recall (contexts and channels), fusion with its fallback, the listener's history,
 * the ranker, and the making of picks.
 */
public record SceneKit(RecallService recall, SceneRecall sceneRecall, ListenerHistory history, CandidateRanker ranker,
                       Picks picks) {

    /**
     * Recall's context for the listener (long-term history and live session); for a listener without any, their
     * onboarding artists as seeds.
     */
    public ListenerContext context(String userId, ListenerHistory.Facts facts) {
        ListenerContext ctx = recall.context(userId).orElse(new ListenerContext(userId, List.of(), List.of(), List.of()));
        if (ctx.songs().isEmpty() && ctx.artists().isEmpty()) {
            return new ListenerContext(userId, List.of(), facts.onboardingArtists(), ctx.exclude(), ctx.watched());
        }
        return ctx;
    }
}
