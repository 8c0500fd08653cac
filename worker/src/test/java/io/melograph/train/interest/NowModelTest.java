package io.melograph.train.interest;

import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.NowSteps;
import io.melograph.interest.NowModel;
import io.melograph.interest.InterestModel;
import io.melograph.events.Action;
import io.melograph.events.ItemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short-term model on a planted structure: four moods of ten songs; each listener likes two moods and listens to
 * one of them per session (eight plays, a day apart); a fifth of the plays stray into a mood they do not like and are
 * skipped. What must come out: the current session's mood above the listener's other mood (which the long-term model
 * cannot tell apart), and a skip turning the next answer away from the skipped mood at once.
 */
class NowModelTest {
    static final int MOODS = 4;
    static final int PER_MOOD = 10;
    static final int SONGS = MOODS * PER_MOOD;
    static final long MINUTE = 60_000L;
    static final long DAY = 86_400_000L;
    static InterestModel longTerm;
    static NowModel now;

    @BeforeAll
    static void train() {
        SplittableRandom rng = new SplittableRandom(3);
        List<NowTrainer.Plays> plays = new ArrayList<>();
        int[][] sequences = new int[160][];
        for (int u = 0; u < sequences.length; u++) {
            int a = u % MOODS;
            int b = (a + 1 + (u / MOODS) % (MOODS - 1)) % MOODS;
            List<int[]> steps = new ArrayList<>();
            List<Integer> taken = new ArrayList<>();
            long t = 0;
            for (int session = 0; session < 12; session++) {
                int mood = rng.nextBoolean() ? a : b;
                for (int k = 0; k < 8; k++) {
                    boolean stray = rng.nextInt(5) == 0;
                    int m = stray ? (mood + 2 + rng.nextInt(2)) % MOODS : mood;
                    if (stray && (m == a || m == b)) {
                        m = (m + 1) % MOODS == a || (m + 1) % MOODS == b ? (m + 2) % MOODS : (m + 1) % MOODS;
                    }
                    int song = m * PER_MOOD + rng.nextInt(PER_MOOD);
                    boolean liked = m == a || m == b;
                    steps.add(new int[] {song, liked ? NowSteps.COMPLETED : NowSteps.SKIPPED, (int) (t / MINUTE)});
                    if (liked) {
                        taken.add(song);
                    }
                    t += 4 * MINUTE;
                }
                t += DAY;
            }
            plays.add(new NowTrainer.Plays(steps.stream().mapToInt(s -> s[0]).toArray(), steps.stream().mapToInt(s -> s[1]).toArray(),
                    steps.stream().mapToLong(s -> s[2] * MINUTE).toArray()));
            sequences[u] = taken.stream().mapToInt(Integer::intValue).toArray();
        }
        longTerm = new InterestTrainer(new InterestTrainer.Settings(InterestModel.Kind.MIND, false, 16, 20, 2, 8, 0.01, 128, 32,
                0.25, 2.0, 4, 60)).train(sequences, SONGS, SongNeighbourhood.none(SONGS), 42).model();
        now = new NowTrainer(new NowTrainer.Settings(10, 12, 0.01, 128, 32, 60)).train(plays, longTerm, 42).model();
    }

    static String id(int song) {
        return "s" + song;
    }

    static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }

    /** Share of the five best-scored songs (the latest plays left out; six of each mood are left) in the mood. */
    static double shareOf(int mood, NowModel.Now n) {
        float[] scores = new float[SONGS];
        now.score(n.vector(), scores);
        for (NowSteps.Step s : n.steps()) {
            scores[index(s.song())] = Float.NEGATIVE_INFINITY;
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < SONGS; s++) {
            order.add(s);
        }
        order.sort((x, y) -> Float.compare(scores[y], scores[x]));
        return order.subList(0, 5).stream().filter(s -> s / PER_MOOD == mood).count() / 5.0;
    }

    /** A day-old session of the other mood, then {@code recent} plays of the current one, 4 minutes apart. */
    static List<NowSteps.Step> plays(int other, int current, int recent, int outcome) {
        List<NowSteps.Step> steps = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            steps.add(new NowSteps.Step(id(other * PER_MOOD + k), NowSteps.COMPLETED, k * 4 * MINUTE));
        }
        long start = DAY;
        for (int k = 0; k < recent; k++) {
            steps.add(new NowSteps.Step(id(current * PER_MOOD + k), outcome, start + k * 4 * MINUTE));
        }
        return steps;
    }

    @Test
    void theCurrentSessionsMoodComesFirst() {
        double current = 0;
        double other = 0;
        int cases = 0;
        for (int a = 0; a < MOODS; a++) {
            int b = (a + 1) % MOODS;
            List<NowSteps.Step> steps = plays(b, a, 4, NowSteps.COMPLETED);
            NowModel.Now n = now.now(steps, steps.get(steps.size() - 1).ts(), NowModelTest::index);
            current += shareOf(a, n);
            other += shareOf(b, n);
            cases++;
        }
        assertTrue(current / cases >= 0.7, "the session's mood: " + current / cases);
        assertTrue(other / cases < current / cases - 0.4, "the older mood: " + other / cases + " against " + current / cases);
    }

    @Test
    void skipsTurnTheAnswerAwayAtOnce() {
        double completed = 0;
        double skipped = 0;
        for (int c = 0; c < MOODS; c++) {
            int b = (c + 1) % MOODS;
            List<NowSteps.Step> liked = plays(b, c, 3, NowSteps.COMPLETED);
            List<NowSteps.Step> refused = plays(b, c, 3, NowSteps.SKIPPED);
            completed += shareOf(c, now.now(liked, liked.get(liked.size() - 1).ts(), NowModelTest::index));
            skipped += shareOf(c, now.now(refused, refused.get(refused.size() - 1).ts(), NowModelTest::index));
        }
        assertTrue(skipped / MOODS < completed / MOODS - 0.3, "after skips " + skipped / MOODS + ", after completes " + completed / MOODS);
    }

    @Test
    void onePlayIsOneStepWithItsStrongestEnding() {
        NowSteps steps = new NowSteps().add("a", ItemType.SONG, Action.PLAY, 1).add("a", ItemType.SONG, Action.COMPLETE, 2)
                .add("a", ItemType.SONG, Action.LIKE, 3).add("v", ItemType.VIDEO, Action.PLAY, 4)
                .add("b", ItemType.SONG, Action.IMPRESSION, 5).add("b", ItemType.SONG, Action.PLAY, 6)
                .add("b", ItemType.SONG, Action.SKIP, 7).add("a", ItemType.SONG, Action.PLAY, 8);
        assertEquals(List.of(new NowSteps.Step("a", NowSteps.LIKED, 1), new NowSteps.Step("b", NowSteps.SKIPPED, 6),
                new NowSteps.Step("a", NowSteps.PLAYED, 8)), steps.steps());
        assertEquals(0, NowSteps.recency(0));
        assertEquals(1, NowSteps.recency(30 * MINUTE));
        assertEquals(5, NowSteps.recency(30 * DAY));
        assertEquals(null, now.now(List.of(new NowSteps.Step("unknown", NowSteps.COMPLETED, 0)), 0, s -> -1), "no song it knows");
    }
}
