package io.melograph.rank.deep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The deep rankers by name, the one list the evaluation, the model files and the benchmark share. */
public final class RankerModels {
    private static final Map<String, Function<DnnRanker.Settings, DnnRanker>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("dnn", DnnRanker::new);         // Embedding & MLP beside the wide part
        MODELS.put("din", DinRanker::new);         // target attention
        MODELS.put("dien", DienRanker::new);       // interest evolution (GRU + AUGRU)
        MODELS.put("session", SessionRanker::new); // sessions as sub-sequences
        MODELS.put("din-esmm", EsmmRanker::new);   // DIN with the three behaviours as heads of one network (ESMM)
    }

    private RankerModels() {}

    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    public static DnnRanker create(String name, DnnRanker.Settings settings) {
        Function<DnnRanker.Settings, DnnRanker> f = MODELS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown deep ranker '" + name + "'; known: " + names());
        }
        return f.apply(settings);
    }

    /** The name of a model's kind, as {@link #create} takes it. */
    static Optional<String> nameOf(DnnRanker model) {
        return names().stream().filter(n -> create(n, DnnRanker.Settings.defaults()).getClass() == model.getClass()).findFirst();
    }
}
