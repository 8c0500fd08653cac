package io.melograph.cli;

import io.melograph.app.TunedScenes;
import io.melograph.config.ConfigKeys;
import io.melograph.scene.SceneConfig;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;

import java.nio.file.Path;
import java.util.List;

/**
 * The service's configuration as the service itself resolves it (application.yml, the home's tuned scene settings,
 * then environment variables and system properties), for commands that run production code outside the service.
 */
final class ServiceConfig {
    private ServiceConfig() {}

    /** The scenes as the service on this home runs them: tuned values ({@link TunedScenes}) over the hand-set ones. */
    static SceneConfig scenes(Path home) {
        Environment env = environment();
        TunedScenes.load(home).ifPresent(env::addPropertySource);
        env.start();
        ConfigKeys.load().check(env);
        return new SceneConfig(key -> env.getProperty(key, String.class));
    }

    /** The scenes with their hand-set values only (application.yml and the environment): the tuner's starting point. */
    static SceneConfig handSetScenes() {
        Environment env = environment().start();
        ConfigKeys.load().check(env);
        return new SceneConfig(key -> env.getProperty(key, String.class));
    }

    private static Environment environment() {
        return new DefaultEnvironment(new ApplicationContextConfiguration() {
            @Override
            public List<String> getEnvironments() {
                return List.of();
            }
        });
    }
}
