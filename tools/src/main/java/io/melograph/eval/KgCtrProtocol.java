package io.melograph.eval;

import io.melograph.metric.Auc;
import io.melograph.metric.F1;
import io.melograph.metric.LogLoss;
import io.melograph.metric.Signal;
import io.melograph.train.InteractionMatrix;
import io.melograph.train.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KG CTR (RippleNet / KGCN protocol): positives and one sampled negative each, split 6:2:2; AUC of the scores on
 * test, and F1 at 0.5 after Platt calibration on validation. Settings are chosen by validation AUC.
 */
public final class KgCtrProtocol {
    public static final String NAME = "kg-ctr";

    /** Published Last.fm results (on the papers' subset linked to their Satori knowledge graph). */
    public static final Map<String, Map<String, Double>> ANCHORS;

    static {
        Map<String, Map<String, Double>> a = new LinkedHashMap<>();
        a.put("LibFM (published)", Map.of("auc", 0.777));
        a.put("RippleNet (published)", Map.of("auc", 0.780));
        a.put("KGCN (published)", Map.of("auc", 0.794, "f1", 0.719));
        a.put("KGNN-LS (published)", Map.of("auc", 0.803));
        a.put("CKAN (published)", Map.of("auc", 0.842));
        ANCHORS = a;
    }

    private KgCtrProtocol() {}

    public static EvalReport run(Dataset d, List<String> models, long seed) {
        long started = System.nanoTime();
        CtrSplit split = CtrSplitter.split(d, seed);
        InteractionMatrix train = split.trainPositives();
        boolean[] validLabels = Arrays.copyOfRange(split.labels(), split.trainEnd(), split.validEnd());
        boolean[] testLabels = Arrays.copyOfRange(split.labels(), split.validEnd(), split.size());
        List<ModelResult> results = new ArrayList<>();
        for (String model : models) {
            long t0 = System.nanoTime();
            ModelTuner.Tuned tuned = ModelTuner.tune(model, train, d.graph(), seed, s -> {
                double[] v = scores(s, split, split.trainEnd(), split.validEnd());
                floorUnscored(v);
                return Auc.of(v, validLabels);
            });
            Scorer scorer = tuned.scorer();
            double[] valid = scores(scorer, split, split.trainEnd(), split.validEnd());
            double[] test = scores(scorer, split, split.validEnd(), split.size());
            floorUnscored(valid, test);
            Map<String, Double> metrics = testMetrics(valid, validLabels, test, testLabels);
            metrics.put("validation auc", tuned.objective());
            String note = metrics.containsKey("f1") ? scorer.note() : join(scorer.note(), NO_SIGNAL);
            results.add(new ModelResult(model, tuned.params(), metrics, Map.of(), Map.of(), (System.nanoTime() - t0) / 1e9,
                    note));
            scorer.close();
        }
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("users", split.userCount());
        sizes.put("items", split.itemCount());
        sizes.put("rows", split.size());
        sizes.put("positives", count(split, 0, split.size()));
        sizes.put("train", split.trainEnd());
        sizes.put("validation", split.validEnd() - split.trainEnd());
        sizes.put("test", split.size() - split.validEnd());
        return new EvalReport(NAME, d.name(), d.checksum(), sizes,
                "every distinct interaction a positive, one negative per positive sampled without replacement from the "
                        + "user's unseen items; rows shuffled and split 6:2:2 (train/validation/test)",
                seed, results, ANCHORS,
                List.of("F1 at threshold 0.5 after Platt calibration of each model's scores on the validation rows",
                        "published anchors are on the papers' Last.fm subset (3,846 artists linked to their knowledge graph), "
                                + "not on these rows"),
                (System.nanoTime() - started) / 1e9);
    }

    static final String NO_SIGNAL = "no signal: every test score is the same, so AUC is 0.5 by ties and F1 and log loss "
            + "are left out (after calibration they would only reflect its intercept)";

    /**
     * Test AUC, and F1 at 0.5 and log loss after Platt calibration on validation — the last two only when the test
     * scores carry a signal ({@link Signal}).
     */
    static Map<String, Double> testMetrics(double[] valid, boolean[] validLabels, double[] test, boolean[] testLabels) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("auc", Auc.of(test, testLabels));
        if (!Signal.none(test)) {
            PlattCalibration calibration = PlattCalibration.fit(valid, validLabels);
            double[] probabilities = Arrays.stream(test).map(calibration::probability).toArray();
            metrics.put("f1", F1.of(probabilities, testLabels, 0.5));
            metrics.put("logloss", LogLoss.of(probabilities, testLabels));
        }
        return metrics;
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }

    private static long count(CtrSplit split, int from, int to) {
        long n = 0;
        for (int r = from; r < to; r++) {
            n += split.labels()[r] ? 1 : 0;
        }
        return n;
    }

    /**
     * Items a model cannot score (−∞, e.g. outside EASE's item set) rank last: one below the lowest real score, so the
     * calibration sees finite values.
     */
    static void floorUnscored(double[]... sets) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] set : sets) {
            for (double v : set) {
                if (!Double.isInfinite(v)) {
                    min = Math.min(min, v);
                }
            }
        }
        double floor = Double.isInfinite(min) ? 0 : min - 1;
        for (double[] set : sets) {
            for (int k = 0; k < set.length; k++) {
                if (Double.isInfinite(set[k]) && set[k] < 0) {
                    set[k] = floor;
                }
            }
        }
    }

    /** Scores rows {@code [from, to)}, one full scoring pass per user. */
    static double[] scores(Scorer scorer, CtrSplit split, int from, int to) {
        Map<Integer, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int r = from; r < to; r++) {
            rowsOf.computeIfAbsent(split.users()[r], k -> new ArrayList<>()).add(r);
        }
        double[] out = new double[to - from];
        float[] all = new float[split.itemCount()];
        for (Map.Entry<Integer, List<Integer>> e : rowsOf.entrySet()) {
            scorer.scoreItems(e.getKey(), all);
            for (int r : e.getValue()) {
                out[r - from] = all[split.items()[r]];
            }
        }
        return out;
    }
}
