package io.melograph.train.interest;

import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.InterestModel;
import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interest models on a planted structure: four moods of ten songs each, every listener switching between two of
 * them in runs of five; two cold songs (never played) by the artists of moods 0 and 2. What must come out: the
 * listener's two moods above the other two, MIND's interests each covering a mood, the graph tower placing a cold song
 * by its artist, and the same model from the same seed.
 */
class InterestModelsTest {
    static final int MOODS = 4;
    static final int PER_MOOD = 10;
    static final int PLAYED = MOODS * PER_MOOD;
    static final int COLD_0 = PLAYED;
    static final int COLD_2 = PLAYED + 1;
    static final int SONGS = PLAYED + 2;
    static final int LISTENERS = 120;
    static final long SEED = 42;

    static int[][] sequences;
    static KnowledgeTriples graph;
    static InterestTrainer.Trained single;
    static InterestTrainer.Trained mind;
    static InterestTrainer.Trained mindGraph;

    static InterestTrainer.Settings settings(InterestModel.Kind kind, boolean graph) {
        return new InterestTrainer.Settings(kind, graph, 16, 20, 2, 8, 0.01, 128, 32, 0.5, 2.0, 4, 60);
    }

    static int[] moodsOf(int listener) {
        int first = listener % MOODS;
        return new int[] {first, (first + 1 + (listener / MOODS) % (MOODS - 1)) % MOODS};
    }

    static int moodOf(int song) {
        return song == COLD_0 ? 0 : song == COLD_2 ? 2 : song / PER_MOOD;
    }

    @BeforeAll
    static void trainOnce() {
        SplittableRandom rng = new SplittableRandom(7);
        sequences = new int[LISTENERS][60];
        for (int u = 0; u < LISTENERS; u++) {
            int[] moods = moodsOf(u);
            for (int t = 0; t < 60; t++) {
                sequences[u][t] = moods[(t / 5) % 2] * PER_MOOD + rng.nextInt(PER_MOOD);
            }
        }
        // entities after the songs: one artist per mood; every song, the cold ones too, is by its mood's artist
        List<int[]> facts = new ArrayList<>();
        for (int s = 0; s < SONGS; s++) {
            facts.add(new int[] {s, 0, SONGS + moodOf(s)});
        }
        graph = new KnowledgeTriples(SONGS + MOODS, List.of("by"), facts.stream().mapToInt(f -> f[0]).toArray(),
                facts.stream().mapToInt(f -> f[1]).toArray(), facts.stream().mapToInt(f -> f[2]).toArray());
        single = train(InterestModel.Kind.SINGLE, false, SEED);
        mind = train(InterestModel.Kind.MIND, false, SEED);
        mindGraph = train(InterestModel.Kind.MIND, true, SEED);
    }

    static InterestTrainer.Trained train(InterestModel.Kind kind, boolean kg, long seed) {
        SongNeighbourhood neighbourhood = kg ? SongNeighbourhood.of(graph, SONGS, 4) : SongNeighbourhood.none(SONGS);
        return new InterestTrainer(settings(kind, kg)).train(sequences, SONGS, neighbourhood, seed);
    }

    /** Share of listeners whose ten best-scored played songs all come from their own two moods. */
    static double ownMoodsOnTop(InterestModel model) {
        int right = 0;
        float[] scores = new float[SONGS];
        for (int u = 0; u < LISTENERS; u++) {
            model.score(model.interests(InterestTrainer.collapseRepeats(sequences[u])), scores);
            int[] moods = moodsOf(u);
            boolean all = Arrays.stream(top(scores, 10)).allMatch(s -> moodOf(s) == moods[0] || moodOf(s) == moods[1]);
            right += all ? 1 : 0;
        }
        return right / (double) LISTENERS;
    }

    static int[] top(float[] scores, int n) {
        Integer[] order = new Integer[PLAYED];
        for (int s = 0; s < PLAYED; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        return Arrays.stream(order).limit(n).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void bothModelsRankTheListenersOwnMoodsFirst() {
        double singleShare = ownMoodsOnTop(single.model());
        double mindShare = ownMoodsOnTop(mind.model());
        assertTrue(singleShare >= 0.9, "single: " + singleShare);
        assertTrue(mindShare >= 0.9, "MIND: " + mindShare);
        assertTrue(single.steps() > 0 && Double.isFinite(single.lastLoss()) && Double.isFinite(mind.lastLoss()));
    }

    @Test
    void mindsInterestsEachCoverOneMood() {
        InterestModel model = mind.model();
        int split = 0;
        for (int u = 0; u < LISTENERS; u++) {
            float[][] interests = model.interests(InterestTrainer.collapseRepeats(sequences[u]));
            assertEquals(2, interests.length, "a history of 20 songs, at most 2 interests");
            int[] moods = moodsOf(u);
            int a = majority(model, interests, moods[0]);
            int b = majority(model, interests, moods[1]);
            split += a != b ? 1 : 0;
        }
        assertTrue(split >= LISTENERS * 0.6, split + " of " + LISTENERS + " listeners have one interest per mood");
    }

    /** The interest most of the mood's songs are closest to. */
    static int majority(InterestModel model, float[][] interests, int mood) {
        int[] votes = new int[interests.length];
        for (int s = mood * PER_MOOD; s < (mood + 1) * PER_MOOD; s++) {
            votes[model.closestInterest(interests, s)]++;
        }
        return votes[0] >= votes[1] ? 0 : 1;
    }

    @Test
    void theGraphTowerPlacesAColdSongByItsArtist() {
        assertTrue(coldMargin(mindGraph.model()) > 0.25, "graph: " + coldMargin(mindGraph.model()));
        assertTrue(coldMargin(mindGraph.model()) > coldMargin(mind.model()) + 0.1,
                "graph " + coldMargin(mindGraph.model()) + " vs id-only " + coldMargin(mind.model()));
        assertEquals(1.0, mindGraph.relationAttention().get("by"), 1e-6, "one relation takes all the attention");
        assertTrue(mind.relationAttention().isEmpty());
    }

    /**
     * How much higher a cold song ranks (as a share of the songs below it) for listeners of its artist's mood than for
     * the others, averaged over both cold songs.
     */
    static double coldMargin(InterestModel model) {
        double fans = 0;
        double others = 0;
        int fanCount = 0;
        float[] scores = new float[SONGS];
        for (int u = 0; u < LISTENERS; u++) {
            model.score(model.interests(InterestTrainer.collapseRepeats(sequences[u])), scores);
            for (int cold : new int[] {COLD_0, COLD_2}) {
                int below = 0;
                for (int s = 0; s < PLAYED; s++) {
                    below += scores[s] < scores[cold] ? 1 : 0;
                }
                double share = below / (double) PLAYED;
                int[] moods = moodsOf(u);
                if (moods[0] == moodOf(cold) || moods[1] == moodOf(cold)) {
                    fans += share;
                    fanCount++;
                } else {
                    others += share;
                }
            }
        }
        return fans / fanCount - others / (2 * LISTENERS - fanCount);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedDoesNot() {
        InterestModel again = train(InterestModel.Kind.MIND, false, SEED).model();
        for (int s = 0; s < SONGS; s++) {
            assertArrayEquals(mind.model().songVector(s), again.songVector(s), "song " + s);
        }
        assertArrayEquals(mind.model().interests(sequences[3])[1], again.interests(sequences[3])[1]);
        assertFalse(Arrays.equals(mind.model().songVector(0), train(InterestModel.Kind.MIND, false, SEED + 1).model().songVector(0)));
    }

    @Test
    void theNumberOfInterestsGrowsWithTheHistory() {
        assertEquals(1, InterestModel.interestsFor(0, 4));
        assertEquals(1, InterestModel.interestsFor(3, 4));
        assertEquals(2, InterestModel.interestsFor(4, 4));
        assertEquals(3, InterestModel.interestsFor(15, 4));
        assertEquals(4, InterestModel.interestsFor(16, 4));
        assertEquals(4, InterestModel.interestsFor(1_000, 4));
        assertEquals(1, InterestModel.interestsFor(1_000, 1));
        InterestModel model = mind.model();
        assertEquals(0, model.interests(new int[0]).length);
        assertEquals(1, model.interests(new int[] {1, 2, 3}).length);
        assertEquals(1, single.model().interests(sequences[0]).length);
        float[] scores = new float[SONGS];
        model.score(new float[0][], scores);
        assertTrue(allZero(scores), "no interest, no preference");
    }

    static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void repeatsInARowAreOneStep() {
        assertArrayEquals(new int[] {1, 2, 1, 3}, InterestTrainer.collapseRepeats(new int[] {1, 1, 2, 1, 1, 1, 3}));
        assertArrayEquals(new int[0], InterestTrainer.collapseRepeats(new int[0]));
    }
}
