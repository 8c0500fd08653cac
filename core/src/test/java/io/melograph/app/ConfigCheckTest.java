package io.melograph.app;

import io.melograph.TestGraph;
import io.melograph.config.ConfigKeys;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.RecallService;
import io.melograph.scene.SceneConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCheckTest {
    private static final ConfigKeys KEYS = ConfigKeys.load();

    /**
     * application.yml as the service reads it, with {@code extra} on top; not this machine's environment variables
     * (whatever MELOGRAPH_* a developer has set is not the test's).
     */
    private static Environment environment(PropertySource... extra) {
        Environment env = new DefaultEnvironment(new ApplicationContextConfiguration() {
            @Override
            public List<String> getEnvironments() {
                return List.of();
            }

            @Override
            public boolean isEnvironmentPropertySource() {
                return false;
            }
        });
        for (PropertySource source : extra) {
            env.addPropertySource(source);
        }
        return env.start();
    }

    /** Environment variables as Micronaut reads them from the process. */
    private static PropertySource variables(Map<String, ?> values) {
        return new MapPropertySource("env", values) {
            @Override
            public PropertyConvention getConvention() {
                return PropertyConvention.ENVIRONMENT_VARIABLE;
            }
        };
    }

    @Test
    void theShippedSettingsAreAllSettings() throws Exception {
        Map<String, Object> tuned;
        try (InputStream in = TunedScenes.class.getResourceAsStream("/tuned/demo-scenes.yml")) {
            tuned = new HashMap<>(new io.micronaut.context.env.yaml.YamlPropertySourceLoader().read("demo-scenes.yml", in));
        }
        KEYS.check(environment(PropertySource.of("demo-scenes.yml", tuned)));
    }

    @Test
    void aSettingThatIsNoneStopsTheStartNamingIt() {
        IllegalStateException file = assertThrows(IllegalStateException.class, () -> KEYS.check(
                environment(PropertySource.of("scenes.yml", Map.of("melograph.scenes.daily.wieghts", "vector=2")))));
        assertTrue(file.getMessage().startsWith("unknown setting melograph.scenes.daily.wieghts (in scenes.yml)"), file.getMessage());

        PropertySource variables = variables(Map.of("MELOGRAPH_SCENES_DAILY_SIZE", "20", "MELOGRAPH_RECALL_BUDGETMS", "100"));
        IllegalStateException variable = assertThrows(IllegalStateException.class, () -> KEYS.check(environment(variables)));
        assertTrue(variable.getMessage().startsWith("unknown setting MELOGRAPH_RECALL_BUDGETMS (environment variable)"), variable.getMessage());

        IllegalStateException role = assertThrows(IllegalStateException.class, () -> KEYS.check(
                environment(PropertySource.of("site.yml", Map.of("melograph.role", "worker")))));
        assertTrue(role.getMessage().startsWith("melograph.role is read before the configuration files (it decides how the process "
                + "starts): set it as MELOGRAPH_ROLE or -Dmelograph.role, not in site.yml"), role.getMessage());
        KEYS.check(environment(variables(Map.of("MELOGRAPH_ROLE", "worker", "MELOGRAPH_SHARED_DIR", "/mnt/shared"))));

        PropertySource kubernetes = variables(Map.of("MELOGRAPH_SERVICE_HOST", "10.0.0.7", "MELOGRAPH_PORT_8080_TCP_ADDR", "10.0.0.7"));
        KEYS.check(environment(kubernetes)); // a Kubernetes service's links are not settings, and no mistake

        try {
            System.setProperty("neo4j.bolt.port", "7688");
            System.setProperty("melograph.some-tool-of-its-own", "x");
            IllegalStateException dotted = assertThrows(IllegalStateException.class, () -> KEYS.check(environment()));
            assertTrue(dotted.getMessage().startsWith("unknown setting neo4j.bolt.port (system property; keys put hyphens"), dotted.getMessage());
            System.clearProperty("neo4j.bolt.port");
            KEYS.check(environment()); // a JVM's own properties are not judged
        } finally {
            System.clearProperty("neo4j.bolt.port");
            System.clearProperty("melograph.some-tool-of-its-own");
        }
    }

    @Test
    void aSceneNamingAChannelRecallDoesNotHaveStopsTheStart() {
        TestGraph.clear();
        try (RecallService recall = new RecallService(TestGraph.connection(), new ListenerProfiles(TestGraph.connection(),
                new ListenerStates(new ItemCatalog(TestGraph.connection()))), Duration.ofMillis(200), new SimpleMeterRegistry())) {
            Map<String, String> good = new HashMap<>();
            for (String scene : io.melograph.config.SceneProperties.SCENES) {
                good.put("melograph.scenes." + scene + ".channels", "kg-co-listened,kg-same-artist");
            }
            new ConfigCheck(new SceneConfig(k -> Optional.ofNullable(good.get(k))), recall);

            Map<String, String> armed = new HashMap<>(good);
            armed.put("melograph.scenes.fm.arms", "a=50,b=50");
            armed.put("melograph.scenes.fm.arm.b.channels", "kg-co-listened,kg-same-singer");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ConfigCheck(new SceneConfig(k -> Optional.ofNullable(armed.get(k))), recall));
            assertTrue(e.getMessage().startsWith("scene fm: unknown channel 'kg-same-singer'; channels: "), e.getMessage());

            Map<String, String> ranker = new HashMap<>(good);
            ranker.put("melograph.scenes.videos.ranker", "deepest");
            assertEquals("melograph.scenes.videos.ranker: deep or ftrl, not 'deepest'", assertThrows(IllegalArgumentException.class,
                    () -> new ConfigCheck(new SceneConfig(k -> Optional.ofNullable(ranker.get(k))), recall)).getMessage());
        }
    }
}
