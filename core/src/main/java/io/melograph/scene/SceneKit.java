package io.melograph.scene;

import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.RecallService;

/**
 * What every scene is made of: recall (listener profiles and channels), fusion with its fallback, the ranker, and
 * the making of picks.
 */
public record SceneKit(RecallService recall, SceneRecall sceneRecall, CandidateRanker ranker, Picks picks) {

    /** Where a request reads the listener, once. */
    public ListenerProfiles profiles() {
        return recall.profiles();
    }
}
