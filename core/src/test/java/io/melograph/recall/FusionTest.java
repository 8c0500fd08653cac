package io.melograph.recall;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FusionTest {

    private static Candidate c(String id, double score, String channel) {
        return new Candidate(id, "song", id.toUpperCase(), score, channel, channel + " says " + id, List.of("seed", id));
    }

    @Test
    void scalesEachChannelToItsBestWeighsAndMergesReasons() {
        Map<String, List<Candidate>> by = new LinkedHashMap<>();
        by.put("a", List.of(c("x", 10, "a"), c("y", 5, "a")));
        by.put("b", List.of(c("y", 0.2, "b"), c("z", 0.1, "b")));
        List<Fusion.Fused> f = Fusion.fuse(by, new Fusion.Policy(Map.of("b", 2.0), Map.of(), 1.0, Integer.MAX_VALUE), 10);
        // y: 0.5 from a + 1.0 * 2 from b = 2.5; x: 1.0; z: 0.5 * 2 = 1.0
        assertEquals(List.of("y", "x", "z"), f.stream().map(Fusion.Fused::itemId).toList());
        Fusion.Fused y = f.get(0);
        assertEquals(2.5, y.score(), 1e-9);
        assertEquals(List.of("b", "a"), y.channels(), "strongest contribution first");
        assertEquals("b says y", y.reason());
        assertEquals(2.0, y.parts().get(0).contribution(), 1e-9);
        assertEquals(0.5, y.parts().get(1).contribution(), 1e-9);
    }

    @Test
    void aQuotaKeepsOnlyAChannelsBest() {
        Map<String, List<Candidate>> by = Map.of("a", List.of(c("x", 1, "a"), c("y", 3, "a"), c("z", 2, "a")));
        List<Fusion.Fused> f = Fusion.fuse(by, new Fusion.Policy(Map.of(), Map.of("a", 2), 1.0, Integer.MAX_VALUE), 10);
        assertEquals(List.of("y", "z"), f.stream().map(Fusion.Fused::itemId).toList());
    }

    @Test
    void limitAndTiesAreDeterministic() {
        Map<String, List<Candidate>> by = Map.of("a", List.of(c("b", 1, "a"), c("a", 1, "a"), c("c", 1, "a")));
        assertEquals(List.of("a", "b"), Fusion.fuse(by, Fusion.Policy.EQUAL, 2).stream().map(Fusion.Fused::itemId).toList());
    }
}
