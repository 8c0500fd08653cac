package io.melograph.cli;

import io.melograph.scene.SceneConfig;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;

import java.util.List;

/**
 * The service's configuration as the service itself resolves it (application.yml, then environment variables and
 * system properties), for commands that run production code outside the service.
 */
final class ServiceConfig {
    private ServiceConfig() {}

    static SceneConfig scenes() {
        Environment env = new DefaultEnvironment(new ApplicationContextConfiguration() {
            @Override
            public List<String> getEnvironments() {
                return List.of();
            }
        }).start();
        return new SceneConfig(key -> env.getProperty(key, String.class));
    }
}
