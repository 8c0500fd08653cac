package io.melograph.api;

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

    /** application.yml and this JVM's environment, as the service reads them, with {@code extra} on top. */
    private static Environment environment(PropertySource... extra) {
        Environment env = new DefaultEnvironment(new ApplicationContextConfiguration() {
            @Override
            public List<String> getEnvironments() {
                return List.of();
            }
        });
        for (PropertySource source : extra) {
            env.addPropertySource(source);
        }
        return env.start();
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

        PropertySource variables = new MapPropertySource("env", Map.of("MELOGRAPH_SCENES_DAILY_SIZE", "20",
                "MELOGRAPH_RECALL_BUDGETMS", "100")) {
            @Override
            public PropertyConvention getConvention() {
                return PropertyConvention.ENVIRONMENT_VARIABLE;
            }
        };
        IllegalStateException variable = assertThrows(IllegalStateException.class, () -> KEYS.check(environment(variables)));
        assertTrue(variable.getMessage().startsWith("unknown setting MELOGRAPH_RECALL_BUDGETMS (environment variable)"), variable.getMessage());
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
