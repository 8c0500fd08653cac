package io.melograph.rank;

import java.util.Map;

/**
 * A ranker that learns every behaviour of the listening chain at once ({@link Head}: click, complete, like), so the
 * sparse ones borrow from the dense ones. The protocols fit it once on every behaviour's exposures and ask each head;
 * its single-behaviour methods refuse.
 */
public interface MultiTaskRanker extends BehaviourRanker {

    /** @param train each behaviour's labelled exposures (the same listeners and songs throughout) */
    void fit(Map<Head, BehaviourData> train, long seed);

    double[] probabilities(Head head, Exposure[] exposures);

    /** Every head's probabilities, {@code [head.ordinal()][exposure]}, from one pass over the exposures (serving's call). */
    double[][] allHeads(Exposure[] exposures);

    @Override
    default void fit(BehaviourData train, long seed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " learns every behaviour at once: fit(Map, seed)");
    }

    @Override
    default double[] probabilities(Exposure[] exposures) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " answers per behaviour: probabilities(Head, exposures)");
    }

    @Override
    default double probability(Exposure e) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " answers per behaviour: probabilities(Head, exposures)");
    }
}
