package io.melograph.scene;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneArmsTest {

    @Test
    void listenersSplitByStablePercentsPerScene() {
        SceneArms<String> arms = SceneArms.of("daily", List.of(new SceneArms.Arm("a", 20), new SceneArms.Arm("b", 80)), n -> n + "!");
        Map<String, Integer> counts = new HashMap<>();
        int sameInFm = 0;
        SceneArms<String> fm = SceneArms.of("fm", List.of(new SceneArms.Arm("a", 20), new SceneArms.Arm("b", 80)), n -> n);
        for (int i = 0; i < 20_000; i++) {
            String user = "user" + i;
            String arm = arms.armOf(user);
            assertEquals(arm, arms.armOf(user), "the same listener, the same arm");
            assertEquals(arm + "!", arms.of(user));
            counts.merge(arm, 1, Integer::sum);
            sameInFm += arm.equals(fm.armOf(user)) ? 1 : 0;
        }
        assertEquals(0.2, counts.get("a") / 20_000.0, 0.015, counts.toString());
        // independent per scene: P(same) = 0.2² + 0.8² = 0.68, not 1
        assertEquals(0.68, sameInFm / 20_000.0, 0.015);
        // fixed across JVMs and releases: a changed hash would move listeners between arms mid-experiment
        assertEquals(93, SceneArms.bucket("daily", "sim:user:0001"));
    }

    @Test
    void armsMustAddUpAndBeNamedOnce() {
        assertThrows(IllegalArgumentException.class, () -> SceneArms.of("daily", List.of(new SceneArms.Arm("a", 60)), n -> n));
        assertThrows(IllegalArgumentException.class, () -> SceneArms.of("daily",
                List.of(new SceneArms.Arm("a", 50), new SceneArms.Arm("a", 50)), n -> n));
        assertThrows(IllegalArgumentException.class, () -> SceneArms.of("daily",
                List.of(new SceneArms.Arm("A b", 50), new SceneArms.Arm("c", 50)), n -> n));
        assertEquals("main", SceneArms.single("fm", 1).armOf("anyone"));
    }

    @Test
    void anArmOverridesOnlyTheKeysItSets() {
        Map<String, String> props = Map.of(
                "melograph.scenes.daily.arms", "control=50, tuned=50",
                "melograph.scenes.daily.familiar-share", "0.3",
                "melograph.scenes.daily.arm.tuned.familiar-share", "0.1",
                "melograph.scenes.daily.size", "20");
        SceneConfig config = new SceneConfig(k -> Optional.ofNullable(props.get(k)));
        SceneArms<DailyMixScene.Settings> daily = config.dailyArms();
        assertEquals(List.of(new SceneArms.Arm("control", 50), new SceneArms.Arm("tuned", 50)), daily.arms());
        assertEquals(0.3, daily.get("control").familiarShare());
        assertEquals(0.1, daily.get("tuned").familiarShare());
        assertEquals(20, daily.get("tuned").size(), "not set for the arm: the scene's");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SceneConfig(
                k -> Optional.ofNullable(Map.of("melograph.scenes.fm.arms", "x").get(k))).arms("fm")).getMessage().contains("name=percent"));
    }

}
