package io.melograph.scene;

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
        ScenePolicy p = ScenePolicies.parse("daily", "a, b", "a=2,b=0.5", "b=10", "a=50", 40, 200, KNOWN);
        assertEquals(List.of("a", "b"), p.channels());
        assertEquals(2.0, p.fusion().weight("a"));
        assertEquals(10, p.fusion().quota("b"));
        assertEquals(Integer.MAX_VALUE, p.fusion().quota("a"));
        assertEquals(Duration.ofMillis(50), p.budget("a"));
        assertEquals(Duration.ofMillis(200), p.budget("b"));
        assertEquals(40, p.perChannel());
    }

    @Test
    void badConfigurationSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", "a,x", "", "", "", 1, 1, KNOWN))
                .getMessage().contains("unknown channel 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", "a", "c=1", "", "", 1, 1, KNOWN))
                .getMessage().contains("'c' is configured but not one of its channels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", "a", "a", "", "", 1, 1, KNOWN))
                .getMessage().contains("expected channel=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", "a", "a=x", "", "", 1, 1, KNOWN))
                .getMessage().contains("not a number"));
        assertThrows(IllegalArgumentException.class, () -> ScenePolicies.parse("fm", " ", "", "", "", 1, 1, KNOWN));
    }
}
