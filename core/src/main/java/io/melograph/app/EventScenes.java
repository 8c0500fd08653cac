package io.melograph.app;

import io.melograph.scene.DailyMixScene;
import io.melograph.scene.PrivateFmScene;
import io.melograph.scene.SceneArms;
import io.melograph.scene.SceneConfig;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The scenes events may name, and a listener's A/B arm in each: Daily's and Private FM's arms come from their
 * configuration; the other scenes have one arm. Any other scene name is not one of ours (null): metrics count it as
 * "other", so a client cannot grow the number of series.
 */
final class EventScenes {
    /** What apps send as an event's scene: the service's scenes and the app's own places (search, a playlist ...). */
    static final Set<String> KNOWN = Set.of(DailyMixScene.SCENE, PrivateFmScene.SCENE, "playlists", "playlist", "videos", "video",
            "mlogs", "mlog", "search", "similar");

    private final Map<String, SceneArms<String>> arms;

    EventScenes(SceneConfig config) {
        arms = Map.of(DailyMixScene.SCENE, SceneArms.of(DailyMixScene.SCENE, config.arms(DailyMixScene.SCENE), Function.identity()),
                PrivateFmScene.SCENE, SceneArms.of(PrivateFmScene.SCENE, config.arms(PrivateFmScene.SCENE), Function.identity()));
    }

    /** The listener's arm in the scene, or null for a scene that is not ours. */
    String armOf(String scene, String userId) {
        SceneArms<String> a = arms.get(scene);
        if (a != null) {
            return a.armOf(userId);
        }
        return KNOWN.contains(scene) ? SceneArms.MAIN : null;
    }
}
