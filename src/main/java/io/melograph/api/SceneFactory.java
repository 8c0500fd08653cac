package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.SongPopularity;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.recall.RecallService;
import io.melograph.rank.FtrlRanker;
import io.melograph.scene.CandidateRanker;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.DailyStore;
import io.melograph.scene.ListScene;
import io.melograph.scene.ListenerHistory;
import io.melograph.scene.OnlineRanker;
import io.melograph.scene.Onboarding;
import io.melograph.scene.Picks;
import io.melograph.scene.PopularItems;
import io.melograph.scene.PrivateFmScene;
import io.melograph.scene.ScenePolicies;
import io.melograph.scene.ScenePolicy;
import io.melograph.scene.SceneKit;
import io.melograph.scene.SceneRecall;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Wires the scenes: their policies from configuration (melograph.scenes.*), recall, ranking and listener history. */
@Factory
final class SceneFactory {

    @Singleton
    SongPopularity popularity(GraphConnection graph) {
        return new SongPopularity(graph).reload();
    }

    /** Scenes rank with the online FTRL model (api/RankFactory), learning from the event stream. */
    @Singleton
    CandidateRanker ranker(FtrlRanker ftrl) {
        return new OnlineRanker(ftrl);
    }

    @Singleton
    SceneRecall sceneRecall(RecallService recall, SongPopularity popularity, ItemCatalog catalog, GraphConnection graph) {
        return new SceneRecall(recall, popularity, catalog, new PopularItems(graph));
    }

    @Singleton
    ListenerHistory history(GraphConnection graph, EventIntake intake) {
        return new ListenerHistory(graph, intake.states());
    }

    @Singleton
    Picks picks(ItemCatalog catalog, SongPopularity popularity) {
        return new Picks(catalog, popularity);
    }

    @Singleton
    SceneKit kit(RecallService recall, SceneRecall sceneRecall, ListenerHistory history, CandidateRanker ranker, Picks picks) {
        return new SceneKit(recall, sceneRecall, history, ranker, picks);
    }

    @Singleton
    DailyMixScene daily(SceneKit kit, GraphSettings settings, Environment env) {
        DailyMixScene.Settings s = new DailyMixScene.Settings(env.getProperty("melograph.scenes.daily.size", Integer.class, 30),
                env.getProperty("melograph.scenes.daily.familiar-share", Double.class, 0.3),
                env.getProperty("melograph.scenes.daily.max-per-artist", Integer.class, 2));
        return new DailyMixScene(kit, policy(env, "daily", kit.recall()), s, new DailyStore(settings.home().resolve("daily")));
    }

    @Singleton
    PrivateFmScene fm(SceneKit kit, ItemCatalog catalog, EventIntake intake, Environment env) {
        return new PrivateFmScene(kit, catalog, intake, policy(env, "fm", kit.recall()));
    }

    @Singleton
    @Named("playlists")
    ListScene playlists(SceneKit kit, Environment env) {
        return new ListScene("playlists", "playlist", kit, policy(env, "playlists", kit.recall()));
    }

    @Singleton
    @Named("videos")
    ListScene videos(SceneKit kit, Environment env) {
        return new ListScene("videos", "video", kit, policy(env, "videos", kit.recall()));
    }

    @Singleton
    @Named("mlogs")
    ListScene mlogs(SceneKit kit, Environment env) {
        return new ListScene("mlogs", "mlog", kit, policy(env, "mlogs", kit.recall()));
    }

    @Singleton
    Onboarding onboarding(GraphConnection graph) {
        return new Onboarding(graph);
    }

    private static ScenePolicy policy(Environment env, String scene, RecallService recall) {
        String p = "melograph.scenes." + scene + ".";
        return ScenePolicies.parse(scene, env.getProperty(p + "channels", String.class, ""),
                env.getProperty(p + "weights", String.class, ""), env.getProperty(p + "quotas", String.class, ""),
                env.getProperty(p + "budgets", String.class, ""), env.getProperty(p + "per-channel", Integer.class, 50),
                env.getProperty(p + "budget-ms", Long.class, recall.budget().toMillis()), recall.channels().keySet());
    }
}
