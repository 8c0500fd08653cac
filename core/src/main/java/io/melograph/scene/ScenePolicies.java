package io.melograph.scene;

import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scene's policy from its configured values: {@code channels} a list, {@code weights},
 * {@code quotas} and {@code budgets} as {@code channel=value} pairs (budgets in milliseconds), {@code head-weights} as
 * {@code click=1,complete=0.5,like=1} (a head not named weighs 1: {@link HeadWeights#EVEN}). Plain strings, so an
 * environment variable can override any of them ({@code MELOGRAPH_SCENES_FM_WEIGHTS=vector=2,kg-co-listened=1}).
 * Every channel named must exist.
 */
public final class ScenePolicies {

    private ScenePolicies() {}

    public static ScenePolicy parse(String scene, List<String> channels, String weights, String quotas, String budgets,
                                    String headWeights, int perChannel, long budgetMs, Set<String> known) {
        List<String> names = channels.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("scene " + scene + ": no channels");
        }
        Map<String, Double> w = new LinkedHashMap<>();
        pairs(scene, "weights", weights).forEach((k, v) -> w.put(k, Double.parseDouble(v)));
        Map<String, Integer> q = new LinkedHashMap<>();
        pairs(scene, "quotas", quotas).forEach((k, v) -> q.put(k, Integer.parseInt(v)));
        Map<String, Duration> b = new LinkedHashMap<>();
        pairs(scene, "budgets", budgets).forEach((k, v) -> b.put(k, Duration.ofMillis(Long.parseLong(v))));
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("scene " + scene + ": unknown channel '" + n + "'; channels: " + String.join(", ", known));
            }
        }
        for (Map<String, ?> m : List.of(w, q, b)) {
            for (String n : m.keySet()) {
                if (!names.contains(n)) {
                    throw new IllegalArgumentException("scene " + scene + ": '" + n + "' is configured but not one of its channels " + names);
                }
            }
        }
        if (perChannel < 1 || budgetMs < 1) {
            throw new IllegalArgumentException("scene " + scene + ": per-channel and budget-ms must be positive");
        }
        HeadWeights heads = HeadWeights.parse("scene " + scene + " head-weights", headWeights, HeadWeights.EVEN);
        return new ScenePolicy(scene, SceneArms.MAIN, names, new Fusion.Policy(w, q, 1.0, Integer.MAX_VALUE), perChannel, b,
                Duration.ofMillis(budgetMs), heads);
    }

    /**
     * A {@code channel=value} list laid over another, channel by channel: a channel {@code over} names takes its value
     * there, the others keep {@code base}'s. How tuned weights, which name only the channels tuned, join the hand-set ones.
     */
    public static String overlay(String scene, String what, String base, String over) {
        Map<String, String> merged = pairs(scene, what, base);
        merged.putAll(pairs(scene, what, over));
        StringBuilder out = new StringBuilder();
        merged.forEach((k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return out.toString();
    }

    private static Map<String, String> pairs(String scene, String what, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("scene " + scene + " " + what + ": expected channel=value, got '" + pair.strip() + "'");
            }
            out.put(kv[0].strip(), kv[1].strip());
        }
        try {
            out.values().forEach(Double::parseDouble);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scene " + scene + " " + what + ": not a number in '" + text + "'");
        }
        return out;
    }
}
