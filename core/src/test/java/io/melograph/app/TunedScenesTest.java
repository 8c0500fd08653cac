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
