package io.melograph.eval.replay;

import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.SceneConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Judges graph-embedding recipes with the replay: one state at the cut (catalog, listening and FTRL from the events
 * before it), the embeddings trained on it with each recipe in turn, and for each the production Daily lists and
 * similar songs scored against what the listeners played after the cut ({@link ReplayEvaluation}'s protocol). The
 * vectors of a stored version saw everything up to its training; a recipe replayed at the cut sees only the past, so
 * this is how two versions are compared without leaking the held-out window into either.
 */
public final class EmbeddingReplay {
    /** Metric keys: Daily's and similar songs' NDCG@10 of held-out plays, and their mean (the one that decides). */
    public static final String DAILY = "replay.daily.ndcg@10";
    public static final String SIMILAR = "replay.similar.ndcg@10";
    public static final String MEAN = "replay.ndcg@10";

    /**
     * @param listeners at most this many listeners (a seeded sample), 0 for all
     */
    public record Options(ReplayCut cut, int listeners, int dailySize, Duration budget, long seed) {}

    private EmbeddingReplay() {}

    /**
     * Each recipe's scores, in the order given.
     *
     * @throws IllegalArgumentException when nobody played anything after the cut (nothing to judge with)
     */
    public static List<Map<String, Double>> judge(GraphConnection source, EventHistory history, SceneConfig config, Options o,
                                                  List<GraphEmbeddings.Options> recipes, Consumer<String> log) {
        EventSplit split = EventSplit.of(history, o.cut());
        if (split.heldOut().isEmpty()) {
            throw new IllegalArgumentException("no listener played anything after the cut (" + o.cut().describe() + ")");
        }
        List<HeldOut> listeners = ReplayEvaluation.sample(split.heldOut(), o.listeners(), o.seed());
        List<Map<String, Double>> out = new ArrayList<>();
        try (ReplayWorld world = ReplayWorld.build(source, split.before(), config, o.budget(), recipes.get(0), log)) {
            ReplayScoring.Songs songs = ReplayScoring.Songs.of(world, split);
            for (int i = 0; i < recipes.size(); i++) {
                if (i > 0) {
                    world.trainEmbeddings(recipes.get(i), log);
                }
                DailyMixScene daily = world.daily(config.policy(DailyMixScene.SCENE, world.recall), config.daily(), "embeddings-" + i);
                double d = ReplayScoring.metric("ndcg@10", "daily", DailyReplay.run(daily, listeners, o.dailySize()), songs);
                double s = ReplayScoring.metric("ndcg@10", "similar", SimilarReplay.run(world, listeners, 1, 50), songs);
                Map<String, Double> m = new LinkedHashMap<>();
                m.put(DAILY, d);
                m.put(SIMILAR, s);
                m.put(MEAN, (d + s) / 2);
                m.put("replay.listeners", (double) listeners.size());
                out.add(m);
                log.accept(String.format("recipe %d: Daily NDCG@10 %.4f, similar songs NDCG@10 %.4f", i + 1, d, s));
            }
        }
        return out;
    }
}
