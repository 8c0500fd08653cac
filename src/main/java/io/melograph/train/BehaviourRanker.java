package io.melograph.train;

/**
 * Predicts the probability of one behaviour of the listening chain (click after an impression, complete or like after
 * a play) for a (user, item) exposure. One instance per behaviour, fitted on that behaviour's training exposures.
 */
public interface BehaviourRanker {

    /** @param users, items index ranges; {@code exposures[k] = {user, item}} with {@code labels[k]} whether it happened */
    void fit(int users, int items, int[][] exposures, boolean[] labels, long seed);

    double probability(int user, int item);
}
