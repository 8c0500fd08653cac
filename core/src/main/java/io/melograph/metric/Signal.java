package io.melograph.metric;

/**
 * Whether a model's scores can order anything at all. Scores that are all the same (every pair a tie) carry no
 * signal: AUC is 0.5 by the tie rule, and a threshold metric such as F1 after calibration only reflects the
 * calibration's intercept (all positive or all negative), a coin flip that says nothing of the model.
 */
public final class Signal {
    private Signal() {}

    /** True when every score equals the first (an empty or single-score set has none either). */
    public static boolean none(double[] scores) {
        Checks.noNaN(scores, "scores");
        for (double s : scores) {
            if (Double.compare(s, scores[0]) != 0) {
                return false;
            }
        }
        return true;
    }
}
