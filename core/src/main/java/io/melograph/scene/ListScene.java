package io.melograph.scene;

import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ranked list of one kind of item for a listener, from the scene's channels: playlists (holding their songs, made
 * by similar listeners, full of their genres) and videos or MLOGs (cross-entity, from their song history). Cold
 * listeners start from their onboarding artists; with nothing to go on, the most popular items answer.
 */
public final class ListScene {
    private final String scene;
    private final String itemType;
    private final SceneKit kit;
    private final ScenePolicy policy;

    public ListScene(String scene, String itemType, SceneKit kit, ScenePolicy policy) {
        this.scene = scene;
        this.itemType = itemType;
        this.kit = kit;
        this.policy = policy;
    }

    public String scene() {
        return scene;
    }

    /** Empty for an unknown listener. */
    public Optional<SceneAnswer> list(String userId, int limit, long now) {
        Optional<ListenerProfile> facts = kit.profiles().of(userId);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        SceneRecall.Recalled r = kit.sceneRecall().recall(policy, facts.get().context(), List.of(), itemType, 3 * limit);
        CandidateRanker.Ranking ranked = kit.ranker().rank(userId, scene, policy.heads(), 0, now, r.candidates());
        double[] scores = ranked.scores();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
                : r.candidates().get(a).itemId().compareTo(r.candidates().get(b).itemId()));
        List<Pick> items = new ArrayList<>();
        for (int i : order.subList(0, Math.min(limit, order.size()))) {
            Fusion.Fused f = r.candidates().get(i);
            items.add(kit.picks().of(f, scores[i], false));
        }
        return Optional.of(new SceneAnswer(userId, scene, items, ranked.named(r.status()), r.fallback()));
    }
}
