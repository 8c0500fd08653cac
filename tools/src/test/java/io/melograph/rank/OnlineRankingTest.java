package io.melograph.rank;

import io.melograph.events.Event;
import io.melograph.events.FileJournal;
import io.melograph.events.ItemCatalog;
import io.melograph.events.Journal;
import io.melograph.events.KafkaJournal;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimSong;
import io.melograph.sim.SyntheticCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learning from the journal across a snapshot, a crash and a restore learns every event exactly once. */
class OnlineRankingTest {
    private static final FtrlRanker.Config CONFIG = new FtrlRanker.Config(16, Ftrl.Params.defaults());
    private static List<Event> events;
    private static Function<String, ItemCatalog.SongFacts> songs;

    @BeforeAll
    static void simulate() {
        List<SimSong> catalog = SyntheticCatalog.generate(300, 5);
        Map<String, ItemCatalog.SongFacts> facts = new HashMap<>();
        catalog.forEach(s -> facts.put(s.id(), new ItemCatalog.SongFacts(s.title(), s.artists(), s.artists(), s.genres())));
        songs = facts::get;
        events = new ArrayList<>();
        new ListenerSimulator(catalog, SimConfig.defaults(60, 10, 11), PopularityPrior.defaults()).run(events::add);
    }

    private static void append(Journal j, int from, int to) throws Exception {
        for (int k = from; k < to; k += 250) {
            j.append(events.subList(k, Math.min(to, k + 250))).get();
        }
    }

    private static int at(double share) {
        return (int) (events.size() * share);
    }

    @Test
    void aRestoredRankerLearnsWhatAContinuousOneLearns(@TempDir Path dir) throws Exception {
        assertTrue(events.size() > 5000, events.size() + " simulated events");
        OnlineRanking continuous = OnlineRanking.fresh(dir.resolve("a-models"), CONFIG, songs);
        try (FileJournal j = FileJournal.open(dir.resolve("a-journal"))) {
            append(j, 0, events.size());
            continuous.catchUp(j);
        }

        Path models = dir.resolve("b-models");
        Path journal = dir.resolve("b-journal");
        long pendingAtSnapshot;
        try (FileJournal j = FileJournal.open(journal)) {
            append(j, 0, at(0.4));
            OnlineRanking first = OnlineRanking.restoreOrFresh(models, CONFIG, songs).follow(j);
            append(j, at(0.4), at(0.6)); // written while it catches up, then learned group by group
            first.awaitCaughtUp();
            first.snapshot();
            pendingAtSnapshot = first.stats().pendingExposures();
            append(j, at(0.6), at(0.7)); // learned, then lost with the process
            assertEquals(j.size(), first.stats().eventsLearned(), "the first process learned every event it saw");
        }
        assertTrue(pendingAtSnapshot > 0, "the snapshot cut through open sessions");
        try (FileJournal j = FileJournal.open(journal)) {
            append(j, at(0.7), events.size());
            OnlineRanking restored = OnlineRanking.restoreOrFresh(models, CONFIG, songs).follow(j).awaitCaughtUp();
            assertEquals(continuous.ranker().examples(), restored.ranker().examples());
            assertEquals(continuous.stats().positives(), restored.stats().positives());
            assertEquals(continuous.stats().pendingExposures(), restored.stats().pendingExposures());
            for (ExposureFacts probe : probes()) {
                assertArrayEquals(continuous.ranker().probabilities(probe), restored.ranker().probabilities(probe), 0.0,
                        "identical weights: " + probe);
            }
            // and it goes on learning live after the restore
            long before = restored.ranker().examples().get(Head.COMPLETE);
            List<Event> more = new ArrayList<>();
            long ts = events.get(events.size() - 1).ts() + 60_000;
            String song = events.get(0).itemId();
            more.add(new Event("x1", "late-listener", song, io.melograph.events.ItemType.SONG, io.melograph.events.Action.PLAY, 0, 0, "fm", ts));
            more.add(new Event("x2", "late-listener", song, io.melograph.events.ItemType.SONG, io.melograph.events.Action.COMPLETE, 1, 1, "fm", ts + 1));
            j.append(more).get();
            assertEquals(before + 1, restored.ranker().examples().get(Head.COMPLETE));
        }
        assertTrue(Files.size(models.resolve(OnlineRanking.FILE)) > 1000);
        assertEquals(1, snapshotFormat(models), "one lane: the format the build before reads too");
    }

    private static int snapshotFormat(Path models) throws Exception {
        try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(models.resolve(OnlineRanking.FILE)))) {
            in.readInt(); // magic
            return in.readInt();
        }
    }

    /**
     * Over a Kafka topic of three partitions a restore reads the partitions in another interleaving than the process
     * that learned them, so it does not rebuild the sessions open at the snapshot (their exposures are forgotten):
     * every event is still learned once, none twice, and the restored ranker goes on learning live.
     */
    @Test
    void overSeveralPartitionsARestoredRankerLearnsEachEventOnce(@TempDir Path dir) throws Exception {
        KafkaJournal.Settings topic = new KafkaJournal.Settings(io.melograph.TestKafka.bootstrap(), "ftrl-" + java.util.UUID.randomUUID(), 0, 3);
        Path models = dir.resolve("models");
        long learnedAtSnapshot;
        OnlineRanking continuous = OnlineRanking.fresh(dir.resolve("continuous"), CONFIG, songs);
        try (KafkaJournal j = KafkaJournal.open(topic)) {
            append(j, 0, at(0.4));
            OnlineRanking first = OnlineRanking.restoreOrFresh(models, CONFIG, songs).follow(j);
            append(j, at(0.4), at(0.6));
            first.awaitCaughtUp();
            first.snapshot();
            learnedAtSnapshot = first.stats().eventsLearned();
            assertEquals(3, first.learnedUpTo().lanes(), "a lane per partition: " + first.learnedUpTo());
            assertEquals(2, snapshotFormat(models), "positions of several lanes");
            append(j, at(0.6), at(0.7)); // learned, then lost with the process
            assertEquals(j.size(), first.stats().eventsLearned());
        }
        assertEquals(at(0.6), learnedAtSnapshot);
        try (KafkaJournal j = KafkaJournal.open(topic)) {
            append(j, at(0.7), events.size());
            OnlineRanking restored = OnlineRanking.restoreOrFresh(models, CONFIG, songs).follow(j).awaitCaughtUp();
            assertEquals(events.size() - learnedAtSnapshot, restored.stats().eventsLearned(), "each event after the snapshot once");
            continuous.catchUp(j);
            for (Head h : Head.values()) {
                long mine = restored.ranker().examples().get(h);
                long all = continuous.ranker().examples().get(h);
                // only the exposures open at the snapshot are missing
                assertTrue(mine <= all && mine >= all * 0.95, h + ": " + mine + " examples against " + all + " learned in one pass");
            }
        }
    }

    @Test
    void theLearnedModelRanksBetterThanChance(@TempDir Path dir) throws Exception {
        OnlineRanking online = OnlineRanking.fresh(dir.resolve("models"), CONFIG, songs);
        // progressive validation: each example is predicted before it is learned
        List<Double> p = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        OnlineLabels labels = new OnlineLabels(online.ranker());
        for (Event e : events) {
            labels.accept(e, io.melograph.events.JournalPosition.START, x -> {
                if (x.head() == Head.COMPLETE) {
                    p.add(online.ranker().learn(x.head(), x.exposure(), x.label()));
                    y.add(x.label());
                }
            });
        }
        int half = p.size() / 2;
        double[] pp = p.subList(half, p.size()).stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] yy = new boolean[pp.length];
        for (int k = 0; k < yy.length; k++) {
            yy[k] = y.get(half + k);
        }
        double auc = io.melograph.metric.Auc.of(pp, yy);
        assertTrue(auc > 0.6, "complete AUC on the second half, predicted before learning: " + auc);
        assertNotEquals(0, online.ranker().nonZeroWeights().get(Head.COMPLETE));
    }

    @Test
    void theMetersCountEachLearnedEventOnceAndScoreTheHeadsBeforeLearning(@TempDir Path dir) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OnlineRanking online = OnlineRanking.fresh(dir.resolve("models"), CONFIG, songs);
        online.observe(new OnlineMetrics(registry, online::ranker,
                (scene, user) -> scene.equals("daily") ? (user.hashCode() % 2 == 0 ? "a" : "b") : "main"));
        try (FileJournal j = FileJournal.open(dir.resolve("journal"))) {
            append(j, 0, events.size());
            online.catchUp(j);
        }
        long skips = events.stream().filter(e -> e.action() == io.melograph.events.Action.SKIP && "fm".equals(e.scene())).count();
        double counted = registry.find(OnlineMetrics.EVENTS).tag("scene", "fm").tag("action", "skip").counter().count();
        assertEquals(skips, counted, 0.0);
        assertEquals(2, registry.find(OnlineMetrics.EVENTS).tag("scene", "daily").tag("action", "play").counters().size(), "two arms");
        RunningQuality.Snapshot complete = online.metrics().orElseThrow().quality().get(Head.COMPLETE);
        assertEquals(Math.min(OnlineMetrics.WINDOW, online.ranker().examples().get(Head.COMPLETE)), complete.examples());
        assertTrue(complete.auc() > 0.6 && complete.logLoss() < 0.69, complete.toString());
        assertEquals(complete.auc(), registry.get(OnlineMetrics.AUC).tag("head", "complete").gauge().value(), 1e-12);
    }

    private static List<ExposureFacts> probes() {
        List<ExposureFacts> out = new ArrayList<>();
        for (int k = 0; k < events.size() && out.size() < 60; k += events.size() / 60) {
            Event e = events.get(k);
            out.add(new ExposureFacts(e.userId(), e.itemId(), "daily", e.ts(), 3, List.of(), 5, songs.apply(e.itemId())));
        }
        return out;
    }
}
