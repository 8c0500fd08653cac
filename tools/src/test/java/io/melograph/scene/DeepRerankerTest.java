package io.melograph.scene;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.rank.HeadWeights;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerFile;
import io.melograph.recall.Fusion;
import io.melograph.registry.ModelRegistry;
import io.melograph.sim.SimulatedJournals;
import io.melograph.train.ranking.RankerVersions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deep ranker re-orders the first stage's top candidates with a version trained on a journal, keeps the first
 * stage's scores and everything below the top, reads the listener's latest events, and falls back to the first stage
 * (saying why) when no version is promoted or it is over its budget.
 */
class DeepRerankerTest {
    /** Every listener of every scene in an arm that ranks with the deep model. */
    private static final Function<String, SceneArms<Boolean>> ALL_DEEP = scene -> SceneArms.single(scene, true);
    /** A radio's weights: complete over skip, nothing for click. */
    private static final HeadWeights FM = new HeadWeights(0, 1.5, 0.5);
    @TempDir
    static Path home;
    static List<Event> events;
    static ModelRegistry registry;

    @BeforeAll
    static void trainAVersion() throws Exception {
        events = SimulatedJournals.write(home.resolve("journal"), 400, 6, 80, 14, 3);
        registry = new ModelRegistry(home);
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        RankerVersions.train(registry, EventHistory.of(home.resolve("journal")), id -> null, "dnn", new DnnRanker.Settings(d.dim(), d.context(),
                d.hidden(), 2, d.learningRate(), d.batch(), d.validationShare(), d.l2()), null, null, Duration.ofDays(4), 1, Instant.now());
        String version = registry.list(RankerFile.KIND).get(0).version();
        registry.promote(RankerFile.KIND, version, "this test serves it whatever it scored");
    }

    /** The songs the journal played most often, as recall would have fused them (descending fused scores). */
    private static List<Fusion.Fused> candidates(int n) {
        List<String> songs = events.stream().filter(e -> e.action() == Action.PLAY).map(Event::itemId).distinct().limit(n).toList();
        List<Fusion.Fused> out = new ArrayList<>();
        for (int k = 0; k < songs.size(); k++) {
            double s = 1.0 - k * 0.05;
            out.add(new Fusion.Fused(songs.get(k), "song", songs.get(k), List.of(new Fusion.Fused.Part("kg-tags", s, s, "", List.of()))));
        }
        return out;
    }

    private static List<ListenerState.Recent> recentOf(String user) {
        List<ListenerState.Recent> out = new ArrayList<>();
        for (Event e : events) {
            if (e.userId().equals(user)) {
                out.add(0, new ListenerState.Recent(e.itemId(), ItemType.SONG, e.action(), e.scene(), e.ts()));
            }
        }
        return out.subList(0, Math.min(ListenerState.RECENT, out.size()));
    }

    @Test
    void theTopIsReorderedByThePromotedModelAndTheRestKeepsTheFirstStage() throws Exception {
        try (DeepRanking deep = DeepRanking.start(registry, Duration.ofSeconds(60))) {
            DeepRanking.Served served = deep.served().orElseThrow();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            String user = events.get(events.size() - 1).userId();
            long now = events.get(events.size() - 1).ts() + 60_000;
            Function<String, List<ListenerState.Recent>> recent = DeepRerankerTest::recentOf;
            DeepReranker ranker = new DeepReranker(CandidateRanker.FUSED_SCORE, deep, recent, ALL_DEEP,
                    new DeepReranker.Settings(5, Duration.ofSeconds(10), 1), meters);
            List<Fusion.Fused> candidates = candidates(12);
            double[] stage = CandidateRanker.FUSED_SCORE.rank(user, "fm", FM, 0, now, candidates).scores();
            CandidateRanker.Ranking r = ranker.rank(user, "fm", FM, 0, now, candidates);
            assertEquals("dnn " + served.version() + " over recall (top 5 of 12)", r.by());
            assertArrayEquals(Arrays.copyOfRange(stage, 5, 12), Arrays.copyOfRange(r.scores(), 5, 12), "below the top: untouched");
            double[] top = Arrays.copyOf(r.scores(), 5);
            Arrays.sort(top);
            double[] stageTop = Arrays.copyOf(stage, 5);
            Arrays.sort(stageTop);
            assertArrayEquals(stageTop, top, "the top keeps the first stage's scores, handed out in the deep ranker's order");

            // the order within the top is the deep model's: fused score × (floor + the scene's combined heads)
            double[][] heads = served.heads(user, "fm", now, candidates.subList(0, 5).stream().map(Fusion.Fused::itemId).toList(),
                    recentOf(user));
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    double da = candidates.get(a).score() * (OnlineRanker.FLOOR + FM.combine(column(heads, a)));
                    double db = candidates.get(b).score() * (OnlineRanker.FLOOR + FM.combine(column(heads, b)));
                    if (da > db) {
                        assertTrue(r.scores()[a] > r.scores()[b], a + " before " + b);
                    }
                }
            }
            // the listener's latest events are read: without them the same songs score differently
            double[][] cold = served.heads(user, "fm", now, candidates.subList(0, 5).stream().map(Fusion.Fused::itemId).toList(), List.of());
            assertFalse(Arrays.equals(heads[1], cold[1]), "complete head with and without the listener's history");

            DeepReranker hurried = new DeepReranker(CandidateRanker.FUSED_SCORE, deep, recent, ALL_DEEP,
                    new DeepReranker.Settings(5, Duration.ZERO, 1), meters);
            CandidateRanker.Ranking late = hurried.rank(user, "fm", FM, 0, now, candidates);
            assertArrayEquals(stage, late.scores(), "over its budget: the first stage's ranking stands");
            assertEquals("recall (dnn " + served.version() + " over its 0 ms budget)", late.by());
            assertEquals(1, outcomes(meters, "fm", "ranked"));
            assertEquals(1, outcomes(meters, "fm", "over-budget"));

            // an A/B test of the rankers: the control arm of fm ranks with the first stage alone, the other re-ranks
            java.util.Map<String, String> props = java.util.Map.of("melograph.scenes.fm.arms", "deep=50,control=50",
                    "melograph.scenes.fm.arm.control.ranker", "ftrl");
            SceneConfig config = new SceneConfig(key -> java.util.Optional.ofNullable(props.get(key)));
            DeepReranker split = new DeepReranker(CandidateRanker.FUSED_SCORE, deep, recent,
                    config::deepRanking, new DeepReranker.Settings(5, Duration.ofSeconds(10), 1), meters);
            int control = 0;
            for (int k = 0; k < 20; k++) {
                String listener = "listener-" + k;
                CandidateRanker.Ranking answer = split.rank(listener, "fm", FM, 0, now, candidates);
                if (config.deepRanking("fm").armOf(listener).equals("control")) {
                    control++;
                    assertEquals("recall (A/B arm control: recall only)", answer.by());
                    assertArrayEquals(stage, answer.scores());
                } else {
                    assertTrue(answer.by().startsWith("dnn " + served.version() + " over recall"), answer.by());
                }
            }
            assertTrue(control > 0 && control < 20, control + " of 20 in the control arm");
            assertTrue(split.rank(user, "daily", FM, 0, now, candidates).by().startsWith("dnn "), "daily has no arms: deep for all");
            java.util.Map<String, String> wrong = java.util.Map.of("melograph.scenes.fm.ranker", "gbdt");
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new SceneConfig(key -> java.util.Optional.ofNullable(wrong.get(key))).deepRanking("fm")).getMessage()
                    .contains("melograph.scenes.fm.ranker: deep or ftrl, not 'gbdt'"));

            // every scoring thread taken (the one here waits on a listener's events): the next request does not queue
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            DeepReranker one = new DeepReranker(CandidateRanker.FUSED_SCORE, deep, listener -> {
                if (listener.equals("slow")) {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return List.of();
            }, ALL_DEEP, new DeepReranker.Settings(5, Duration.ofSeconds(30), 1), meters);
            java.util.concurrent.CompletableFuture<CandidateRanker.Ranking> slow =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> one.rank("slow", "fm", FM, 0, now, candidates));
            assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals("recall (dnn " + served.version() + " busy)", one.rank(user, "fm", FM, 0, now, candidates).by());
            release.countDown();
            assertTrue(slow.get(30, java.util.concurrent.TimeUnit.SECONDS).by().startsWith("dnn "), "the slow one was ranked");
            assertTrue(one.rank(user, "fm", FM, 0, now, candidates).by().startsWith("dnn "), "its thread is free again");
            assertEquals(1, outcomes(meters, "fm", "busy"));
            assertEquals(1, outcomes(meters, "daily", "ranked"));
            one.close();
            ranker.close();
            hurried.close();
            split.close();
        }
        try (DeepRanking none = new DeepRanking(new ModelRegistry(home.resolve("elsewhere")))) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            DeepReranker ranker = new DeepReranker(CandidateRanker.FUSED_SCORE, none, u -> List.of(), ALL_DEEP,
                    new DeepReranker.Settings(5, Duration.ofSeconds(1), 1), meters);
            assertEquals("recall", ranker.rank("u", "daily", FM, 0, 0, candidates(3)).by(), "no version promoted: the first stage alone");
            assertTrue(meters.find(DeepReranker.OUTCOMES).counters().isEmpty(), "nothing was asked of a deep ranker");
            ranker.close();
        }
    }

    private static long outcomes(SimpleMeterRegistry meters, String scene, String outcome) {
        return Math.round(meters.get(DeepReranker.OUTCOMES).tags("scene", scene, "outcome", outcome).counter().count());
    }

    private static double[] column(double[][] heads, int k) {
        double[] p = new double[heads.length];
        for (int h = 0; h < heads.length; h++) {
            p[h] = heads[h][k];
        }
        return p;
    }
}
