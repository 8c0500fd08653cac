package io.melograph.scene;

import io.melograph.recall.RecallService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The scenes' settings ({@code melograph.scenes.*}) read from one property source, so the service and the replay
 * evaluation build their scenes from the same values and defaults.
 * <p>
 * A/B arms: {@code melograph.scenes.<scene>.arms = name=percent,...} splits the scene's listeners
 * ({@link SceneArms}); an arm's own value of any key is {@code melograph.scenes.<scene>.arm.<name>.<key>}, else the
 * scene's.
 */
public final class SceneConfig {
    private static final String PREFIX = "melograph.scenes.";
    private final Function<String, Optional<String>> property;
    private final Map<String, SceneArms<Boolean>> deepRanking = new ConcurrentHashMap<>();

    /** @param property a configuration value by its full key ({@code melograph.scenes.daily.size}), if set */
    public SceneConfig(Function<String, Optional<String>> property) {
        this.property = property;
    }

    /** How the scene ({@code daily}, {@code fm}, {@code fm-explore}, {@code playlists} ...) recalls, in its main arm. */
    public ScenePolicy policy(String scene, RecallService recall) {
        return policy(scene, SceneArms.MAIN, recall);
    }

    /** How the scene recalls in each of its arms. */
    public SceneArms<ScenePolicy> policies(String scene, RecallService recall) {
        return SceneArms.of(scene, arms(scene), arm -> policy(scene, arm, recall));
    }

    private ScenePolicy policy(String scene, String arm, RecallService recall) {
        return ScenePolicies.parse(scene, text(scene, arm, "channels"), text(scene, arm, "weights"), text(scene, arm, "quotas"),
                text(scene, arm, "budgets"), text(scene, arm, "head-weights"), integer(armKey(scene, arm, "per-channel"), 50),
                number(armKey(scene, arm, "budget-ms"), recall.budget().toMillis()), recall.channels().keySet()).inArm(arm);
    }

    public DailyMixScene.Settings daily() {
        return daily(SceneArms.MAIN);
    }

    /** Daily's settings in each of its arms. */
    public SceneArms<DailyMixScene.Settings> dailyArms() {
        return SceneArms.of(DailyMixScene.SCENE, arms(DailyMixScene.SCENE), this::daily);
    }

    private DailyMixScene.Settings daily(String arm) {
        String d = DailyMixScene.SCENE;
        return new DailyMixScene.Settings(integer(armKey(d, arm, "size"), 30), decimal(armKey(d, arm, "familiar-share"), 0.3),
                integer(armKey(d, arm, "max-per-artist"), 2));
    }

    /**
     * Whether each arm of the scene lets the promoted deep ranker re-rank ({@code ranker = deep}, the default) or
     * ranks with FTRL alone ({@code ranker = ftrl}): an A/B test of the rankers, with each arm's skip, complete and like
     * rates counted like any arm's.
     */
    public SceneArms<Boolean> deepRanking(String scene) {
        return deepRanking.computeIfAbsent(scene, this::readDeepRanking); // asked on every ranked request
    }

    private SceneArms<Boolean> readDeepRanking(String scene) {
        return SceneArms.of(scene, arms(scene), arm -> {
            String key = armKey(scene, arm, "ranker");
            String value = text(key).strip();
            return switch (value) {
                case "", "deep" -> true;
                case "ftrl" -> false;
                default -> throw new IllegalArgumentException(PREFIX + key + ": deep or ftrl, not '" + value + "'");
            };
        });
    }

    /** The scene's arms ({@code name=percent} pairs); one arm, {@value SceneArms#MAIN}, when none are configured. */
    public List<SceneArms.Arm> arms(String scene) {
        String text = text(scene + ".arms");
        if (text.isBlank()) {
            return List.of(new SceneArms.Arm(SceneArms.MAIN, 100));
        }
        List<SceneArms.Arm> out = new ArrayList<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(PREFIX + scene + ".arms: expected name=percent, got '" + pair.strip() + "'");
            }
            out.add(new SceneArms.Arm(kv[0].strip(), parse(scene + ".arms", kv[1], Integer::parseInt)));
        }
        return out;
    }

    /** The arm's own key when it sets one, else the scene's. */
    private String armKey(String scene, String arm, String key) {
        String own = scene + ".arm." + arm + "." + key;
        return property.apply(PREFIX + own).isPresent() ? own : scene + "." + key;
    }

    private String text(String scene, String arm, String key) {
        return text(armKey(scene, arm, key));
    }

    public int dailyListsInMemory() {
        return integer("daily.lists-in-memory", 20_000);
    }

    /** The least channel budget when Daily lists are computed ahead or again. */
    public Duration dailyBackgroundBudget() {
        return Duration.ofMillis(number("daily.background-budget-ms", 1000));
    }

    /** The least channel budget of Private FM's refills and explorations. */
    public Duration fmBackgroundBudget() {
        return Duration.ofMillis(number("fm.background-budget-ms", 1000));
    }

    private String text(String key) {
        return property.apply(PREFIX + key).orElse("");
    }

    private int integer(String key, int fallback) {
        return property.apply(PREFIX + key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    private long number(String key, long fallback) {
        return property.apply(PREFIX + key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
    }

    private double decimal(String key, double fallback) {
        return property.apply(PREFIX + key).map(v -> parse(key, v, Double::parseDouble)).orElse(fallback);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + ": not a number: '" + value + "'");
        }
    }
}
