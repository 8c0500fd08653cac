package io.melograph.eval;

import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.train.Scorer;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Tries each setting of a model's grid on the training data and keeps the one the validation objective likes best. */
final class ModelTuner {
    private ModelTuner() {}

    /** The best fitted scorer (still open) and its setting; the others are closed. */
    record Tuned(Scorer scorer, Map<String, Object> params, double objective) {}

    static Tuned tune(String model, InteractionMatrix train, KnowledgeTriples graph, long seed, ToDoubleFunction<Scorer> objective) {
        Tuned best = null;
        for (Map<String, Object> params : Models.create(model).grid()) {
            Scorer s = Models.create(model);
            s.configure(params);
            s.fit(train, graph, seed);
            double value = objective.applyAsDouble(s);
            if (best == null || value > best.objective()) {
                if (best != null) {
                    best.scorer().close();
                }
                best = new Tuned(s, params, value);
            } else {
                s.close();
            }
        }
        return best;
    }
}
