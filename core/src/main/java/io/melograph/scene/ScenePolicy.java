package io.melograph.scene;

import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a scene recalls: which channels run (in parallel), each one's time budget, how many candidates each may bring
 * ({@code perChannel}, before its quota) and how they are fused (weights and quotas). Read from configuration
 * ({@code melograph.scenes.<scene>.*}, see application.yml), so a new channel joins a scene without code; and how its
 * ranker combines the behaviour heads ({@code heads}). {@code arm} names the A/B arm the policy serves ({@link SceneArms}).
 */
public record ScenePolicy(String scene, String arm, List<String> channels, Fusion.Policy fusion, int perChannel,
                          Map<String, Duration> budgets, Duration defaultBudget, HeadWeights heads) {
    public ScenePolicy {
        channels = List.copyOf(channels);
        budgets = Map.copyOf(budgets);
    }

    public Duration budget(String channel) {
        return budgets.getOrDefault(channel, defaultBudget);
    }

    /** The same policy with every channel's budget at least {@code floor}: for recall that no listener waits for. */
    public ScenePolicy withBudgetsAtLeast(Duration floor) {
        Map<String, Duration> raised = new LinkedHashMap<>();
        budgets.forEach((channel, b) -> raised.put(channel, b.compareTo(floor) < 0 ? floor : b));
        return new ScenePolicy(scene, arm, channels, fusion, perChannel, raised, defaultBudget.compareTo(floor) < 0 ? floor : defaultBudget,
                heads);
    }

    /** The same policy serving the named A/B arm. */
    public ScenePolicy inArm(String name) {
        return new ScenePolicy(scene, name, channels, fusion, perChannel, budgets, defaultBudget, heads);
    }
}
