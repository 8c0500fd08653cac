package io.melograph.app;

import io.melograph.config.ModelsProperties;
import io.melograph.config.RankProperties;
import io.melograph.config.SceneProperties;
import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.SongPopularity;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.rank.LiveRanking;
import io.melograph.recall.RecallService;
import io.melograph.registry.ModelRegistry;
import io.melograph.scene.CandidateRanker;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.DailyPrecompute;
import io.melograph.scene.DailyStore;
import io.melograph.scene.DeepRanking;
import io.melograph.scene.DeepReranker;
import io.melograph.scene.ListScene;
import io.melograph.scene.Onboarding;
import io.melograph.scene.OnlineRanker;
import io.melograph.scene.Picks;
import io.melograph.scene.PopularItems;
import io.melograph.scene.PrivateFmScene;
import io.melograph.scene.SceneConfig;
import io.melograph.scene.SceneKit;
import io.melograph.scene.SceneRecall;
import io.melograph.util.BusyCpus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the scenes: their policies from configuration (melograph.scenes.*), recall, ranking and listener history. */
@Factory
final class SceneFactory {

    @Singleton
    SongPopularity popularity(GraphConnection graph) {
        return new SongPopularity(graph).reload();
    }

    /** The promoted deep-ranker version, swapped in as the registry moves (melograph train ranker, the API). */
    @Singleton
    @Bean(preDestroy = "close")
    DeepRanking deepRanking(ModelRegistry registry, ModelsProperties models) {
        return DeepRanking.start(registry, Duration.ofSeconds(models.watchSeconds()));
    }

    /**
     * Scenes rank with the online FTRL model (api/RankFactory, learning from the event stream) as the first stage; once
     * a deep ranker is promoted it re-orders FTRL's top candidates within a time budget, with the listener's latest
     * events as its behaviour sequences.
     */
    @Singleton
    @Bean(preDestroy = "close")
    DeepReranker ranker(LiveRanking live, DeepRanking deep, EventIntake intake, SceneConfig scenes, RankProperties rank,
                        MeterRegistry meters) {
        RankProperties.Deep d = rank.deep();
        DeepReranker.Settings settings = new DeepReranker.Settings(d.top(), d.budget(), d.threads());
        return new DeepReranker(new OnlineRanker(live::ranker), deep, intake.states()::recent, scenes::deepRanking, settings, meters);
    }

    @Singleton
    SceneRecall sceneRecall(RecallService recall, SongPopularity popularity, ItemCatalog catalog, GraphConnection graph) {
        return new SceneRecall(recall, popularity, catalog, new PopularItems(graph));
    }

    @Singleton
    Picks picks(ItemCatalog catalog, SongPopularity popularity) {
        return new Picks(catalog, popularity);
    }

    @Singleton
    SceneKit kit(RecallService recall, SceneRecall sceneRecall, CandidateRanker ranker, Picks picks) {
        return new SceneKit(recall, sceneRecall, ranker, picks);
    }

    @Singleton
    SceneConfig sceneConfig(Environment env) {
        return new SceneConfig(key -> env.getProperty(key, String.class));
    }

    @Singleton
    DailyMixScene daily(SceneKit kit, GraphSettings settings, SceneConfig config, @Named("scene-background") ExecutorService background) {
        return new DailyMixScene(kit, config.policies(DailyMixScene.SCENE, kit.recall()), config.dailyArms(),
                new DailyStore(settings.shared().resolve("daily"), config.dailyListsInMemory()), background, config.dailyBackgroundBudget());
    }

    /** Looks ahead by the time between two passes plus a margin, so that no listener's 06:00 turn slips through. */
    @Singleton
    DailyPrecompute dailyAhead(DailyMixScene daily, EventIntake intake, SceneConfig config) {
        SceneProperties d = config.scene(DailyMixScene.SCENE);
        return new DailyPrecompute(daily, intake.states(), d.precomputeEvery().plusMinutes(45), d.precomputeMax(), d.precomputeThreads(),
                BusyCpus.ofMachine(d.precomputeBusyCpu(), DailyPrecompute.MAX_WAIT));
    }

    @Singleton
    PrivateFmScene fm(SceneKit kit, ItemCatalog catalog, EventIntake intake, SceneConfig config,
                      @Named("scene-background") ExecutorService background) {
        return new PrivateFmScene(kit, catalog, intake, config.policies(PrivateFmScene.SCENE, kit.recall()),
                config.policy("fm-explore", kit.recall()),
                background, config.fmBackgroundBudget());
    }

    /**
     * Scene work off the request path (Private FM's refills and explorations, Daily lists recomputed after a degraded
     * answer): two threads (recall itself fans out to the channels), a bounded queue; a task it refuses is tried
     * again on the listener's next request.
     */
    @Singleton
    @Named("scene-background")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService sceneBackground() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "scene-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Singleton
    @Named("playlists")
    ListScene playlists(SceneKit kit, SceneConfig config) {
        return new ListScene("playlists", "playlist", kit, config.policy("playlists", kit.recall()));
    }

    @Singleton
    @Named("videos")
    ListScene videos(SceneKit kit, SceneConfig config) {
        return new ListScene("videos", "video", kit, config.policy("videos", kit.recall()));
    }

    @Singleton
    @Named("mlogs")
    ListScene mlogs(SceneKit kit, SceneConfig config) {
        return new ListScene("mlogs", "mlog", kit, config.policy("mlogs", kit.recall()));
    }

    @Singleton
    Onboarding onboarding(GraphConnection graph, RecallService recall) {
        return new Onboarding(graph, recall.profiles());
    }
}
