package io.melograph.eval;

import io.melograph.metric.Coverage;
import io.melograph.metric.HitRate;
import io.melograph.metric.Latency;
import io.melograph.metric.LongTailShare;
import io.melograph.metric.Ndcg;
import io.melograph.metric.Recall;
import io.melograph.train.InteractionMatrix;
import io.melograph.train.Scorer;
import io.melograph.util.TopK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full ranking: for every user with targets, score all items, rank them (optionally without the user's training
 * items), and measure HitRate, Recall and NDCG at 10 and 50, a HitRate@k curve, catalogue coverage and long-tail share,
 * and HitRate@50 on cold targets alone (items with fewer than {@link #COLD_USERS} training users; users with such a
 * target only).
 */
final class RankingEvaluation {
    static final int MAX_K = 50;
    static final int[] CUTOFFS = {10, 50};
    /** A target item with fewer training users than this is cold: what a graph-aware model should still find. */
    static final int COLD_USERS = 5;

    /**
     * Per-user values (users with targets only), top-50 lists, the mean HitRate@k for k = 1..50 and the wall time of
     * each user's {@link Scorer#scoreItems} call in nanoseconds (all items scored; ranking not included), in user order.
     */
    record Result(Map<String, double[]> perUser, List<int[]> lists, double[] hitCurve, long[] scoringNanos) {

        double mean(String metric) {
            double[] v = perUser.get(metric);
            double s = 0;
            for (double x : v) {
                s += x;
            }
            return v.length == 0 ? Double.NaN : s / v.length;
        }

        Map<String, Double> metrics(int catalogue, boolean[] longTail) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int k : CUTOFFS) {
                out.put("hitrate@" + k, mean("hitrate@" + k));
                out.put("recall@" + k, mean("recall@" + k));
                out.put("ndcg@" + k, mean("ndcg@" + k));
            }
            for (int k : CUTOFFS) {
                out.put("coverage@" + k, Coverage.of(lists, k, catalogue));
                out.put("longtail@" + k, LongTailShare.of(lists, k, longTail));
            }
            // a channel's offline latency: scoring one user against the whole catalogue
            out.put("cold hitrate@50", mean("cold hitrate@50"));
            out.put("cold users", (double) perUser.get("cold hitrate@50").length);
            out.put("ms/user", Latency.meanMillis(scoringNanos));
            out.put("p99 ms/user", Latency.percentileMillis(scoringNanos, 0.99));
            out.put("users", (double) lists.size());
            return out;
        }

        double[][] curve() {
            double[][] points = new double[hitCurve.length][];
            for (int k = 0; k < hitCurve.length; k++) {
                points[k] = new double[] {k + 1, hitCurve[k]};
            }
            return points;
        }
    }

    private RankingEvaluation() {}

    static Result run(Scorer scorer, InteractionMatrix train, int[][] targets, boolean excludeTrain) {
        float[] scores = new float[train.items()];
        Map<String, List<Double>> values = new LinkedHashMap<>();
        List<int[]> lists = new ArrayList<>();
        double[] hits = new double[MAX_K];
        long[] scoringNanos = new long[targets.length];
        int[] trainUsers = train.itemCounts();
        values.put("cold hitrate@50", new ArrayList<>());
        for (int u = 0; u < targets.length; u++) {
            if (targets[u] == null || targets[u].length == 0) {
                continue;
            }
            long t0 = System.nanoTime();
            scorer.scoreItems(u, scores);
            scoringNanos[lists.size()] = System.nanoTime() - t0;
            int user = u;
            int[] ranked = TopK.of(scores, MAX_K, i -> excludeTrain && train.contains(user, i));
            Set<Integer> relevant = new HashSet<>();
            Set<Integer> cold = new HashSet<>();
            for (int i : targets[u]) {
                relevant.add(i);
                if (trainUsers[i] < COLD_USERS) {
                    cold.add(i);
                }
            }
            if (!cold.isEmpty()) {
                values.get("cold hitrate@50").add(HitRate.at(ranked, cold, MAX_K));
            }
            for (int k : CUTOFFS) {
                values.computeIfAbsent("hitrate@" + k, x -> new ArrayList<>()).add(HitRate.at(ranked, relevant, k));
                values.computeIfAbsent("recall@" + k, x -> new ArrayList<>()).add(Recall.at(ranked, relevant, k));
                values.computeIfAbsent("ndcg@" + k, x -> new ArrayList<>()).add(Ndcg.at(ranked, relevant, k));
            }
            int first = MAX_K;
            for (int p = 0; p < ranked.length; p++) {
                if (relevant.contains(ranked[p])) {
                    first = p;
                    break;
                }
            }
            for (int k = first; k < MAX_K; k++) {
                hits[k]++;
            }
            lists.add(ranked);
        }
        for (int k = 0; k < MAX_K; k++) {
            hits[k] /= Math.max(1, lists.size());
        }
        Map<String, double[]> perUser = new LinkedHashMap<>();
        values.forEach((k, v) -> perUser.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return new Result(perUser, lists, hits, Arrays.copyOf(scoringNanos, lists.size()));
    }

    /** Mean NDCG@10, the validation objective of the ranking protocols. */
    static double ndcg10(Scorer scorer, InteractionMatrix train, int[][] targets, boolean excludeTrain) {
        return run(scorer, train, targets, excludeTrain).mean("ndcg@10");
    }
}
