package io.melograph.rank;

import io.melograph.events.ItemCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FtrlRankerTest {
    private static final long TS = 1_704_103_200_000L;

    private static ItemCatalog.SongFacts song(String id) {
        int n = Integer.parseInt(id.substring(1));
        return new ItemCatalog.SongFacts("Song " + n, List.of("artist-" + n % 50), List.of("Artist " + n % 50),
                List.of("genre-" + n % 7));
    }

    @Test
    void scenesWeighTheHeadsTheirOwnWay() {
        FtrlRanker ranker = new FtrlRanker(new FtrlRanker.Config(16, Ftrl.Params.defaults()),
                FtrlRankerTest::song);
        // s1 is clicked whenever shown but always skipped; s2 is rarely clicked but always played to the end
        for (int k = 0; k < 300; k++) {
            ExposureFacts a = new ExposureFacts("u" + k, "s1", "daily", TS + k, 0, List.of(), 0, song("s1"));
            ExposureFacts b = new ExposureFacts("u" + k, "s2", "daily", TS + k, 0, List.of(), 0, song("s2"));
            ranker.learn(Head.CLICK, a, true);
            ranker.learn(Head.COMPLETE, a, false);
            ranker.learn(Head.CLICK, b, k % 5 == 0);
            ranker.learn(Head.COMPLETE, b, true);
        }
        List<FtrlRanker.Candidate> both = List.of(new FtrlRanker.Candidate("s1", List.of()), new FtrlRanker.Candidate("s2", List.of()));
        List<FtrlRanker.Scored> daily = ranker.score("new-listener", "daily", TS, both);
        List<FtrlRanker.Scored> fm = ranker.score("new-listener", "fm", TS, both);
        assertEquals("s1", daily.get(0).itemId(), "in the candidates' order");
        assertTrue(daily.get(0).click() > daily.get(1).click());
        assertTrue(daily.get(0).complete() < daily.get(1).complete());
        HeadWeights radio = new HeadWeights(0, 1.5, 0.5);
        assertTrue(radio.combine(fm.get(1).heads()) > radio.combine(fm.get(0).heads()), "fm ranks by completion: " + fm);
        assertEquals(Math.pow(daily.get(0).click(), 1) * Math.pow(daily.get(0).complete(), 0.5) * daily.get(0).like(),
                new HeadWeights(1, 0.5, 1).combine(daily.get(0).heads()), 1e-12, "daily: click^1 · complete^0.5 · like^1");
    }

    /** Not a benchmark: a number for the integrator (scoring 500 candidates, ~20 features each, 3 heads). */
    @Test
    void scoringFiveHundredCandidatesTakesAboutAMillisecond() {
        FtrlRanker ranker = new FtrlRanker(FtrlRanker.Config.defaults(), FtrlRankerTest::song);
        Random rng = new Random(4);
        for (int k = 0; k < 20_000; k++) {
            String id = "s" + rng.nextInt(5000);
            ranker.learn(Head.values()[k % 3], new ExposureFacts("u" + rng.nextInt(300), id, "daily", TS + k, k % 9,
                    List.of("kg-tags"), k, song(id)), rng.nextBoolean());
        }
        List<FtrlRanker.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            candidates.add(new FtrlRanker.Candidate("s" + rng.nextInt(5000), List.of("kg-tags", "vector")));
        }
        long[] times = new long[200];
        int rounds = 300;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<FtrlRanker.Scored> s = ranker.score("u" + r % 300, "daily", TS, candidates);
            long t = System.nanoTime() - t0;
            assertEquals(500, s.size());
            if (r >= 100) {
                times[r - 100] = t;
            }
        }
        java.util.Arrays.sort(times);
        System.out.printf("FtrlRanker.score: 500 candidates: median %.2f ms, p90 %.2f ms, best %.2f ms (200 rounds after 100 warm-up)%n",
                times[100] / 1e6, times[180] / 1e6, times[0] / 1e6);
    }
}
