package io.melograph.eval;

import java.util.Map;

/**
 * One model's outcome under a protocol.
 *
 * @param params      the hyperparameters chosen on the validation split
 * @param metrics     test metrics by name (auc, f1, ndcg@10, ...)
 * @param perUser     per-user values of some metrics, for distribution plots
 * @param curves      metric curves, e.g. hitrate@k for k = 1..50 as {k, value} points
 * @param seconds     wall time for tuning, fitting and scoring
 * @param note        what the model could not do, or what it left out (e.g. EASE's item limit)
 */
public record ModelResult(String model, Map<String, Object> params, Map<String, Double> metrics,
                          Map<String, double[]> perUser, Map<String, double[][]> curves, double seconds, String note) {}
