package io.melograph.rank;

/**
 * Predicts the probability of one behaviour of the listening chain (click after an impression, complete or like after
 * a play) for an exposure. One instance per behaviour, fitted on that behaviour's training exposures.
 * <p>
 * The protocols call {@link #fit(BehaviourData, long)} and {@link #probability(Exposure)}; by default they reduce an
 * exposure to its (user, item) pair, so a ranker that needs no context implements only the pair methods. A ranker
 * that uses the context (scene, hour, session position, item side info, history) overrides the two context methods
 * instead, and its pair methods refuse.
 */
public interface BehaviourRanker {

    /** @param users, items index ranges; {@code exposures[k] = {user, item}} with {@code labels[k]} whether it happened */
    default void fit(int users, int items, int[][] exposures, boolean[] labels, long seed) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " needs exposures with their context: fit(BehaviourData, seed)");
    }

    default double probability(int user, int item) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " needs exposures with their context: probability(Exposure)");
    }

    default void fit(BehaviourData train, long seed) {
        int[][] pairs = new int[train.exposures().length][];
        for (int k = 0; k < pairs.length; k++) {
            pairs[k] = new int[] {train.exposures()[k].user(), train.exposures()[k].item()};
        }
        fit(train.userIds().size(), train.items().size(), pairs, train.labels(), seed);
    }

    default double probability(Exposure e) {
        return probability(e.user(), e.item());
    }

    /** What the last fit chose or cost, for the report; empty when there is nothing to say. */
    default String note() {
        return "";
    }

    /** The probabilities of many exposures; a model that scores a batch at once overrides it. */
    default double[] probabilities(Exposure[] exposures) {
        double[] p = new double[exposures.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = probability(exposures[k]);
        }
        return p;
    }
}
