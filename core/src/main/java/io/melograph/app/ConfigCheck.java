package io.melograph.app;

import io.melograph.config.ConfigKeys;
import io.melograph.config.SceneProperties;
import io.melograph.recall.RecallService;
import io.melograph.scene.SceneConfig;
import io.micronaut.context.annotation.Context;

/**
 * The scenes' configuration checked at start, so that a mistake stops the service with its name instead of surfacing
 * on some listener's request: every scene's channels, weights, quotas, budgets, arms and ranker must read, in every
 * arm, naming only channels recall has. (Keys that are no setting are refused before: {@link ConfigKeys#check}.)
 */
@Context
final class ConfigCheck {

    ConfigCheck(SceneConfig scenes, RecallService recall) {
        for (String scene : SceneProperties.SCENES) {
            scenes.policies(scene, recall);
            scenes.deepRanking(scene);
        }
        scenes.dailyArms();
    }
}
