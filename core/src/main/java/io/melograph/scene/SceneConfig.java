package io.melograph.scene;

import io.melograph.config.SceneProperties;
import io.melograph.recall.RecallService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The scenes' settings ({@code melograph.scenes.*}, {@link SceneProperties}) read from one property source, so the
 * service and the replay evaluation build their scenes from the same values and defaults.
 * <p>
 * A/B arms: {@code melograph.scenes.<scene>.arms = name=percent,...} splits the scene's listeners
 * ({@link SceneArms}); an arm's own value of any key is {@code melograph.scenes.<scene>.arm.<name>.<key>}, else the
 * scene's.
 */
public final class SceneConfig {
    private final Function<String, Optional<String>> property;
    private final Map<String, SceneArms<Boolean>> deepRanking = new ConcurrentHashMap<>();

    /** @param property a configuration value by its full key ({@code melograph.scenes.daily.size}), if set */
    public SceneConfig(Function<String, Optional<String>> property) {
        this.property = property;
    }

    /** The scene's settings in its main arm (its own values). */
    public SceneProperties scene(String scene) {
        return SceneProperties.read(scene, null, property);
    }

    private SceneProperties scene(String scene, String arm) {
        return SceneProperties.read(scene, SceneArms.MAIN.equals(arm) ? null : arm, property);
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
        SceneProperties p = scene(scene, arm);
        long budgetMs = p.budgetMs() == null ? recall.budget().toMillis() : p.budgetMs();
        return ScenePolicies.parse(scene, p.channels(), p.weights(), p.quotas(), p.budgets(), p.headWeights(), p.perChannel(),
                budgetMs, recall.channels().keySet()).inArm(arm);
    }

    public DailyMixScene.Settings daily() {
        return daily(SceneArms.MAIN);
    }

    /** Daily's settings in each of its arms. */
    public SceneArms<DailyMixScene.Settings> dailyArms() {
        return SceneArms.of(DailyMixScene.SCENE, arms(DailyMixScene.SCENE), this::daily);
    }

    private DailyMixScene.Settings daily(String arm) {
        SceneProperties p = scene(DailyMixScene.SCENE, arm);
        return new DailyMixScene.Settings(p.size(), p.familiarShare(), p.maxPerArtist());
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
        return SceneArms.of(scene, arms(scene), arm -> scene(scene, arm).ranker().equals("deep"));
    }

    /** The scene's arms ({@code name=percent} pairs); one arm, {@value SceneArms#MAIN}, when none are configured. */
    public List<SceneArms.Arm> arms(String scene) {
        String text = scene(scene).arms();
        if (text.isBlank()) {
            return List.of(new SceneArms.Arm(SceneArms.MAIN, 100));
        }
        String key = SceneProperties.PREFIX + scene + ".arms";
        List<SceneArms.Arm> out = new ArrayList<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(key + ": expected name=percent, got '" + pair.strip() + "'");
            }
            try {
                out.add(new SceneArms.Arm(kv[0].strip(), Integer.parseInt(kv[1].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: '" + kv[1] + "'");
            }
        }
        return out;
    }

    public int dailyListsInMemory() {
        return scene(DailyMixScene.SCENE).listsInMemory();
    }

    /** The least channel budget when Daily lists are computed ahead or again. */
    public Duration dailyBackgroundBudget() {
        return Duration.ofMillis(scene(DailyMixScene.SCENE).backgroundBudgetMs());
    }

    /** The least channel budget of Private FM's refills and explorations. */
    public Duration fmBackgroundBudget() {
        return Duration.ofMillis(scene(PrivateFmScene.SCENE).backgroundBudgetMs());
    }
}
