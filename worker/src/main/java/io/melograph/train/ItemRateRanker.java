package io.melograph.train;

import io.melograph.rank.BehaviourRanker;

/**
 * The popularity baseline for behaviour prediction: the item's training rate of the behaviour, smoothed towards the
 * global rate with a prior of {@code prior} exposures: p_i = (positives_i + prior · p) / (exposures_i + prior).
 */
public final class ItemRateRanker implements BehaviourRanker {
    private static final double PRIOR = 10;
    private double[] rates;
    private double global;

    @Override
    public void fit(int users, int items, int[][] exposures, boolean[] labels, long seed) {
        double[] pos = new double[items];
        double[] exp = new double[items];
        double total = 0;
        for (int k = 0; k < exposures.length; k++) {
            exp[exposures[k][1]]++;
            if (labels[k]) {
                pos[exposures[k][1]]++;
                total++;
            }
        }
        global = exposures.length == 0 ? 0.5 : total / exposures.length;
        rates = new double[items];
        for (int i = 0; i < items; i++) {
            rates[i] = (pos[i] + PRIOR * global) / (exp[i] + PRIOR);
        }
    }

    @Override
    public double probability(int user, int item) {
        return rates[item];
    }
}
