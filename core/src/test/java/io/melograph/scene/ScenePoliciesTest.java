package io.melograph.scene;

import io.melograph.rank.HeadWeights;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenePoliciesTest {
    private static final Set<String> KNOWN = Set.of("a", "b", "c");

    @Test
    void readsChannelsWeightsQuotasAndBudgets() {
        ScenePolicy p = ScenePolicies.parse("daily", List.of("a, b".split(",")), "a=2,b=0.5", "b=10", "a=50", "", 40, 200, KNOWN);
        assertEquals(List.of("a", "b"), p.channels());
        assertEquals(2.0, p.fusion().weight("a"));
        assertEquals(10, p.fusion().quota("b"));
        assertEquals(Integer.MAX_VALUE, p.fusion().quota("a"));
        assertEquals(Duration.ofMillis(50), p.budget("a"));
        assertEquals(Duration.ofMillis(200), p.budget("b"));
        assertEquals(40, p.perChannel());
        assertEquals(HeadWeights.EVEN, p.heads(), "no head weights: every head counts the same");
        assertEquals(new HeadWeights(0, 1.5, 1), ScenePolicies.parse("fm", List.of("a".split(",")), "", "", "", "click=0, complete=1.5", 1, 1, KNOWN).heads(),
                "a head not named weighs 1");
    }

    @Test
    void badConfigurationSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a,x".split(",")), "", "", "", "", 1, 1, KNOWN))
                .getMessage().contains("unknown channel 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a".split(",")), "c=1", "", "", "", 1, 1, KNOWN))
                .getMessage().contains("'c' is configured but not one of its channels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a".split(",")), "a", "", "", "", 1, 1, KNOWN))
                .getMessage().contains("expected channel=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a".split(",")), "a=x", "", "", "", 1, 1, KNOWN))
                .getMessage().contains("not a number"));
        assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of(" ".split(",")), "", "", "", "", 1, 1, KNOWN));
        assertEquals("scene fm head-weights: expected click=, complete= or like= with a number, got 'skip=1'",
                assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a".split(",")), "", "", "", "skip=1", 1, 1, KNOWN)).getMessage());
        assertEquals("scene fm head-weights: not a number in 'like=lots'",
                assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a".split(",")), "", "", "", "like=lots", 1, 1, KNOWN)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", List.of("a".split(",")), "", "", "", "like=-1", 1, 1, KNOWN))
                .getMessage().startsWith("scene fm head-weights: head weights must be finite and ≥ 0"));
    }
}
