package io.melograph.scene;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scene's A/B arms: listeners are split by a stable hash of the scene and their id into percent buckets, so a
 * listener stays in one arm across requests, restarts and machines; each arm carries its own value (a recall policy,
 * Daily's settings). A scene without arms has one, {@value #MAIN}, for everybody.
 */
public final class SceneArms<T> {
    public static final String MAIN = "main";

    /** An arm and the percent of listeners in it. */
    public record Arm(String name, int percent) {}

    private final String scene;
    private final List<Arm> arms;
    private final Map<String, T> values;

    private SceneArms(String scene, List<Arm> arms, Map<String, T> values) {
        this.scene = scene;
        this.arms = List.copyOf(arms);
        this.values = Map.copyOf(values);
    }

    /** One arm, {@value #MAIN}, for every listener. */
    public static <T> SceneArms<T> single(String scene, T value) {
        return new SceneArms<>(scene, List.of(new Arm(MAIN, 100)), Map.of(MAIN, value));
    }

    /** The arms with their values; percents must add up to 100 and every arm needs a value. */
    public static <T> SceneArms<T> of(String scene, List<Arm> arms, Function<String, T> value) {
        int total = arms.stream().mapToInt(Arm::percent).sum();
        if (arms.isEmpty() || total != 100 || arms.stream().anyMatch(a -> a.percent() < 0)) {
            throw new IllegalArgumentException("scene " + scene + " arms: percents must be ≥ 0 and add up to 100, got " + arms);
        }
        Map<String, T> values = new LinkedHashMap<>();
        for (Arm a : arms) {
            if (!a.name().matches("[a-z0-9][a-z0-9-]*") || values.put(a.name(), value.apply(a.name())) != null) {
                throw new IllegalArgumentException("scene " + scene + " arms: '" + a.name()
                        + "' must be a unique name of lower-case letters, digits and dashes");
            }
        }
        return new SceneArms<>(scene, arms, values);
    }

    /** The same arms with each value mapped. */
    public <U> SceneArms<U> map(Function<T, U> f) {
        Map<String, U> mapped = new LinkedHashMap<>();
        values.forEach((arm, v) -> mapped.put(arm, f.apply(v)));
        return new SceneArms<>(scene, arms, mapped);
    }

    /** The listener's arm: the same for the same scene and id, everywhere. */
    public String armOf(String userId) {
        if (arms.size() == 1) {
            return arms.get(0).name();
        }
        int bucket = bucket(scene, userId);
        int upTo = 0;
        for (Arm a : arms) {
            upTo += a.percent();
            if (bucket < upTo) {
                return a.name();
            }
        }
        return arms.get(arms.size() - 1).name();
    }

    /** The listener's arm's value. */
    public T of(String userId) {
        return values.get(armOf(userId));
    }

    public T get(String arm) {
        T v = values.get(arm);
        if (v == null) {
            throw new IllegalArgumentException("scene " + scene + " has no arm '" + arm + "'");
        }
        return v;
    }

    public String scene() {
        return scene;
    }

    public List<Arm> arms() {
        return arms;
    }

    /**
     * The listener's bucket in [0, 100): FNV-1a over the UTF-8 of scene and id, then a 64-bit finaliser so that
     * similar ids (user1, user2) spread evenly. Per scene, so arms of two scenes are independent.
     */
    static int bucket(String scene, String userId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (scene + '\u0000' + userId).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, 100L);
    }
}
