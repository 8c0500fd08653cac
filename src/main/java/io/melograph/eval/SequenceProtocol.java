package io.melograph.eval;

import io.melograph.eval.metric.Auc;
import io.melograph.eval.metric.Gauc;
import io.melograph.eval.metric.LogLoss;
import io.melograph.eval.metric.LongTailShare;
import io.melograph.events.Action;
import io.melograph.rank.BehaviourSequences;
import io.melograph.train.BehaviourData;
import io.melograph.train.BehaviourRanker;
import io.melograph.train.Exposure;
import io.melograph.train.ItemSideInfo;
import io.melograph.train.InteractionMatrix;
import io.melograph.train.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Sequences, leave-last-session-out. Next item: models trained on everything before each user's last session rank all
 * items (already heard ones included: music is replayed) and are scored on the distinct items of that session.
 * Behaviour: when events carry actions, each behaviour of the listening chain (click after an impression, complete and
 * like after a play) becomes labelled exposures, and behaviour rankers are scored by AUC, GAUC and logloss.
 */
public final class SequenceProtocol {
    public static final String NAME = "sequence";

    /** Behaviour → the action that exposes it and the actions that count as it happening later in the session. */
    static final Map<String, String[]> BEHAVIOURS = new LinkedHashMap<>();

    static {
        BEHAVIOURS.put("click", new String[] {"impression", "click", "play"});
        BEHAVIOURS.put("complete", new String[] {"play", "complete"});
        BEHAVIOURS.put("like", new String[] {"play", "like", "save"});
    }

    private SequenceProtocol() {}

    public static EvalReport run(Dataset d, List<String> models, List<String> rankers, long seed) {
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
            BehaviourSequences.History[] histories = histories(d);
            for (String ranker : rankers) {
                results.add(behaviour(d, outer, side, histories, ranker, seed));
            }
        } else {
            notes.add("no actions in the data: behaviour metrics (click, complete, like) need events with an action column");
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

    /** AUC, GAUC and logloss of one behaviour ranker on every behaviour of the chain. */
    private static ModelResult behaviour(Dataset d, SessionSplit split, ItemSideInfo side, BehaviourSequences.History[] histories,
                                         String ranker, long seed) {
        long t0 = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String[]> b : BEHAVIOURS.entrySet()) {
            Exposures train = exposures(d, split.trainRows(), b.getValue(), histories);
            Exposures test = exposures(d, split.testRows(), b.getValue(), histories);
            if (test.labels.length == 0) {
                continue;
            }
            BehaviourRanker model = Models.createRanker(ranker);
            model.fit(new BehaviourData(d.userIds(), side, train.exposures, train.labels), seed);
            double[] p = model.probabilities(test.exposures);
            int[] groups = new int[test.labels.length];
            for (int k = 0; k < p.length; k++) {
                groups[k] = test.exposures[k].user();
            }
            metrics.put(b.getKey() + " auc", Auc.of(p, test.labels));
            metrics.put(b.getKey() + " gauc", Gauc.of(groups, p, test.labels));
            metrics.put(b.getKey() + " logloss", LogLoss.of(p, test.labels));
            metrics.put(b.getKey() + " exposures", (double) test.labels.length);
            if (!model.note().isEmpty()) {
                notes.add(b.getKey() + ": " + model.note());
            }
        }
        return new ModelResult(ranker + " (behaviour)", Map.of(), metrics, Map.of(), Map.of(), (System.nanoTime() - t0) / 1e9,
                String.join("; ", notes));
    }

    private record Exposures(Exposure[] exposures, boolean[] labels) {}

    /**
     * Item side info a ranker may use: artists and genres from the triples, plays counted in the training rows only
     * (popularity as known before any test exposure).
     */
    static ItemSideInfo sideInfo(Dataset d, int[] trainRows) {
        long[] plays = new long[d.itemIds().size()];
        for (int r : trainRows) {
            if ("play".equals(d.actions()[r])) {
                plays[d.items()[r]]++;
            }
        }
        return ItemSideInfo.of(d.itemIds(), d.graph(), d.entityIds(), plays);
    }

    /** The rows of each user, in time order (ties in row order). */
    private static Collection<List<Integer>> byUserInTimeOrder(Dataset d, int[] rows) {
        Map<Integer, List<Integer>> byUser = new HashMap<>();
        for (int r : rows) {
            byUser.computeIfAbsent(d.users()[r], k -> new ArrayList<>()).add(r);
        }
        for (List<Integer> events : byUser.values()) {
            events.sort(Comparator.<Integer>comparingLong(r -> d.times()[r]).thenComparingInt(r -> r));
        }
        return byUser.values();
    }

    /**
     * Each impression's and play's behaviour sequences just before it ({@link BehaviourSequences}, fed every earlier
     * event of the user, training and test alike: what had happened by then); null for other rows.
     */
    static BehaviourSequences.History[] histories(Dataset d) {
        BehaviourSequences.History[] out = new BehaviourSequences.History[d.size()];
        for (List<Integer> events : byUserInTimeOrder(d, IntStream.range(0, d.size()).toArray())) {
            BehaviourSequences sequences = new BehaviourSequences();
            for (int r : events) {
                Action action = Action.parse(d.actions()[r]).orElse(null);
                if (action == Action.IMPRESSION || action == Action.PLAY) {
                    out[r] = sequences.at(d.times()[r]);
                }
                if (action != null) {
                    sequences.add(d.items()[r], action, d.times()[r]);
                }
            }
        }
        return out;
    }

    /**
     * Each exposing action of a session, labelled by whether a following action of the session (same item) is a
     * success; with its time, scene and session position (plays earlier in its session: only events before it).
     */
    static Exposures exposures(Dataset d, int[] rows, String[] behaviour, BehaviourSequences.History[] histories) {
        Set<String> success = Set.of(Arrays.copyOfRange(behaviour, 1, behaviour.length));
        List<Exposure> pairs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (List<Integer> events : byUserInTimeOrder(d, rows)) {
            int plays = 0;
            for (int k = 0; k < events.size(); k++) {
                int r = events.get(k);
                if (k > 0 && d.times()[r] - d.times()[events.get(k - 1)] > LastSessionSplitter.SESSION_GAP_MILLIS) {
                    plays = 0;
                }
                int position = plays;
                if ("play".equals(d.actions()[r])) {
                    plays++;
                }
                if (!behaviour[0].equals(d.actions()[r])) {
                    continue;
                }
                boolean happened = false;
                for (int m = k + 1; m < events.size(); m++) {
                    int s = events.get(m);
                    if (d.times()[s] - d.times()[events.get(m - 1)] > LastSessionSplitter.SESSION_GAP_MILLIS) {
                        break;
                    }
                    if (d.items()[s] == d.items()[r]) {
                        if (success.contains(d.actions()[s])) {
                            happened = true;
                            break;
                        }
                        if (behaviour[0].equals(d.actions()[s])) {
                            break;
                        }
                    }
                }
                pairs.add(new Exposure(d.users()[r], d.items()[r], d.times()[r], d.scenes() == null ? null : d.scenes()[r], position,
                        histories[r]));
                labels.add(happened);
            }
        }
        boolean[] l = new boolean[labels.size()];
        for (int k = 0; k < l.length; k++) {
            l[k] = labels.get(k);
        }
        return new Exposures(pairs.toArray(Exposure[]::new), l);
    }
}
