package io.melograph.eval.replay;

import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.events.EventIntake;
import io.melograph.events.FileJournal;
import io.melograph.events.GraphAggregator;
import io.melograph.events.ItemCatalog;
import io.melograph.events.JournalPosition;
import io.melograph.events.ListenerStates;
import io.melograph.events.SongPopularity;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.SchemaMigrations;
import io.melograph.graph.ScratchGraph;
import io.melograph.interest.CatalogFacts;
import io.melograph.interest.InterestModel;
import io.melograph.neighbours.NeighbourStore;
import io.melograph.rank.Ftrl;
import io.melograph.rank.FtrlRanker;
import io.melograph.rank.OnlineRanking;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerFile;
import io.melograph.recall.ListenerInterests;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.LiveInterests;
import io.melograph.recall.NeighbourBuild;
import io.melograph.recall.RecallService;
import io.melograph.registry.ModelRegistry;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.DailyStore;
import io.melograph.scene.DeepRanking;
import io.melograph.scene.DeepReranker;
import io.melograph.scene.OnlineRanker;
import io.melograph.scene.Picks;
import io.melograph.scene.PopularItems;
import io.melograph.scene.PrivateFmScene;
import io.melograph.scene.SceneConfig;
import io.melograph.scene.SceneKit;
import io.melograph.scene.ScenePolicy;
import io.melograph.scene.SceneRecall;
import io.melograph.train.interest.InterestTrainer;
import io.melograph.train.interest.InterestVersions;
import io.melograph.train.interest.NowTrainer;
import io.melograph.train.ranking.RankerVersions;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.melograph.util.Folders;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The service as it stood at the cut, built in a scratch home with the production classes wired as the service wires
 * them (api/*Factory): the catalog and its world copied from the source graph; the events before the cut journaled
 * through {@link EventIntake} (live listener state) and aggregated into the graph by {@link GraphAggregator}; graph
 * embeddings trained on that graph; the FTRL ranker learned from that journal and following it on; recall, Daily and
 * Private FM from {@link SceneConfig}. Two differences, both for reproducible numbers: background work (FM refills
 * and explorations) runs on the calling thread, and every channel's budget is raised to {@code budget} so that the
 * machine's load cannot drop a channel.
 */
final class ReplayWorld implements FmSessionReplay.Radio, AutoCloseable {
    private static final int APPEND_BATCH = 2_000;
    private static final Duration WARM_UP_WAIT = Duration.ofMinutes(3);

    final ScratchGraph scratch;
    final FileJournal journal;
    final ItemCatalog catalog;
    final EventIntake intake;
    final GraphAggregator aggregator;
    final OnlineRanking ranking;
    final RecallService recall;
    final LiveInterests interests;
    final DailyMixScene daily;
    final PrivateFmScene fm;
    final GraphCopy.Copied copied;
    final SceneKit kit;
    final DeepRanking deepRanking;
    private final DeepReranker ranker;
    private final Duration budget;
    private final SceneConfig config;

    private ReplayWorld(ScratchGraph scratch, GraphConnection source, List<Event> before, SceneConfig config, Duration budget,
                        GraphEmbeddings.Options embeddings, Consumer<String> log) {
        int dimensions = embeddings.dimensions();
        this.scratch = scratch;
        this.budget = budget;
        this.config = config;
        GraphConnection graph = scratch.connection();
        SchemaMigrations.apply(graph, dimensions);
        copied = GraphCopy.copy(source, graph);
        log.accept(String.format("copied the catalog and its world: %,d nodes, %,d relationships", copied.nodes(), copied.relationships()));
        catalog = new ItemCatalog(graph).reload();
        journal = FileJournal.open(scratch.home().resolve("journal"));
        intake = new EventIntake(journal, catalog, new ListenerStates(catalog));
        aggregator = new GraphAggregator(graph, journal, 1000).start();
        for (int i = 0; i < before.size(); i += APPEND_BATCH) {
            intake.accept(before.subList(i, Math.min(before.size(), i + APPEND_BATCH))).join();
        }
        aggregator.flush();
        log.accept(String.format("journaled and aggregated %,d events before the cut", before.size()));
        trainEmbeddings(embeddings, log);
        ranking = OnlineRanking.fresh(scratch.home().resolve("models").resolve("ftrl"),
                new FtrlRanker.Config(20, Ftrl.Params.defaults()), catalog::song);
        ranking.follow(journal).awaitCaughtUp(); // and learns on from what the replayed sessions add, as in the service
        ListenerProfiles profiles = new ListenerProfiles(graph, intake.states());
        recall = new RecallService(graph, profiles, budget, new SimpleMeterRegistry());
        interests = trainInterests(embeddings.seed(), log);
        ListenerInterests.of(interests, intake.states(), profiles, catalog).addChannelsTo(recall);
        recall.warmUp();
        awaitWarm(recall, log);
        SongPopularity popularity = new SongPopularity(graph).reload();
        deepRanking = new DeepRanking(new ModelRegistry(scratch.home())); // none until trainRanker
        ranker = new DeepReranker(new OnlineRanker(ranking.ranker()), deepRanking, intake.states()::recent, config::deepRanking,
                new DeepReranker.Settings(DeepReranker.Settings.TOP, budget, 1), recall.meters());
        kit = new SceneKit(recall, new SceneRecall(recall, popularity, catalog, new PopularItems(graph)), ranker,
                new Picks(catalog, popularity));
        Executor inline = Runnable::run;
        daily = new DailyMixScene(kit, config.policy(DailyMixScene.SCENE, recall).withBudgetsAtLeast(budget), config.daily(),
                new DailyStore(scratch.home().resolve("daily"), 1_000), inline, budget);
        fm = new PrivateFmScene(kit, catalog, intake, config.policy(PrivateFmScene.SCENE, recall).withBudgetsAtLeast(budget),
                config.policy("fm-explore", recall).withBudgetsAtLeast(budget), inline, budget);
    }

    /**
     * (Re)trains the graph embeddings of the state at the cut with another recipe (single-threaded, so reproducible);
     * the vector indexes are resized to its dimensions if need be, and every vector read from now on is the new one.
     */
    void trainEmbeddings(GraphEmbeddings.Options o, Consumer<String> log) {
        GraphConnection graph = scratch.connection();
        SchemaMigrations.apply(graph, o.dimensions());
        GraphEmbeddings.Result r = GraphEmbeddings.train(graph, new GraphEmbeddings.Options(o.algorithm(), o.dimensions(), o.seed(),
                o.profile(), 1, 0, false));
        log.accept(String.format("trained graph embeddings (%s, %d dimensions, relationships %s) in %,d ms", o.algorithm(),
                o.dimensions(), o.profile().name(), r.totalMillis()));
    }

    /**
     * The interest models of the state at the cut, trained as the service's retraining does (the journal's last week
     * before the cut held out to judge them, never anything after the cut); none when that week is too thin to judge.
     */
    private LiveInterests trainInterests(long seed, Consumer<String> log) {
        ModelRegistry registry = new ModelRegistry(scratch.home());
        LiveInterests live = new LiveInterests(registry);
        try {
            InterestVersions.Trained t = InterestVersions.train(registry, EventHistory.of(scratch.home().resolve("journal")),
                    CatalogFacts.read(scratch.connection()), InterestTrainer.Settings.defaults(InterestModel.Kind.MIND, true),
                    NowTrainer.Settings.defaults(), null, null, InterestVersions.HOLDOUT, true, seed, java.time.Instant.now());
            live.swapToCurrent();
            log.accept(String.format("trained the interest models in %.1f s: %s", t.training().millis() / 1000.0, t.card().note()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            log.accept("no interest models (the interest channels answer nothing): " + e.getMessage());
        }
        return live;
    }

    /**
     * Trains a deep ranker on the journal before the cut as {@code melograph train ranker} does (the last week before
     * the cut held out to judge it against FTRL, never anything after the cut) and lets it re-rank FTRL's top
     * candidates from now on, whether or not it beat FTRL there (the replay is how its effect on the scenes is measured;
     * the note says how it was judged).
     */
    String trainRanker(String model, long seed, Consumer<String> log) {
        ModelRegistry registry = new ModelRegistry(scratch.home());
        try {
            RankerVersions.Trained t = RankerVersions.train(registry, EventHistory.of(scratch.home().resolve("journal")), catalog::song, model,
                    DnnRanker.Settings.defaults(), null, null, RankerVersions.HOLDOUT, seed, java.time.Instant.now());
            if (!t.promoted()) {
                registry.promote(RankerFile.KIND, t.card().version(), "replayed whatever it scored: " + t.reason());
            }
            deepRanking.swapToCurrent();
            String note = String.format(java.util.Locale.ROOT, "%s: mean AUC %.4f against FTRL's %.4f on the week before the cut",
                    model, t.card().metrics().get("auc.mean"), t.card().metrics().get("ftrl.auc.mean"));
            log.accept(String.format(java.util.Locale.ROOT, "trained the deep ranker in %.1f s, re-ranking FTRL's top %d: %s",
                    t.card().metrics().get("training.seconds"), DeepReranker.Settings.TOP, note));
            return note;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Latencies are measured after the warm-up (JIT, query plans), as a listener meets a service that has been up a while. */
    private static void awaitWarm(RecallService recall, Consumer<String> log) {
        long deadline = System.nanoTime() + WARM_UP_WAIT.toNanos();
        while (!recall.warm() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recall warmed up", e);
            }
        }
        log.accept(recall.warm() ? "recall warmed up" : "recall not warm after " + WARM_UP_WAIT.toSeconds() + " s; replaying anyway");
    }

    static ReplayWorld build(GraphConnection source, List<Event> before, SceneConfig config, Duration budget, int dimensions,
                             long seed, Consumer<String> log) {
        return build(source, before, config, budget, GraphEmbeddings.Options.fastRp(dimensions, seed), log);
    }

    /** The state at the cut with graph embeddings made by {@code embeddings} (trained single-threaded: reproducible). */
    static ReplayWorld build(GraphConnection source, List<Event> before, SceneConfig config, Duration budget,
                             GraphEmbeddings.Options embeddings, Consumer<String> log) {
        ScratchGraph scratch = ScratchGraph.start(embeddings.dimensions());
        try {
            return new ReplayWorld(scratch, source, before, config, budget, embeddings, log);
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /**
     * A Daily with other settings on the same state (its own store, so nothing is shared with {@link #daily}); every
     * channel's budget raised as in {@link #daily}.
     */
    DailyMixScene daily(ScenePolicy policy, DailyMixScene.Settings settings, String name) {
        return new DailyMixScene(kit, policy.withBudgetsAtLeast(budget), settings,
                new DailyStore(scratch.home().resolve("daily-" + name), 1_000), Runnable::run, budget);
    }

    /** The Daily whose listeners are answered by merging stored neighbour lists ({@link #dailyFromNeighbours}). */
    static final String DAILY_STORED = "daily-stored";

    /**
     * Daily as the service answers it once the neighbour store is built (recall merges the seeds' stored lists instead
     * of asking the graph): the store is built from the state at the cut, and recall answers from it from now on.
     * A Daily of its own, so no list computed the graph's way is reused.
     */
    DailyMixScene dailyFromNeighbours(Consumer<String> log) {
        try {
            NeighbourBuild.Result r = NeighbourBuild.run(scratch.connection(), recall, scratch.home().resolve("neighbours"), 2, null);
            log.accept(String.format("built the neighbour store: %,d songs, %,d neighbours and %,d vias over hubs' songs in %,d ms", r.songs(),
                    r.neighbours(), r.vias(), r.millis()));
            recall.useNeighbours(NeighbourStore.open(scratch.home().resolve("neighbours")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return daily(config.policy(DailyMixScene.SCENE, recall), config.daily(), DAILY_STORED);
    }

    /**
     * A Private FM with another policy whose listeners' reactions go to a journal of its own: neither the graph nor
     * the ranker learns from them, and closing the trial puts the live listener state back as it was at the cut, so
     * every policy tried meets the same state. For the tuner; {@link #fm} is the full replay.
     */
    FmTrial fmTrial(ScenePolicy policy, String name) {
        FileJournal trialJournal = FileJournal.open(scratch.home().resolve("fm-" + name));
        EventIntake trialIntake = new EventIntake(trialJournal, catalog, intake.states()).awaitCaughtUp();
        PrivateFmScene trialFm = new PrivateFmScene(kit, catalog, trialIntake, policy.withBudgetsAtLeast(budget),
                config.policy("fm-explore", recall).withBudgetsAtLeast(budget), Runnable::run, budget);
        return new FmTrial(trialFm, trialIntake, trialJournal, scratch.home().resolve("fm-" + name));
    }

    /** One policy's FM replay on the frozen state at the cut ({@link #fmTrial}). */
    final class FmTrial implements FmSessionReplay.Radio, AutoCloseable {
        private final PrivateFmScene fm;
        private final EventIntake intake;
        private final FileJournal journal;
        private final Path dir;

        private FmTrial(PrivateFmScene fm, EventIntake intake, FileJournal journal, Path dir) {
            this.fm = fm;
            this.intake = intake;
            this.journal = journal;
            this.dir = dir;
        }

        @Override
        public PrivateFmScene fm() {
            return fm;
        }

        @Override
        public EventIntake intake() {
            return intake;
        }

        @Override
        public void settle() {
            // nothing reaches the graph in a trial
        }

        @Override
        public void close() {
            journal.close();
            Folders.delete(dir);
            ListenerStates states = intake.states();
            states.clear();
            ReplayWorld.this.journal.replay(JournalPosition.START, (e, after) -> states.apply(e)); // as the world's intake built it
        }
    }

    @Override
    public PrivateFmScene fm() {
        return fm;
    }

    @Override
    public void settle() {
        aggregator.flush();
    }

    /** From now on each channel answers a context it has seen as it did then ({@link MemoChannel}): for the tuner. */
    void memoizeRecall() {
        List.copyOf(recall.channels().values()).forEach(c -> recall.add(new MemoChannel(c)));
    }

    @Override
    public EventIntake intake() {
        return intake;
    }

    @Override
    public void close() {
        ranker.close();
        try (scratch; journal; aggregator; ranking; recall; deepRanking) {
            // closed in reverse order: recall, ranking, aggregation, the journal, then the scratch graph
        }
    }
}
