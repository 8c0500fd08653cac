package io.melograph.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScenePropertiesTest {

    private static SceneProperties read(String arm, Map<String, String> values) {
        return SceneProperties.read("daily", arm, k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void unsetKeysTakeTheRecordsDefaults() {
        SceneProperties d = read(null, Map.of());
        assertEquals(List.of(), d.channels());
        assertEquals(50, d.perChannel());
        assertNull(d.budgetMs(), "unset: recall's budget");
        assertEquals(0.3, d.familiarShare());
        assertEquals(Duration.ofMinutes(15), d.precomputeEvery());
        assertEquals("deep", d.ranker());
    }

    @Test
    void valuesAreConvertedAndAnArmsOwnValueWins() {
        Map<String, String> values = Map.of("melograph.scenes.daily.channels", "vector, kg-tags",
                "melograph.scenes.daily.per-channel", "60", "melograph.scenes.daily.precompute-every", "5m",
                "melograph.scenes.daily.familiar-share", "0.3", "melograph.scenes.daily.arm.tuned.familiar-share", "0.1");
        assertEquals(List.of("vector", "kg-tags"), read(null, values).channels());
        assertEquals(Duration.ofMinutes(5), read(null, values).precomputeEvery());
        assertEquals(0.3, read(null, values).familiarShare());
        assertEquals(0.1, read("tuned", values).familiarShare());
        assertEquals(60, read("tuned", values).perChannel(), "not set for the arm: the scene's");
    }

    @Test
    void aWrongValueIsNamedByItsKey() {
        assertEquals("melograph.scenes.daily.per-channel: not a whole number: 'many'", assertThrows(IllegalArgumentException.class,
                () -> read(null, Map.of("melograph.scenes.daily.per-channel", "many"))).getMessage());
        assertEquals("melograph.scenes.daily.precompute-every: not a duration (30ms, 20s, 15m, 7d): 'often'",
                assertThrows(IllegalArgumentException.class,
                        () -> read(null, Map.of("melograph.scenes.daily.precompute-every", "often"))).getMessage());
        assertEquals("melograph.scenes.daily.familiar-share must be between 0 and 1, not 1.5", assertThrows(IllegalArgumentException.class,
                () -> read(null, Map.of("melograph.scenes.daily.familiar-share", "1.5"))).getMessage());
        assertEquals("melograph.scenes.daily.precompute-busy-cpu must be above 0 and at most 1, not 0.0", assertThrows(IllegalArgumentException.class,
                () -> read(null, Map.of("melograph.scenes.daily.precompute-busy-cpu", "0"))).getMessage());
        assertEquals(0.8, read(null, Map.of()).precomputeBusyCpu(), "the default");
        assertEquals("melograph.scenes.daily.ranker: deep or ftrl, not 'gbdt'", assertThrows(IllegalArgumentException.class,
                () -> read("b", Map.of("melograph.scenes.daily.arm.b.ranker", "gbdt"))).getMessage());
    }
}
