package io.melograph.eval.replay;

import io.melograph.rank.HeadWeights;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneTunerTest {

    /**
     * A made-up validation score with its best at familiar share 0.5, a's weight 2, b off, b's quota 10 irrelevant,
     * the complete head weighing 2, the like head off, the click head irrelevant.
     */
    private static double score(SceneTuner.SceneChoice c) {
        double quotaPenalty = c.quotas().containsKey("a") ? 0.05 : 0;
        return 1 - Math.pow(c.familiarShare() - 0.5, 2) - Math.pow(c.weights().get("a") - 2, 2) / 10
                - c.weights().get("b") / 20 - quotaPenalty - Math.pow(c.heads().complete() - 2, 2) / 10 - c.heads().like() / 20;
    }

    @Test
    void coordinateAscentKeepsOnlyWhatScoresHigherAndMovesFromTheBestSoFar() {
        SceneTuner.SceneChoice hand = new SceneTuner.SceneChoice(Map.of("a", 1.0, "b", 1.0), Map.of(), 0.3, HeadWeights.EVEN);
        List<SceneTuner.Trial> trials = new ArrayList<>();
        SceneTuner.SceneChoice best = SceneTuner.search("daily", hand, 3, SceneTunerTest::score, trials, line -> { });
        assertEquals(0.5, best.familiarShare());
        assertEquals(2.0, best.weights().get("a"), "×2 from 1, found after the familiar share moved");
        assertEquals(0.0, best.weights().get("b"));
        assertTrue(best.quotas().isEmpty(), "a quota that only costs is never kept");
        assertEquals(new HeadWeights(1, 2, 0), best.heads(), "complete ×2, like off, click as it was (no gain, no change)");
        assertEquals("hand-set values", trials.get(0).change());
        double last = Double.NEGATIVE_INFINITY;
        for (SceneTuner.Trial t : trials) {
            if (t.kept()) {
                assertTrue(t.score() > last, "each kept change scores higher: " + t);
                last = t.score();
            }
        }
        assertEquals(score(best), last, 1e-12);
        assertFalse(trials.stream().anyMatch(t -> t.change().contains("weight 0 → 0 ")), "no move that changes nothing");
        assertEquals(Map.of("weights", "a=2,b=0", "quotas", "", "familiar-share", "0.5", "head-weights", "click=1,complete=2,like=0"),
                best.properties());
    }

    @Test
    void aSceneWithoutAFamiliarShareTunesOnlyWeightsQuotasAndHeads() {
        SceneTuner.SceneChoice hand = new SceneTuner.SceneChoice(Map.of("a", 1.0, "b", 1.0), Map.of(), Double.NaN,
                new HeadWeights(0, 1.5, 0.5));
        List<SceneTuner.Trial> trials = new ArrayList<>();
        SceneTuner.SceneChoice best = SceneTuner.search("fm", hand, 3,
                c -> 1 - Math.pow(c.weights().get("a") - 2, 2) / 10 - c.weights().get("b") / 20, trials, line -> { });
        assertFalse(trials.stream().anyMatch(t -> t.change().contains("familiar")), "FM has no familiar share to try");
        assertEquals(Map.of("weights", "a=2,b=0", "quotas", "", "head-weights", "click=0,complete=1.5,like=0.5"), best.properties(),
                "head weights that change nothing stay as they were");
    }
}
