package io.melograph.eval;

import io.melograph.interest.InterestModel;
import io.melograph.rank.BehaviourRanker;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerModels;
import io.melograph.train.BlendScorer;
import io.melograph.train.BprScorer;
import io.melograph.train.Channel;
import io.melograph.train.EaseScorer;
import io.melograph.train.FtrlBehaviourRanker;
import io.melograph.train.HashedLogisticRanker;
import io.melograph.train.ItemKnnScorer;
import io.melograph.train.ItemRateRanker;
import io.melograph.train.LearnedBlendScorer;
import io.melograph.train.PopularityScorer;
import io.melograph.train.Scorer;
import io.melograph.train.graph.FriendsScorer;
import io.melograph.train.graph.GraphEmbeddingScorer;
import io.melograph.train.graph.SharedTagsScorer;
import io.melograph.train.interest.InterestScorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every model the harness can evaluate, by name. A recall channel or ranker plugs in by registering a factory here;
 * the protocols never special-case a model.
 */
public final class Models {
    private static final Map<String, Supplier<Scorer>> FACTORIES = new LinkedHashMap<>();
    private static final Map<String, Supplier<BehaviourRanker>> RANKERS = new LinkedHashMap<>();

    static {
        register("popularity", PopularityScorer::new);
        register("itemknn", ItemKnnScorer::new);
        register("bpr", BprScorer::new);
        register("ease", EaseScorer::new);
        // blends: the channels at the settings their own validation runs chose (docs/eval/README.md)
        Channel knn = new Channel("itemknn", ItemKnnScorer::new, Map.of("k", 1000, "shrink", 10.0));
        Channel popularity = new Channel("popularity", PopularityScorer::new, Map.of());
        Channel tags = new Channel("kg-tags", SharedTagsScorer::new, Map.of("alpha", 3.0, "profile", 0, "plays", "log"));
        Channel social = new Channel("kg-social", FriendsScorer::new, Map.of("overlap", 2.0, "hops", 2));
        register("pop-knn-blend", () -> new BlendScorer(List.of(knn, popularity)));
        register("pop-knn-lr", () -> new LearnedBlendScorer(List.of(knn, popularity)));
        register("kg-tags", SharedTagsScorer::new);
        register("kg-social", FriendsScorer::new);
        register("kg-embedding", GraphEmbeddingScorer::new);
        register("kg-fused", () -> new BlendScorer(List.of(knn, tags, social, popularity)));
        register("kg-fused-lr", () -> new LearnedBlendScorer(List.of(knn, tags, social, popularity)));
        // learned listener interests (io.melograph.train.interest): one vector or MIND's several, with or without the graph
        register("interest-single-id", () -> new InterestScorer(InterestModel.Kind.SINGLE, false));
        register("interest-single", () -> new InterestScorer(InterestModel.Kind.SINGLE, true));
        register("mind-id", () -> new InterestScorer(InterestModel.Kind.MIND, false));
        register("mind", () -> new InterestScorer(InterestModel.Kind.MIND, true));
        registerRanker("popularity", ItemRateRanker::new);
        // the online ranker (io.melograph.rank) and its offline reference on the same hashed features
        registerRanker("ftrl", FtrlBehaviourRanker::new);
        registerRanker("lr-offline", HashedLogisticRanker::new);
        // the deep ladder (io.melograph.train.ranking): DNN, DIN, DIEN, the session model, DIN with ESMM's heads
        for (String name : RankerModels.names()) {
            registerRanker(name, () -> RankerModels.create(name, DnnRanker.Settings.defaults()));
        }
    }

    private Models() {}

    public static synchronized void register(String name, Supplier<Scorer> factory) {
        FACTORIES.put(name, factory);
    }

    public static synchronized void registerRanker(String name, Supplier<BehaviourRanker> factory) {
        RANKERS.put(name, factory);
    }

    public static synchronized List<String> rankerNames() {
        return List.copyOf(RANKERS.keySet());
    }

    public static synchronized BehaviourRanker createRanker(String name) {
        Supplier<BehaviourRanker> f = RANKERS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown behaviour ranker '" + name + "'; known: " + String.join(", ", RANKERS.keySet()));
        }
        return f.get();
    }

    public static synchronized List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    public static synchronized Scorer create(String name) {
        Supplier<Scorer> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", FACTORIES.keySet()));
        }
        return f.get();
    }
}
