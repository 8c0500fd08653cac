package io.melograph.eval;

import io.melograph.train.BehaviourRanker;
import io.melograph.train.BprScorer;
import io.melograph.train.EaseScorer;
import io.melograph.train.ItemKnnScorer;
import io.melograph.train.ItemRateRanker;
import io.melograph.train.PopularityScorer;
import io.melograph.train.Scorer;

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
        registerRanker("popularity", ItemRateRanker::new);
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
