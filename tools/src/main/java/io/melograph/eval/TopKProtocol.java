package io.melograph.eval;

import io.melograph.metric.LongTailShare;
import io.melograph.train.InteractionMatrix;
import io.melograph.train.Scorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-K: per user 20 % of their items held out (seeded); models rank every item the user has not trained on.
 * Hyperparameters are chosen on a second 20 % hold-out inside the training part (NDCG@10), then the model is
 * refitted on the whole training part and measured on the test hold-out.
 */
public final class TopKProtocol {
    public static final String NAME = "topk";
    private static final double SHARE = 0.2;

    private TopKProtocol() {}

    public static EvalReport run(Dataset d, List<String> models, long seed) {
        long started = System.nanoTime();
        InteractionMatrix all = d.matrix(null);
        HoldoutSplit outer = UserHoldoutSplitter.split(all, SHARE, seed);
        HoldoutSplit inner = UserHoldoutSplitter.split(outer.train(), SHARE, seed + 1);
        boolean[] longTail = LongTailShare.longTailItems(outer.train().itemCounts(), 0.2);
        List<ModelResult> results = new ArrayList<>();
        for (String model : models) {
            long t0 = System.nanoTime();
            ModelTuner.Tuned tuned = ModelTuner.tune(model, inner.train(), d.graph(), seed,
                    s -> RankingEvaluation.ndcg10(s, inner.train(), inner.heldOut(), true));
            tuned.scorer().close();
            Scorer scorer = Models.create(model);
            scorer.configure(tuned.params());
            scorer.fit(outer.train(), d.graph(), seed);
            RankingEvaluation.Result r = RankingEvaluation.run(scorer, outer.train(), outer.heldOut(), true);
            Map<String, Double> metrics = r.metrics(all.items(), longTail);
            metrics.put("validation ndcg@10", tuned.objective());
            results.add(new ModelResult(model, tuned.params(), metrics, Map.of("ndcg@10", r.perUser().get("ndcg@10")),
                    Map.of("hitrate@k", r.curve()), (System.nanoTime() - t0) / 1e9, scorer.note()));
            scorer.close();
        }
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("users", all.users());
        sizes.put("items", all.items());
        sizes.put("interactions", all.nonZeros());
        sizes.put("train", outer.train().nonZeros());
        sizes.put("test", outer.heldOutCount());
        return new EvalReport(NAME, d.name(), d.checksum(), sizes,
                "per user 20% of items held out for test (users with one item: train only); hyperparameters tuned on a "
                        + "further 20% of each user's training items; all unseen items ranked",
                seed, results, Map.of(), List.of("long tail = items outside the 20% most popular training items"),
                (System.nanoTime() - started) / 1e9);
    }
}
