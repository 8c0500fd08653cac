package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import java.util.List;
import java.util.Map;

/**
 * A model that scores items for users: every baseline, recall channel and ranker the evaluation harness compares
 * implements this, and is looked up by name in the harness's registry. Higher score = more likely to be wanted.
 */
public interface Scorer {

    /** Learns from the training interactions and, where the model uses it, the knowledge graph. */
    void fit(InteractionMatrix train, KnowledgeTriples graph, long seed);

    /** Writes a score for every item (length {@code train.items()}) for the user into {@code out}. */
    void scoreItems(int user, float[] out);

    /** Hyperparameter settings to try, tuned on a validation split only; one entry = the model's defaults. */
    default List<Map<String, Object>> grid() {
        return List.of(Map.of());
    }

    /** Applies one setting of {@link #grid()} before {@link #fit}. */
    default void configure(Map<String, Object> params) {
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("no hyperparameters: " + params);
        }
    }

    /** What the fitted model left out or could not do, for the report (empty when nothing). */
    default String note() {
        return "";
    }

    /** Frees native memory (DJL models); a no-op for plain Java models. */
    default void close() {
    }
}
