package io.melograph.rank.deep;

import io.melograph.events.Action;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scoring one listener's candidates computes their shared history once and broadcasts it; every model must give the
 * same probabilities as when each candidate carries its own copy of that history (the training path).
 */
class SharedHistoryScoringTest {

    @Test
    void aSharedHistoryScoresAsACopyPerCandidate() {
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        DnnRanker.Settings quick = new DnnRanker.Settings(8, 4, new int[] {16}, 1, d.learningRate(), 256, 0, d.l2());
        BehaviourData train = DnnRankerTest.data(600, 5);
        // one listener's history over three sessions (gaps of an hour), every behaviour
        BehaviourSequences s = new BehaviourSequences();
        SplittableRandom r = new SplittableRandom(3);
        Action[] actions = {Action.PLAY, Action.COMPLETE, Action.SKIP, Action.LIKE};
        for (int k = 0; k < 40; k++) {
            s.add(r.nextInt(200), actions[k % 4], k / 12 * 3_600_000L + k * 1_000L);
        }
        BehaviourSequences.History shared = s.at(4 * 3_600_000L);
        Exposure[] one = new Exposure[25];
        Exposure[] copies = new Exposure[25];
        for (int k = 0; k < one.length; k++) {
            int song = r.nextInt(200);
            one[k] = new Exposure(1, song, 4 * 3_600_000L, "fm", 2, shared);
            copies[k] = new Exposure(1, song, 4 * 3_600_000L, "fm", 2, copy(shared));
        }
        assertEquals(1, new RankingBatch(java.util.List.of(one), RankingVocabulary.of(train), true).historyRows);
        assertEquals(25, new RankingBatch(java.util.List.of(copies), RankingVocabulary.of(train), true).historyRows);
        for (String name : RankerModels.names()) {
            DnnRanker model = DnnRankerTest.fitted(name, quick, train);
            double[][] a = model.headProbabilities(one);
            double[][] b = model.headProbabilities(copies);
            for (int h = 0; h < a.length; h++) {
                assertArrayEquals(b[h], a[h], 1e-5, name + " head " + h);
            }
        }
    }

    private static BehaviourSequences.History copy(BehaviourSequences.History h) {
        int[][] songs = new int[h.songs().length][];
        int[][] back = new int[h.songs().length][];
        for (int k = 0; k < songs.length; k++) {
            songs[k] = h.songs()[k].clone();
            back[k] = h.sessionsBack()[k].clone();
        }
        return new BehaviourSequences.History(songs, back, 3);
    }
}
