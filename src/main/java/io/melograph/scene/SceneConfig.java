package io.melograph.scene;

import io.melograph.recall.RecallService;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scenes' settings ({@code melograph.scenes.*}) read from one property source, so the service and the replay
 * evaluation build their scenes from the same values and defaults.
 */
public final class SceneConfig {
    private static final String PREFIX = "melograph.scenes.";
    private final Function<String, Optional<String>> property;

    /** @param property a configuration value by its full key ({@code melograph.scenes.daily.size}), if set */
    public SceneConfig(Function<String, Optional<String>> property) {
        this.property = property;
    }

    /** How the scene ({@code daily}, {@code fm}, {@code fm-explore}, {@code playlists} ...) recalls. */
    public ScenePolicy policy(String scene, RecallService recall) {
        String p = scene + ".";
        return ScenePolicies.parse(scene, text(p + "channels"), text(p + "weights"), text(p + "quotas"), text(p + "budgets"),
                integer(p + "per-channel", 50), number(p + "budget-ms", recall.budget().toMillis()), recall.channels().keySet());
    }

    public DailyMixScene.Settings daily() {
        return new DailyMixScene.Settings(integer("daily.size", 30), decimal("daily.familiar-share", 0.3),
                integer("daily.max-per-artist", 2));
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
