package io.melograph.api;

import io.melograph.rank.OnlineMetrics;
import io.melograph.scene.SceneArms;
import io.melograph.scene.SceneRecall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * One A/B arm of a scene as /admin/stats shows it, read from the same meters Prometheus scrapes: its share of
 * listeners, recalls and how many fell back to popular songs, and the song events of its listeners in the scene
 * (rates per play; NaN-free: 0 before the first play).
 */
@Serdeable
record ArmView(String scene, String arm, int percent, long recalls, long fallbacks, double fallbackRate, long impressions,
               long plays, long skips, long completes, long likes, double skipRate, double completeRate, double likeRate) {

    static List<ArmView> of(MeterRegistry registry, String scene, SceneArms<?> arms) {
        List<ArmView> out = new ArrayList<>();
        for (SceneArms.Arm a : arms.arms()) {
            long recalls = count(registry, SceneRecall.RECALLS, scene, a.name(), null, null);
            long fallbacks = count(registry, SceneRecall.RECALLS, scene, a.name(), "outcome", "fallback");
            long plays = event(registry, scene, a.name(), "play");
            long skips = event(registry, scene, a.name(), "skip");
            long completes = event(registry, scene, a.name(), "complete");
            long likes = event(registry, scene, a.name(), "like") + event(registry, scene, a.name(), "save");
            out.add(new ArmView(scene, a.name(), a.percent(), recalls, fallbacks, rate(fallbacks, recalls),
                    event(registry, scene, a.name(), "impression"), plays, skips, completes, likes, rate(skips, plays),
                    rate(completes, plays), rate(likes, plays)));
        }
        return out;
    }

    private static long event(MeterRegistry registry, String scene, String arm, String action) {
        return count(registry, OnlineMetrics.EVENTS, scene, arm, "action", action);
    }

    private static long count(MeterRegistry registry, String name, String scene, String arm, String tag, String value) {
        var search = registry.find(name).tag("scene", scene).tag("arm", arm);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return Math.round(search.counters().stream().mapToDouble(Counter::count).sum());
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
