package io.melograph.eval;

import io.melograph.metric.LongTailShare;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourRanker;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Head;
import io.melograph.rank.ItemSideInfo;
import io.melograph.rank.MultiTaskRanker;
import io.melograph.train.ChainExposures;
import io.melograph.train.InteractionMatrix;
import io.melograph.train.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sequences, leave-last-session-out. Next item: models trained on everything before each user's last session rank all
 * items (already heard ones included: music is replayed) and are scored on the distinct items of that session.
 * Behaviour: when events carry actions, each behaviour of the listening chain (click after an impression, complete and
 * like after a play) becomes labelled exposures, and behaviour rankers are scored by AUC, GAUC and logloss.
 */
public final class SequenceProtocol {
    public static final String NAME = "sequence";

    private SequenceProtocol() {}

    public static EvalReport run(Dataset d, List<String> models, List<String> rankers, long seed) {
        return run(d, models, rankers, false, seed);
    }

    /**
     * @param sampledImpressions when the data has no actions: rank the click head on impressions made from its
     *                           interactions and sampled misses ({@link SampledImpressions})
     */
    public static EvalReport run(Dataset d, List<String> models, List<String> rankers, boolean sampledImpressions, long seed) {
        long started = System.nanoTime();
        SessionSplit outer = LastSessionSplitter.split(d, null, LastSessionSplitter.SESSION_GAP_MILLIS);
        SessionSplit inner = LastSessionSplitter.split(d, outer.trainRows(), LastSessionSplitter.SESSION_GAP_MILLIS);
        InteractionMatrix train = d.matrix(outer.trainRows());
        InteractionMatrix innerTrain = d.matrix(inner.trainRows());
        boolean[] longTail = LongTailShare.longTailItems(train.itemCounts(), 0.2);
        List<ModelResult> results = new ArrayList<>();
        for (String model : models) {
            long t0 = System.nanoTime();
            ModelTuner.Tuned tuned = ModelTuner.tune(model, innerTrain, d.graph(), seed,
                    s -> RankingEvaluation.ndcg10(s, innerTrain, inner.targets(), false));
            tuned.scorer().close();
            Scorer scorer = Models.create(model);
            scorer.configure(tuned.params());
            scorer.fit(train, d.graph(), seed);
            RankingEvaluation.Result r = RankingEvaluation.run(scorer, train, outer.targets(), false);
            Map<String, Double> metrics = r.metrics(train.items(), longTail);
            metrics.put("validation ndcg@10", tuned.objective());
            results.add(new ModelResult(model, tuned.params(), metrics, Map.of("ndcg@10", r.perUser().get("ndcg@10")),
                    Map.of("hitrate@k", r.curve()), (System.nanoTime() - t0) / 1e9, scorer.note()));
            scorer.close();
        }
        List<String> notes = new ArrayList<>(List.of("sessions end after 30 minutes without an event",
                "next-item targets are the distinct items of each user's last session; heard items are not excluded"));
        if (d.actions() != null) {
            ItemSideInfo side = sideInfo(d, outer.trainRows());
            ChainExposures.Events events = new ChainExposures.Events(d.users(), d.items(), d.times(), d.actions(), d.scenes());
            BehaviourSequences.History[] histories = ChainExposures.histories(events);
            for (String ranker : rankers) {
                results.add(behaviour(d, events, outer, side, histories, ranker, seed));
            }
        } else if (sampledImpressions) {
            SampledImpressions s = SampledImpressions.of(d, outer, seed);
            ItemSideInfo side = sideInfo(d, outer.trainRows());
            BehaviourSequences.History[] histories = ChainExposures.histories(s.events());
            for (String ranker : rankers) {
                results.add(behaviour(d, s.events(), s.split(), side, histories, ranker, seed));
            }
            notes.add(String.format(Locale.ROOT, "behaviour on sampled impressions: each of the %d distinct (user, item, time) "
                    + "interactions is an impression followed by a play, beside an impression of an item the user never "
                    + "interacted with, drawn by training popularity; only the click head has labels", s.interactions()));
        } else {
            notes.add("no actions in the data: behaviour metrics (click, complete, like) need events with an action column "
                    + "(or --sampled-impressions)");
        }
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("users", d.userIds().size());
        sizes.put("items", d.itemIds().size());
        sizes.put("events", d.size());
        sizes.put("train events", outer.trainRows().length);
        sizes.put("test events", outer.testRows().length);
        sizes.put("test users", Arrays.stream(outer.targets()).filter(t -> t != null).count());
        return new EvalReport(NAME, d.name(), d.checksum(), sizes,
                "leave-last-session-out (30-minute gap); tuned on each user's last training session", seed, results,
                Map.of(), notes, (System.nanoTime() - started) / 1e9);
    }

    /**
     * AUC, GAUC and logloss of one behaviour ranker on every behaviour of the chain: one model per behaviour, or one
     * for all of them when it learns them together ({@link MultiTaskRanker}).
     */
    private static ModelResult behaviour(Dataset d, ChainExposures.Events events, SessionSplit split, ItemSideInfo side,
                                         BehaviourSequences.History[] histories, String ranker, long seed) {
        long t0 = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<Head, BehaviourData> train = new EnumMap<>(Head.class);
        Map<Head, ChainExposures.Labelled> test = new EnumMap<>(Head.class);
        BehaviourRanker first = Models.createRanker(ranker);
        MultiTaskRanker joint = first instanceof MultiTaskRanker m ? m : null;
        for (Head head : Head.values()) {
            ChainExposures.Labelled t = ChainExposures.of(events, split.trainRows(), head, histories);
            if (joint == null && !bothLabels(t.labels())) {
                continue; // nothing to learn (interactions without completes or likes)
            }
            train.put(head, new BehaviourData(d.userIds(), side, t.exposures(), t.labels()));
            test.put(head, ChainExposures.of(events, split.testRows(), head, histories));
        }
        if (joint != null) {
            joint.fit(train, seed);
            notes.add("all behaviours: " + joint.note());
        }
        for (Head head : test.keySet()) {
            ChainExposures.Labelled t = test.get(head);
            if (t.labels().length == 0) {
                continue;
            }
            double[] p;
            if (joint != null) {
                p = joint.probabilities(head, t.exposures());
            } else {
                BehaviourRanker model = head == Head.CLICK ? first : Models.createRanker(ranker);
                model.fit(train.get(head), seed);
                p = model.probabilities(t.exposures());
                if (!model.note().isEmpty()) {
                    notes.add(head.wire() + ": " + model.note());
                }
            }
            t.judged(p).forEach((name, value) -> metrics.put(head.wire() + " " + name, value));
        }
        return new ModelResult(ranker + " (behaviour)", Map.of(), metrics, Map.of(), Map.of(), (System.nanoTime() - t0) / 1e9,
                String.join("; ", notes));
    }

    private static boolean bothLabels(boolean[] labels) {
        boolean yes = false;
        boolean no = false;
        for (boolean l : labels) {
            yes |= l;
            no |= !l;
        }
        return yes && no;
    }

    /**
     * Item side info a ranker may use: artists and genres from the triples, plays counted in the training rows only
     * (popularity as known before any test exposure).
     */
    static ItemSideInfo sideInfo(Dataset d, int[] trainRows) {
        long[] plays = new long[d.itemIds().size()];
        for (int r : trainRows) {
            if (d.actions() == null || "play".equals(d.actions()[r])) { // without actions every interaction is a play
                plays[d.items()[r]]++;
            }
        }
        return ItemSideInfo.of(d.itemIds(), d.graph(), d.entityIds(), plays);
    }
}
