package io.melograph.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRegistryTest {

    private static String stored(ModelRegistry r, Instant at) throws Exception {
        String v = r.newVersion("ftrl", at);
        r.store(new ModelCard("ftrl", v, at.toString(), "2024-01-01T00:00:00Z", "2024-01-22T00:00:00Z", "abc",
                Map.of("auc.mean", 0.7, "events.trained", 1000.0), "test"));
        return v;
    }

    @Test
    void rollbackWalksBackThroughWhatWasCurrentAndSurvivesAReopen(@TempDir Path home) throws Exception {
        ModelRegistry r = new ModelRegistry(home);
        Instant t = Instant.parse("2026-12-03T08:00:00Z");
        String a = stored(r, t);
        String b = stored(r, t); // the same instant: the next millisecond
        String c = stored(r, t.plusSeconds(1));
        assertEquals(List.of(a, b, c), r.list("ftrl").stream().map(ModelCard::version).toList());
        assertTrue(r.current("ftrl").isEmpty());
        r.promote("ftrl", a, "first");
        r.promote("ftrl", b, "better");
        r.promote("ftrl", c, "better still");
        assertEquals(b, r.rollback("ftrl", "c misbehaves").orElseThrow().version());
        String d = stored(r, t.plusSeconds(2));
        r.promote("ftrl", d, "another");
        ModelRegistry reopened = new ModelRegistry(home);
        assertEquals(d, reopened.current("ftrl").orElseThrow());
        assertEquals(b, reopened.rollback("ftrl", "d misbehaves").orElseThrow().version());
        assertEquals(a, reopened.rollback("ftrl", "so does b").orElseThrow().version());
        assertTrue(reopened.rollback("ftrl", "nothing before a").isEmpty());
        assertEquals(a, reopened.current("ftrl").orElseThrow());
        assertEquals(List.of("promote", "promote", "promote", "rollback", "promote", "rollback", "rollback"),
                reopened.history("ftrl").stream().map(ModelRegistry.Promotion::action).toList());
        assertThrows(IllegalArgumentException.class, () -> r.promote("ftrl", "nope", "unknown"));
        assertEquals(List.of("auc.mean                 0.7000", "events.trained           1,000"), r.list("ftrl").get(0).metricLines());
    }
}
