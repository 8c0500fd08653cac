package io.melograph.app;

import io.melograph.config.DemoMode;
import io.melograph.config.DemoProperties;
import io.melograph.scene.ScenePolicies;
import io.melograph.util.AtomicFiles;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Scene settings learned by {@code melograph tune scenes}, kept in {@code MELOGRAPH_HOME/config/scenes.yml} and read
 * by the service at start. They rank above application.yml and below environment variables and system properties, so
 * an operator's explicit setting still wins; deleting the file brings the hand-set values back.
 * <p>
 * A tuned {@code weights}, {@code quotas} or {@code budgets} list names the channels the tuner tried; it is laid over
 * application.yml's list channel by channel ({@link ScenePolicies#overlay}), so a channel added after the tuning (or
 * one the tuner left alone) keeps its hand-set value instead of falling to the default weight of 1.
 */
public final class TunedScenes {
    public static final String FILE = "config/scenes.yml";
    /** Just above application.yml's position (loaders' default), below the environment's. */
    static final int POSITION = AbstractPropertySourceLoader.DEFAULT_POSITION + 50;
    private static final Set<String> LISTS = Set.of("weights", "quotas", "budgets");

    private TunedScenes() {}

    public static Path file(Path home) {
        return home.resolve(FILE);
    }

    /** The home's tuned settings as a property source, if it has any. */
    public static Optional<PropertySource> load(Path home) {
        Path file = file(home);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> values = new LinkedHashMap<>(new YamlPropertySourceLoader().read(file.toString(), in));
            Map<String, Object> handSet = handSet();
            values.replaceAll((key, value) -> overlaid(key, handSet.get(key), value));
            return Optional.of(PropertySource.of(file.toString(), values, POSITION));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the tuned scene settings " + file + ": " + e.getMessage()
                    + " (delete it to run on the hand-set values)", e);
        }
    }

    /** {@code melograph.scenes.<scene>.weights|quotas|budgets}: the tuned list over the hand-set one; other keys as tuned. */
    private static Object overlaid(String key, Object handSet, Object tuned) {
        String[] parts = key.split("\\.");
        boolean list = parts.length == 4 && key.startsWith("melograph.scenes.") && LISTS.contains(parts[3]);
        return list && handSet != null ? ScenePolicies.overlay(parts[2], parts[3], handSet.toString(), String.valueOf(tuned)) : tuned;
    }

    /** application.yml as shipped: the values a tuned list is laid over. */
    private static Map<String, Object> handSet() throws IOException {
        try (InputStream in = TunedScenes.class.getResourceAsStream("/application.yml")) {
            return new YamlPropertySourceLoader().read("application.yml", in);
        }
    }

    /**
     * A new demo home (first start, bundled sample and the default simulated community) starts on the values tuned on
     * that community ({@code tuned/demo-scenes.yml}, learned by {@code melograph tune scenes}: docs/eval/tune/demo).
     *
     * @param setting an environment variable by its name (as {@link io.melograph.graph.GraphSettings#setting} reads it)
     */
    public static void installDemoDefaults(Path home, Function<String, Optional<String>> setting) {
        boolean demo = DemoMode.of(setting).on()
                && setting.apply("MELOGRAPH_DEMO_LISTENERS").map(DemoProperties.LISTENERS::equals).orElse(true)
                && setting.apply("MELOGRAPH_DEMO_DAYS").map(DemoProperties.DAYS::equals).orElse(true);
        if (!demo || Files.exists(home.resolve("neo4j")) || Files.exists(file(home))) {
            return;
        }
        try (InputStream in = TunedScenes.class.getResourceAsStream("/tuned/demo-scenes.yml")) {
            Files.createDirectories(file(home).getParent());
            Files.copy(in, file(home));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(home), e);
        }
    }

    /**
     * Writes scenes' tuned values ({@code melograph.scenes.<scene>.<key>}, by scene) atomically in one go, keeping other
     * scenes' values already in the file; {@code comment} lines go on top (what was tuned, on which window, what it scored).
     */
    @SuppressWarnings("unchecked")
    public static Path write(Path home, Map<String, Map<String, String>> values, List<String> comment) {
        Path file = file(home);
        try {
            Map<String, Object> scenes = new LinkedHashMap<>();
            if (Files.isRegularFile(file)) {
                Object old = new Yaml().load(Files.readString(file));
                if (old instanceof Map<?, ?> m && m.get("melograph") instanceof Map<?, ?> mg && mg.get("scenes") instanceof Map<?, ?> s) {
                    scenes.putAll((Map<String, Object>) s);
                }
            }
            values.forEach((scene, v) -> scenes.put(scene, new LinkedHashMap<>(v)));
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            StringBuilder text = new StringBuilder();
            comment.forEach(line -> text.append("# ").append(line).append('\n'));
            text.append(new Yaml(options).dump(Map.of("melograph", Map.of("scenes", scenes))));
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
