package io.melograph.recall;

import io.melograph.events.ItemCatalog;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.vectors.VectorMath;
import io.melograph.interest.CatalogFacts;
import io.melograph.interest.InterestModel;
import io.melograph.interest.InterestModelFile;
import io.melograph.train.interest.InterestTrainer;
import io.melograph.interest.NowModel;
import io.melograph.interest.NowSteps;
import io.melograph.train.interest.NowTrainer;
import io.melograph.interest.SongNeighbourhood;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interest channels on a planted structure (four moods of ten songs, each mood one artist and genre; listeners
 * move between two moods): the served version's interests name the listener's moods, each channel recalls from them
 * what the model ranks first (the index's order is the dot-product order), never a song of the history or the
 * exclusions; a promoted version is swapped in.
 */
class InterestChannelTest {
    static final int MOODS = 4;
    static final int PER_MOOD = 10;
    static final int SONGS = MOODS * PER_MOOD;
    static InterestModel model;
    static NowModel now;
    static List<String> ids;

    @TempDir
    Path home;

    @BeforeAll
    static void train() {
        SplittableRandom rng = new SplittableRandom(7);
        int[][] sequences = new int[120][60];
        for (int u = 0; u < sequences.length; u++) {
            int a = u % MOODS;
            int b = (a + 1 + (u / MOODS) % (MOODS - 1)) % MOODS;
            for (int t = 0; t < 60; t++) {
                sequences[u][t] = ((t / 5) % 2 == 0 ? a : b) * PER_MOOD + rng.nextInt(PER_MOOD);
            }
        }
        CatalogFacts facts = new CatalogFacts();
        for (int s = 0; s < SONGS; s++) {
            facts.songFact(id(s), "PERFORMED_BY", "artist:" + s / PER_MOOD);
        }
        ids = facts.songIds();
        model = new InterestTrainer(new InterestTrainer.Settings(InterestModel.Kind.MIND, true, 16, 20, 2, 8, 0.01, 128, 32, 0.5,
                2.0, 4, 60)).train(sequences, SONGS, SongNeighbourhood.of(facts.triples(), SONGS, 4), 42).model();
        List<NowTrainer.Plays> plays = new ArrayList<>();
        for (int[] sequence : sequences) {
            int[] outcomes = new int[sequence.length];
            Arrays.fill(outcomes, NowSteps.COMPLETED);
            plays.add(new NowTrainer.Plays(sequence, outcomes, IntStream.range(0, sequence.length).mapToLong(t -> t * 240_000L).toArray()));
        }
        now = new NowTrainer(new NowTrainer.Settings(10, 6, 0.01, 128, 32, 60)).train(plays, model, 42).model();
    }

    static String id(int song) {
        return "song:" + song;
    }

    static int moodOf(String id) {
        return Integer.parseInt(id.substring("song:".length())) / PER_MOOD;
    }

    static ItemCatalog.SongFacts facts(String id) {
        int mood = moodOf(id);
        return new ItemCatalog.SongFacts("Song " + id, List.of("artist:" + mood), List.of("Artist " + mood), List.of("genre " + mood));
    }

    private void promote(ModelRegistry registry, String version) throws Exception {
        Files.createDirectories(registry.dir(InterestModelFile.KIND, version));
        InterestModelFile.write(registry.dir(InterestModelFile.KIND, version).resolve(InterestModelFile.NAME), model, ids, now, null);
        registry.store(new ModelCard(InterestModelFile.KIND, version, Instant.now().toString(), "2024-01-01T00:00:00Z",
                "2024-01-22T00:00:00Z", "x", Map.of(), "test"));
        registry.promote(InterestModelFile.KIND, version, "test");
    }

    @Test
    void interestsNameTheListenersMoodsAndChannelsRecallWhatTheModelRanksFirst() throws Exception {
        ModelRegistry registry = new ModelRegistry(home);
        // moods 0 and 2, alternating in runs of five, 30 songs
        List<String> history = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            history.add(id(((t / 5) % 2 == 0 ? 0 : 2) * PER_MOOD + (t * 3) % 5));
        }
        try (LiveInterests live = new LiveInterests(registry)) {
            ListenerInterests interests = new ListenerInterests(live, u -> history, u -> Optional.empty(), InterestChannelTest::facts);
            List<RecallChannel> channels = InterestChannel.all(interests, InterestChannelTest::facts);
            ListenerContext context = new ListenerContext("u1", List.of(), List.of(), List.of(id(9)));
            assertTrue(channels.get(0).recall(context, 10, Duration.ofSeconds(1)).isEmpty(), "no model is live yet");

            promote(registry, "v1");
            assertTrue(live.swapToCurrent());
            assertEquals("v1", live.version());
            assertFalse(live.swapToCurrent(), "already live");
            assertTrue(Files.isDirectory(registry.dir(InterestModelFile.KIND, "v1").resolve(ServedInterests.INDEX_DIR)),
                    "the index is kept beside the version");

            ListenerInterests.Interests mine = interests.of("u1").orElseThrow();
            assertEquals(InterestModel.interestsFor(30, 2), mine.interests().size());
            Set<String> named = new HashSet<>();
            mine.interests().forEach(i -> named.addAll(i.artists()));
            assertEquals(Set.of("Artist 0", "Artist 2"), named, "the interests are named by the listener's own artists");

            Set<String> heard = new HashSet<>(history);
            ServedInterests served = live.served().orElseThrow();
            for (int k = 0; k < mine.interests().size(); k++) {
                List<Candidate> got = channels.get(k).recall(context, 10, Duration.ofSeconds(1));
                assertEquals(10, got.size(), "interest-" + (k + 1));
                float[] vector = mine.interests().get(k).vector();
                List<String> expected = IntStream.range(0, SONGS).mapToObj(InterestChannelTest::id)
                        .filter(s -> !heard.contains(s) && !s.equals(id(9)))
                        .sorted(Comparator.comparingDouble((String s) -> -VectorMath.dot(vector, model.songVector(served.song(s)))))
                        .limit(10).toList();
                assertEquals(expected, got.stream().map(Candidate::itemId).toList(), "the model's own order");
                Map<Integer, Integer> moods = new HashMap<>();
                got.stream().limit(4).forEach(c -> moods.merge(moodOf(c.itemId()), 1, Integer::sum));
                assertTrue(moods.keySet().stream().allMatch(m -> m == 0 || m == 2), "the best ones from the listener's moods: " + moods);
                Candidate first = got.get(0);
                assertTrue(first.reason().startsWith("From your *genre "), first.reason());
                assertEquals(2, first.path().size());
                assertTrue(heard.contains(first.path().get(0)), "the path starts at a song of the interest: " + first.path());
                assertEquals("interest-" + (k + 1), first.channel());
            }
            assertTrue(channels.get(3).recall(context, 10, Duration.ofSeconds(1)).isEmpty(), "no fourth interest");
            assertTrue(channels.get(0).recall(new ListenerContext(null, List.of(), List.of(), List.of()), 10,
                    Duration.ofSeconds(1)).isEmpty(), "no listener, no interests");

            promote(registry, "v2");
            assertTrue(live.swapToCurrent());
            assertEquals("v2", interests.of("u1").orElseThrow().version(), "the listener's interests follow the live version");
        }
    }

    @Test
    void theNowChannelFollowsEveryEvent() throws Exception {
        ModelRegistry registry = new ModelRegistry(home);
        promote(registry, "v1");
        List<NowSteps.Step> steps = new ArrayList<>();
        long[] events = {0};
        for (int k = 0; k < 5; k++) {
            steps.add(new NowSteps.Step(id(2 * PER_MOOD + k), NowSteps.COMPLETED, k * 240_000L));
        }
        try (LiveInterests live = LiveInterests.start(registry, Duration.ofMinutes(1))) {
            ListenerInterests interests = new ListenerInterests(live, u -> List.of(), u -> Optional.of(
                    new ListenerInterests.Plays(List.copyOf(steps), steps.get(steps.size() - 1).ts(), events[0])), InterestChannelTest::facts);
            NowChannel channel = new NowChannel(interests, InterestChannelTest::facts);
            ListenerContext context = new ListenerContext("u1", List.of(), List.of(), List.of(id(25)));
            List<Candidate> got = channel.recall(context, 5, Duration.ofSeconds(1));
            assertEquals(5, got.size());
            Set<String> played = new HashSet<>();
            steps.forEach(s -> played.add(s.song()));
            assertTrue(got.stream().noneMatch(c -> played.contains(c.itemId()) || c.itemId().equals(id(25))), "nothing just played or excluded");
            assertTrue(got.stream().limit(3).allMatch(c -> moodOf(c.itemId()) == 2), "the mood being played: " + got);
            assertTrue(got.get(0).reason().startsWith("Because you just finished *Song song:2") && got.get(0).reason().endsWith("by *Artist 2*"),
                    got.get(0).reason());
            assertEquals("interest-now", got.get(0).channel());

            // five songs of mood 0 finished since: the next answer moves there, with no other input
            for (int k = 0; k < 5; k++) {
                steps.add(new NowSteps.Step(id(k), NowSteps.COMPLETED, 10 * 240_000L + k * 240_000L));
            }
            events[0] = 5;
            List<Candidate> moved = channel.recall(context, 5, Duration.ofSeconds(1));
            assertTrue(moved.stream().limit(3).allMatch(c -> moodOf(c.itemId()) == 0), "the mood played now: " + moved);
        }
    }
}
