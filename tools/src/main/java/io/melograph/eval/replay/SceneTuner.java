package io.melograph.eval.replay;

import io.melograph.eval.EvalReport;
import io.melograph.eval.ModelResult;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.rank.Head;
import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.PrivateFmScene;
import io.melograph.scene.SceneConfig;
import io.melograph.scene.ScenePolicy;
import io.melograph.util.ConfigNumbers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code melograph tune scenes}: learns the fusion weights and quotas of Daily and Private FM, the weights their ranker
 * combines its heads with (click, complete, like), and Daily's familiar share, from the replay. The search runs on the
 * validation window (one horizon before the cut:
 * {@link ReplayCut#validation()}), which the test window never touches: coordinate ascent from the hand-set values on
 * NDCG@10 of the listeners' held-out plays, Daily's familiar share, each head weight (×0, ×½, ×2) and each channel's
 * weight (×0, ×½, ×2) and quota (10, 30, none) tried in turn, a change kept only when it scores higher. The state at the validation cut is frozen
 * while it searches, so every channel answers each context once ({@link MemoChannel}), and each FM policy runs on a
 * trial of its own ({@link ReplayWorld#fmTrial}). {@code --objective} chooses another metric to maximise
 * ({@link TuneObjective}: of completes, of completes less skips, or of likes instead of plays). Then the hand-set and
 * the chosen values are both replayed on the test window, from the state at the cut, with the same production scene
 * code.
 */
public final class SceneTuner {
    public static final String NAME = "tune-scenes";
    public static final List<String> SCENES = List.of(DailyMixScene.SCENE, PrivateFmScene.SCENE);
    static final double[] FAMILIAR_SHARES = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    static final double[] WEIGHT_FACTORS = {0, 0.5, 2};
    static final int[] QUOTAS = {10, 30};
    /**
     * @param scenes    which of {@link #SCENES} to tune
     * @param listeners at most this many listeners per window (a seeded sample), 0 for all
     * @param fmSteps   songs served per replayed FM session (one session per listener)
     * @param rounds    passes of the coordinate ascent (it stops early when a pass changes nothing)
     * @param ranker    the deep ranker trained in each replayed world to re-rank FTRL's top (null: FTRL alone), so the
     *                  head weights are learned for the ranker that will use them
     * @param objective the replay metric the search maximises
     */
    public record Options(ReplayCut cut, List<String> scenes, int listeners, int dailySize, int fmSteps, int rounds,
                          Duration budget, long seed, String ranker, TuneObjective objective) {
        public Options {
            scenes = List.copyOf(scenes);
            for (String s : scenes) {
                if (!SCENES.contains(s)) {
                    throw new IllegalArgumentException("cannot tune scene '" + s + "': " + String.join(", ", SCENES));
                }
            }
            if (scenes.isEmpty() || listeners < 0 || dailySize < 10 || fmSteps < 10 || rounds < 1) {
                throw new IllegalArgumentException("at least one scene, listeners >= 0, Daily size >= 10, FM steps >= 10, rounds >= 1");
            }
        }
    }

    /**
     * A scene's tunable values: fusion weights and quotas per channel, and (Daily only; NaN for a scene without one)
     * the familiar share.
     */
    public record SceneChoice(Map<String, Double> weights, Map<String, Integer> quotas, double familiarShare, HeadWeights heads) {
        public SceneChoice {
            weights = Map.copyOf(weights);
            quotas = Map.copyOf(quotas);
        }

        static SceneChoice of(ScenePolicy policy, double familiarShare) {
            Map<String, Double> w = new LinkedHashMap<>();
            policy.channels().forEach(c -> w.put(c, policy.fusion().weight(c)));
            Map<String, Integer> q = new LinkedHashMap<>();
            policy.channels().stream().filter(c -> policy.fusion().quotas().containsKey(c)).forEach(c -> q.put(c, policy.fusion().quota(c)));
            return new SceneChoice(w, q, familiarShare, policy.heads());
        }

        boolean hasFamiliarShare() {
            return !Double.isNaN(familiarShare);
        }

        ScenePolicy policy(ScenePolicy base) {
            Fusion.Policy f = base.fusion();
            return new ScenePolicy(base.scene(), base.arm(), base.channels(), new Fusion.Policy(weights, quotas, f.defaultWeight(),
                    f.defaultQuota()), base.perChannel(), base.budgets(), base.defaultBudget(), heads);
        }

        DailyMixScene.Settings settings(DailyMixScene.Settings base) {
            return new DailyMixScene.Settings(base.size(), familiarShare, base.maxPerArtist());
        }

        SceneChoice withWeight(String channel, double w) {
            Map<String, Double> m = new LinkedHashMap<>(weights);
            m.put(channel, w);
            return new SceneChoice(m, quotas, familiarShare, heads);
        }

        SceneChoice withQuota(String channel, Integer q) {
            Map<String, Integer> m = new LinkedHashMap<>(quotas);
            if (q == null) {
                m.remove(channel);
            } else {
                m.put(channel, q);
            }
            return new SceneChoice(weights, m, familiarShare, heads);
        }

        SceneChoice withFamiliarShare(double share) {
            return new SceneChoice(weights, quotas, share, heads);
        }

        SceneChoice withHead(Head head, double w) {
            return new SceneChoice(weights, quotas, familiarShare, heads.with(head, w));
        }

        /** As configuration values ({@code melograph.scenes.<scene>.*}), channels in a fixed order. */
        public Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("weights", pairs(new TreeMap<>(weights)));
            p.put("quotas", pairs(new TreeMap<>(quotas)));
            if (hasFamiliarShare()) {
                p.put("familiar-share", number(familiarShare));
            }
            p.put("head-weights", heads.toString());
            return p;
        }

        private static String pairs(Map<String, ? extends Number> m) {
            List<String> out = new ArrayList<>();
            m.forEach((k, v) -> out.add(k + "=" + number(v.doubleValue())));
            return String.join(",", out);
        }

        private static String number(double v) {
            return ConfigNumbers.format(v);
        }
    }

    /** One step of the search: what was tried and its validation score (the objective); whether it was kept. */
    public record Trial(int number, String change, double score, boolean kept) {}

    /** One scene's search and its effect: validation and test scores (the objective) of the hand-set and the chosen values. */
    public record Tuned(String scene, SceneChoice handSet, SceneChoice chosen, double validationHandSet, double validationChosen,
                        double testHandSet, double testChosen, List<Trial> trials) {
        public double testGain() {
            return (testChosen - testHandSet) / testHandSet;
        }
    }

    /** The report (the test window's rows: each scene hand-set, then tuned), each scene's outcome and the metric maximised. */
    public record Outcome(EvalReport report, List<Tuned> scenes, TuneObjective objective) {}

    private SceneTuner() {}

    /** The validation search's result for one scene. */
    private record Searched(String scene, SceneChoice handSet, SceneChoice chosen, List<Trial> trials) {
        double score(boolean chosen) {
            return chosen ? trials.stream().filter(Trial::kept).reduce((a, b) -> b).orElseThrow().score() : trials.get(0).score();
        }
    }

    /**
     * @param handSet the scenes' configuration without tuned values (application.yml and the environment)
     */
    public static Outcome run(GraphConnection source, EventHistory history, SceneConfig handSet, Options o, int dimensions,
                              Consumer<String> log) {
        long started = System.nanoTime();
        // search on the validation window
        ReplayCut validation = o.cut().validation();
        EventSplit valSplit = split(history, validation, "validation");
        List<HeldOut> valListeners = ReplayEvaluation.sample(valSplit.heldOut(), o.listeners(), o.seed());
        log.accept(String.format("validation (%s): %,d listeners", validation.describe(), valListeners.size()));
        List<Searched> searched = new ArrayList<>();
        try (ReplayWorld world = ReplayWorld.build(source, valSplit.before(), handSet, o.budget(), dimensions, o.seed(), log)) {
            if (o.ranker() != null) {
                world.trainRanker(o.ranker(), o.seed(), log);
            }
            world.memoizeRecall();
            ReplayScoring.Songs songs = ReplayScoring.Songs.of(world, valSplit);
            for (String scene : o.scenes()) {
                ScenePolicy base = handSet.policy(scene, world.recall);
                SceneChoice hand = SceneChoice.of(base, scene.equals(DailyMixScene.SCENE) ? handSet.daily().familiarShare() : Double.NaN);
                List<Trial> trials = new ArrayList<>();
                Evaluator eval = choice -> {
                    List<Served> served = served(world, scene, choice, base, handSet, valListeners, o, "t" + trials.size());
                    return ReplayScoring.metric(o.objective().metric, scene, served, songs);
                };
                SceneChoice best = search(scene, hand, o.rounds(), eval, trials, log);
                searched.add(new Searched(scene, hand, best, trials));
            }
        }
        // both on the test window
        EventSplit testSplit = split(history, o.cut(), "test");
        List<HeldOut> testListeners = ReplayEvaluation.sample(testSplit.heldOut(), o.listeners(), o.seed());
        List<ModelResult> results = new ArrayList<>();
        List<Tuned> tuned = new ArrayList<>();
        Map<String, Object> sizes = new LinkedHashMap<>(testSplit.sizes());
        sizes.put("listeners (validation)", valListeners.size());
        sizes.put("listeners (test)", testListeners.size());
        searched.forEach(s -> sizes.put("values tried (" + s.scene() + ")", s.trials().size()));
        try (ReplayWorld world = ReplayWorld.build(source, testSplit.before(), handSet, o.budget(), dimensions, o.seed(), log)) {
            if (o.ranker() != null) {
                sizes.put("deep ranker", world.trainRanker(o.ranker(), o.seed(), log));
            }
            ReplayScoring.Songs songs = ReplayScoring.Songs.of(world, testSplit);
            for (Searched s : searched) {
                ScenePolicy base = handSet.policy(s.scene(), world.recall);
                double[] test = new double[2];
                for (int i = 0; i < 2; i++) {
                    SceneChoice choice = i == 0 ? s.handSet() : s.chosen();
                    String label = s.scene() + (i == 0 ? " (hand-set)" : " (tuned)");
                    long t = System.nanoTime();
                    List<Served> served = served(world, s.scene(), choice, base, handSet, testListeners, o, i == 0 ? "hand" : "tuned");
                    Map<String, Object> params = new LinkedHashMap<>(choice.properties());
                    ModelResult r = ReplayScoring.score(label, served, songs, params, (System.nanoTime() - t) / 1e9).result();
                    results.add(r);
                    test[i] = r.metrics().get(o.objective().metric);
                }
                tuned.add(new Tuned(s.scene(), s.handSet(), s.chosen(), s.score(false), s.score(true), test[0], test[1], s.trials()));
            }
        }
        EvalReport report = new EvalReport(NAME, history.toString(), testSplit.checksum(), sizes,
                "validation: " + validation.describe() + "; test: " + o.cut().describe(), o.seed(), results, Map.of(),
                notes(o, tuned), (System.nanoTime() - started) / 1e9);
        return new Outcome(report, tuned, o.objective());
    }

    /**
     * What the scene serves with {@code choice} on the world's state: Daily lists at each listener's first 06:00, or
     * one FM session per listener on a trial of its own, so the listener state every value meets is the same.
     */
    private static List<Served> served(ReplayWorld world, String scene, SceneChoice choice, ScenePolicy base, SceneConfig handSet,
                                       List<HeldOut> listeners, Options o, String name) {
        if (scene.equals(DailyMixScene.SCENE)) {
            DailyMixScene daily = world.daily(choice.policy(base), choice.settings(handSet.daily()), name);
            return DailyReplay.run(daily, listeners, o.dailySize());
        }
        try (ReplayWorld.FmTrial trial = world.fmTrial(choice.policy(base), name)) {
            return FmSessionReplay.run(trial, listeners, 1, o.fmSteps());
        }
    }

    /** The validation score (the objective) of one set of values. */
    interface Evaluator {
        double score(SceneChoice choice);
    }

    /**
     * Coordinate ascent from {@code start}: each pass tries every move on the best values so far and keeps a change
     * only when it scores higher; stops after {@code rounds} passes or a pass that changed nothing. Every try is added
     * to {@code trials} (the first: the start itself).
     */
    static SceneChoice search(String scene, SceneChoice start, int rounds, Evaluator eval, List<Trial> trials, Consumer<String> log) {
        double bestScore = eval.score(start);
        trials.add(new Trial(0, "hand-set values", bestScore, true));
        log.accept(String.format(Locale.ROOT, "%s hand-set: validation %.4f", scene, bestScore));
        SceneChoice best = start;
        for (int round = 1; round <= rounds; round++) {
            boolean changed = false;
            for (Move move : moves(best)) {
                Candidate c = move.from(best); // from the best so far: each move changes one value of it
                if (c == null) {
                    continue;
                }
                double score = eval.score(c.choice());
                boolean kept = score > bestScore + 1e-9;
                trials.add(new Trial(trials.size(), c.change(), score, kept));
                if (kept) {
                    best = c.choice();
                    bestScore = score;
                    changed = true;
                    log.accept(String.format(Locale.ROOT, "%s pass %d: %s → validation %.4f (kept)", scene, round, c.change(), score));
                }
            }
            if (!changed) {
                break;
            }
        }
        return best;
    }

    private record Candidate(String change, SceneChoice choice) {}

    /** One change of one value, applied to whatever the values are when its turn comes (null: nothing to change). */
    private interface Move {
        Candidate from(SceneChoice current);
    }

    /**
     * The moves of one pass, in a fixed order: the familiar share (if the scene has one), each head's weight in the
     * ranker's combined score, then each channel's weight and quota.
     */
    static List<Move> moves(SceneChoice start) {
        List<Move> out = new ArrayList<>();
        for (double share : start.hasFamiliarShare() ? FAMILIAR_SHARES : new double[0]) {
            out.add(c -> share == c.familiarShare() ? null : new Candidate("familiar share " + share, c.withFamiliarShare(share)));
        }
        for (Head head : Head.values()) {
            for (int i = 0; i < WEIGHT_FACTORS.length; i++) {
                int k = i;
                out.add(c -> {
                    double w = c.heads().weight(head);
                    double next = scaled(w, k);
                    return Double.isNaN(next) ? null : new Candidate(head.wire() + " head weight " + SceneChoice.number(w) + " → "
                            + SceneChoice.number(next), c.withHead(head, next));
                });
            }
        }
        for (String channel : new TreeMap<>(start.weights()).keySet()) {
            for (int i = 0; i < WEIGHT_FACTORS.length; i++) {
                int k = i;
                out.add(c -> {
                    double w = c.weights().get(channel);
                    double next = scaled(w, k);
                    return Double.isNaN(next) ? null : new Candidate(channel + " weight " + SceneChoice.number(w) + " → "
                            + SceneChoice.number(next), c.withWeight(channel, next));
                });
            }
            for (int q : QUOTAS) {
                out.add(c -> Integer.valueOf(q).equals(c.quotas().get(channel)) ? null
                        : new Candidate(channel + " quota " + q, c.withQuota(channel, q)));
            }
            out.add(c -> c.quotas().containsKey(channel) ? new Candidate(channel + " no quota", c.withQuota(channel, null)) : null);
        }
        return out;
    }

    private static EventSplit split(EventHistory history, ReplayCut cut, String window) {
        EventSplit split = EventSplit.of(history, cut);
        if (split.heldOut().isEmpty()) {
            throw new IllegalArgumentException("no listener played anything in the " + window + " window (" + cut.describe()
                    + "): choose a later cut or a longer journal");
        }
        return split;
    }

    /**
     * A weight times the {@code k}-th of {@link #WEIGHT_FACTORS}; one switched off comes back at ½ or 1 (×0 would
     * change nothing, ×2 is the same as 1 twice). NaN: nothing to try.
     */
    private static double scaled(double w, int k) {
        return w == 0 ? (k == 0 ? Double.NaN : k == 1 ? 0.5 : 1) : w * WEIGHT_FACTORS[k];
    }

    private static List<String> notes(Options o, List<Tuned> tuned) {
        List<String> out = new ArrayList<>();
        for (Tuned t : tuned) {
            out.add(String.format(Locale.ROOT, "%s — search on the validation window (one horizon before the cut): %s "
                    + "%.4f with the hand-set values, %.4f with the chosen ones (%+.1f%%); the test rows are the first time the "
                    + "chosen values meet the test window.", t.scene(), o.objective().words, t.validationHandSet(), t.validationChosen(),
                    100 * (t.validationChosen() - t.validationHandSet()) / t.validationHandSet()));
        }
        out.add("Coordinate ascent over Daily's familiar share, the ranker's head weights (click, complete, like; ×0, ×½, ×2) and each "
                + "channel's fusion weight (×0, ×½, ×2) and quota (10, 30, none), "
                + "up to " + o.rounds() + " passes per scene; a change is kept only when the validation window's "
                + o.objective().words + " rises. Channels are asked "
                + "once per context on the frozen validation state, so every value is compared on the same candidates.");
        out.add("All rows run the production scene code on the state at the cut (catalog, aggregation, embeddings and FTRL from "
                + "events before it), with every channel's budget raised to " + o.budget().toMillis() + " ms.");
        if (o.scenes().contains(PrivateFmScene.SCENE)) {
            out.add("fm: one session per listener, started where their first held-out session started, " + o.fmSteps() + " songs; "
                    + "the listener's real reactions to served songs they played reach the radio's live state (so it adapts), but not "
                    + "the graph or the ranker, and the state is put back before the next value: every value meets the same state. "
                    + "FM's explorations (fm-explore) keep their hand-set values.");
        }
        return out;
    }
}
