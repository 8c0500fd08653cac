package io.melograph.app;

import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TunedScenesTest {
    @TempDir
    Path home;

    @Test
    void aTunedWeightListOverridesOnlyTheChannelsItNames() {
        TunedScenes.write(home, Map.of("fm", Map.of("weights", "vector=2,kg-co-listened=4", "quotas", "vector=10",
                "familiar-share", "0.5")), List.of("tuned before the interest channels existed"));
        PropertySource tuned = TunedScenes.load(home).orElseThrow();

        Map<String, String> weights = pairs(tuned.get("melograph.scenes.fm.weights"));
        assertEquals("2", weights.get("vector"));
        assertEquals("4", weights.get("kg-co-listened"));
        // channels the file does not name keep application.yml's weights, not the fusion's default of 1
        assertEquals("0.8", weights.get("kg-same-artist"));
        assertEquals("0.5", weights.get("interest-1"));
        assertTrue(weights.containsKey("interest-now"), weights.toString());
        // application.yml has no quotas: the tuned ones alone; keys that are not channel lists stay as tuned
        assertEquals("vector=10", tuned.get("melograph.scenes.fm.quotas"));
        assertEquals("0.5", tuned.get("melograph.scenes.fm.familiar-share").toString());
        assertEquals(Set.of("melograph.scenes.fm.weights", "melograph.scenes.fm.quotas", "melograph.scenes.fm.familiar-share"),
                Set.copyOf(iterate(tuned)));
    }

    @Test
    void aBrokenTunedListNamesTheFile() throws Exception {
        Files.createDirectories(TunedScenes.file(home).getParent());
        Files.writeString(TunedScenes.file(home), "melograph:\n  scenes:\n    daily:\n      weights: vector\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TunedScenes.load(home));
        assertTrue(e.getMessage().contains(TunedScenes.file(home).toString()) && e.getMessage().contains("'vector'"),
                e.getMessage());
    }

    /** The demo's tuned values go to a new demo home only when its community is the one they were tuned on. */
    @Test
    void aNewDemoHomeOfTheTunedCommunityStartsOnTheTunedValues(@TempDir Path other, @TempDir Path notDemo) throws Exception {
        TunedScenes.installDemoDefaults(home, settings(Map.of()));
        String tuned = Files.readString(TunedScenes.file(home));
        assertTrue(tuned.contains("familiar-share: '0.6'"), tuned);
        assertEquals("0.6", TunedScenes.load(home).orElseThrow().get("melograph.scenes.daily.familiar-share").toString());

        TunedScenes.installDemoDefaults(other, settings(Map.of("MELOGRAPH_DEMO_LISTENERS", "100")));
        assertFalse(Files.exists(TunedScenes.file(other)), "another community: values tuned on the demo's would mislead");
        TunedScenes.installDemoDefaults(notDemo, settings(Map.of("NEO4J_URI", "neo4j://graph:7687")));
        assertFalse(Files.exists(TunedScenes.file(notDemo)), "not the demo");

        Files.writeString(TunedScenes.file(home), "# tuned here\n");
        TunedScenes.installDemoDefaults(home, settings(Map.of()));
        assertEquals("# tuned here\n", Files.readString(TunedScenes.file(home)), "a home's own tuned values stay");
    }

    private static java.util.function.Function<String, java.util.Optional<String>> settings(Map<String, String> env) {
        return k -> java.util.Optional.ofNullable(env.get(k));
    }

    private static Map<String, String> pairs(Object list) {
        return Arrays.stream(list.toString().split(",")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static List<String> iterate(PropertySource source) {
        List<String> keys = new ArrayList<>();
        source.forEach(keys::add);
        return keys;
    }
}
