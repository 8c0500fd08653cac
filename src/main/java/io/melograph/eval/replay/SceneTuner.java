package io.melograph.eval.replay;

import io.melograph.eval.EvalReport;
import io.melograph.eval.ModelResult;
import io.melograph.events.ItemType;
import io.melograph.graph.GraphConnection;
import io.melograph.recall.Fusion;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.SceneConfig;
import io.melograph.scene.ScenePolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code melograph tune scenes}: learns Daily's fusion weights, quotas and familiar share from the replay. The search
 * runs on the validation window (one horizon before the cut: {@link ReplayCut#validation()}), which the test window
 * never touches: coordinate ascent from the hand-set values on NDCG@10 of the listeners' held-out plays, each channel's
 * weight (×0, ×½, ×2) and quota (10, 30, none) and the familiar share tried in turn, a change kept only when it scores
 * higher. The state at the validation cut is frozen while it searches, so every channel answers each listener once
 * ({@link MemoChannel}). Then the hand-set and the chosen values are both replayed on the test window, from the state
 * at the cut, with the same production Daily code.
 */
public final class SceneTuner {
    public static final String NAME = "tune-scenes";
    static final double[] FAMILIAR_SHARES = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    static final double[] WEIGHT_FACTORS = {0, 0.5, 2};
    static final int[] QUOTAS = {10, 30};

    /**
     * @param listeners at most this many listeners per window (a seeded sample), 0 for all
     * @param rounds    passes of the coordinate ascent (it stops early when a pass changes nothing)
     */
    public record Options(ReplayCut cut, int listeners, int dailySize, int rounds, Duration budget, long seed) {
        public Options {
            if (listeners < 0 || dailySize < 10 || rounds < 1) {
                throw new IllegalArgumentException("listeners >= 0, Daily size >= 10, rounds >= 1");
            }
        }
    }

    /** Daily's tunable values: fusion weights and quotas per channel, and the familiar share. */
    public record DailyChoice(Map<String, Double> weights, Map<String, Integer> quotas, double familiarShare) {
        public DailyChoice {
            weights = Map.copyOf(weights);
            quotas = Map.copyOf(quotas);
        }

        static DailyChoice of(ScenePolicy policy, DailyMixScene.Settings settings) {
            Map<String, Double> w = new LinkedHashMap<>();
            policy.channels().forEach(c -> w.put(c, policy.fusion().weight(c)));
            Map<String, Integer> q = new LinkedHashMap<>();
            policy.channels().stream().filter(c -> policy.fusion().quotas().containsKey(c)).forEach(c -> q.put(c, policy.fusion().quota(c)));
            return new DailyChoice(w, q, settings.familiarShare());
        }

        ScenePolicy policy(ScenePolicy base) {
            Fusion.Policy f = base.fusion();
            return new ScenePolicy(base.scene(), base.arm(), base.channels(), new Fusion.Policy(weights, quotas, f.defaultWeight(),
                    f.defaultQuota()), base.perChannel(), base.budgets(), base.defaultBudget());
        }

        DailyMixScene.Settings settings(DailyMixScene.Settings base) {
            return new DailyMixScene.Settings(base.size(), familiarShare, base.maxPerArtist());
        }

        DailyChoice withWeight(String channel, double w) {
            Map<String, Double> m = new LinkedHashMap<>(weights);
            m.put(channel, w);
            return new DailyChoice(m, quotas, familiarShare);
        }

        DailyChoice withQuota(String channel, Integer q) {
            Map<String, Integer> m = new LinkedHashMap<>(quotas);
            if (q == null) {
                m.remove(channel);
            } else {
                m.put(channel, q);
            }
            return new DailyChoice(weights, m, familiarShare);
        }

        DailyChoice withFamiliarShare(double share) {
            return new DailyChoice(weights, quotas, share);
        }

        /** As configuration values ({@code melograph.scenes.daily.*}), channels in a fixed order. */
        public Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("weights", pairs(new TreeMap<>(weights)));
            p.put("quotas", pairs(new TreeMap<>(quotas)));
            p.put("familiar-share", number(familiarShare));
            return p;
        }

        private static String pairs(Map<String, ? extends Number> m) {
            List<String> out = new ArrayList<>();
            m.forEach((k, v) -> out.add(k + "=" + number(v.doubleValue())));
            return String.join(",", out);
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "");
        }
    }

    /** One step of the search: what was tried and its validation NDCG@10; whether it was kept. */
    public record Trial(int number, String change, double ndcg10, boolean kept) {}

    /** The report (the test window's two rows), the values, and the search. */
    public record Outcome(EvalReport report, DailyChoice handSet, DailyChoice chosen, double validationHandSet,
                          double validationChosen, List<Trial> trials) {
        public double testHandSet() {
            return ndcg(0);
        }

        public double testChosen() {
            return ndcg(1);
        }

        private double ndcg(int row) {
            return report.results().get(row).metrics().get("ndcg@10");
        }
    }

    private SceneTuner() {}

    /**
     * @param handSet the scenes' configuration without tuned values (application.yml and the environment)
     */
    public static Outcome run(GraphConnection source, Path journalDir, SceneConfig handSet, Options o, int dimensions,
                              Consumer<String> log) {
        long started = System.nanoTime();
        // search on the validation window
        ReplayCut validation = o.cut().validation();
        EventSplit valSplit = split(journalDir, validation, "validation");
        List<HeldOut> valListeners = ReplayEvaluation.sample(valSplit.heldOut(), o.listeners(), o.seed());
        log.accept(String.format("validation (%s): %,d listeners", validation.describe(), valListeners.size()));
        DailyChoice hand;
        DailyChoice best;
        double handScore;
        double bestScore;
        List<Trial> trials = new ArrayList<>();
        try (ReplayWorld world = ReplayWorld.build(source, valSplit.before(), handSet, o.budget(), dimensions, o.seed(), log)) {
            world.memoizeRecall();
            ScenePolicy base = handSet.policy(DailyMixScene.SCENE, world.recall);
            DailyMixScene.Settings settings = handSet.daily();
            ReplayScoring.Songs songs = songs(world, valSplit);
            Evaluator eval = choice -> {
                DailyMixScene daily = world.daily(choice.policy(base), choice.settings(settings), "t" + trials.size());
                List<Served> served = DailyReplay.run(daily, valListeners, o.dailySize());
                return ReplayScoring.score("daily", served, songs, Map.of(), 0).result().metrics().get("ndcg@10");
            };
            hand = DailyChoice.of(base, settings);
            best = search(hand, o.rounds(), eval, trials, log);
            handScore = trials.get(0).ndcg10();
            bestScore = trials.stream().filter(Trial::kept).reduce((a, b) -> b).orElseThrow().ndcg10();
        }
        // both on the test window
        EventSplit testSplit = split(journalDir, o.cut(), "test");
        List<HeldOut> testListeners = ReplayEvaluation.sample(testSplit.heldOut(), o.listeners(), o.seed());
        List<ModelResult> results = new ArrayList<>();
        Map<String, Object> sizes = new LinkedHashMap<>(testSplit.sizes());
        sizes.put("listeners (validation)", valListeners.size());
        sizes.put("listeners (test)", testListeners.size());
        sizes.put("values tried", trials.size());
        try (ReplayWorld world = ReplayWorld.build(source, testSplit.before(), handSet, o.budget(), dimensions, o.seed(), log)) {
            ScenePolicy base = handSet.policy(DailyMixScene.SCENE, world.recall);
            DailyMixScene.Settings settings = handSet.daily();
            ReplayScoring.Songs songs = songs(world, testSplit);
            for (Map.Entry<String, DailyChoice> e : Map.of("daily (hand-set)", hand, "daily (tuned)", best).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                long t = System.nanoTime();
                DailyMixScene daily = world.daily(e.getValue().policy(base), e.getValue().settings(settings), e.getKey().contains("tuned") ? "tuned" : "hand");
                List<Served> served = DailyReplay.run(daily, testListeners, o.dailySize());
                Map<String, Object> params = new LinkedHashMap<>(e.getValue().properties());
                results.add(ReplayScoring.score(e.getKey(), served, songs, params, (System.nanoTime() - t) / 1e9).result());
            }
        }
        EvalReport report = new EvalReport(NAME, "event journal " + journalDir, testSplit.checksum(), sizes,
                "validation: " + validation.describe() + "; test: " + o.cut().describe(), o.seed(), results, Map.of(),
                notes(o, handScore, bestScore), (System.nanoTime() - started) / 1e9);
        return new Outcome(report, hand, best, handScore, bestScore, trials);
    }

    /** Validation NDCG@10 of one set of values. */
    interface Evaluator {
        double ndcg(DailyChoice choice);
    }

    /**
     * Coordinate ascent from {@code start}: each pass tries every move on the best values so far and keeps a change
     * only when it scores higher; stops after {@code rounds} passes or a pass that changed nothing. Every try is added
     * to {@code trials} (the first: the start itself).
     */
    static DailyChoice search(DailyChoice start, int rounds, Evaluator eval, List<Trial> trials, Consumer<String> log) {
        double bestScore = eval.ndcg(start);
        trials.add(new Trial(0, "hand-set values", bestScore, true));
        log.accept(String.format(Locale.ROOT, "hand-set: validation NDCG@10 %.4f", bestScore));
        DailyChoice best = start;
        for (int round = 1; round <= rounds; round++) {
            boolean changed = false;
            for (Move move : moves(best)) {
                Candidate c = move.from(best); // from the best so far: each move changes one value of it
                if (c == null) {
                    continue;
                }
                double score = eval.ndcg(c.choice());
                boolean kept = score > bestScore + 1e-9;
                trials.add(new Trial(trials.size(), c.change(), score, kept));
                if (kept) {
                    best = c.choice();
                    bestScore = score;
                    changed = true;
                    log.accept(String.format(Locale.ROOT, "pass %d: %s → validation NDCG@10 %.4f (kept)", round, c.change(), score));
                }
            }
            if (!changed) {
                break;
            }
        }
        return best;
    }

    private record Candidate(String change, DailyChoice choice) {}

    /** One change of one value, applied to whatever the values are when its turn comes (null: nothing to change). */
    private interface Move {
        Candidate from(DailyChoice current);
    }

    /** The moves of one pass, in a fixed order: the familiar share, then each channel's weight and quota. */
    static List<Move> moves(DailyChoice start) {
        List<Move> out = new ArrayList<>();
        for (double share : FAMILIAR_SHARES) {
            out.add(c -> share == c.familiarShare() ? null : new Candidate("familiar share " + share, c.withFamiliarShare(share)));
        }
        for (String channel : new TreeMap<>(start.weights()).keySet()) {
            for (int i = 0; i < WEIGHT_FACTORS.length; i++) {
                int k = i;
                out.add(c -> {
                    double w = c.weights().get(channel);
                    // a channel switched off comes back at ½ or 1 (×0 would change nothing, ×2 is the same as 1 twice)
                    double next = w == 0 ? (k == 0 ? Double.NaN : k == 1 ? 0.5 : 1) : w * WEIGHT_FACTORS[k];
                    return Double.isNaN(next) ? null : new Candidate(channel + " weight " + DailyChoice.number(w) + " → "
                            + DailyChoice.number(next), c.withWeight(channel, next));
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

    private static EventSplit split(Path journalDir, ReplayCut cut, String window) {
        EventSplit split = EventSplit.of(journalDir, cut);
        if (split.heldOut().isEmpty()) {
            throw new IllegalArgumentException("no listener played anything in the " + window + " window (" + cut.describe()
                    + "): choose a later cut or a longer journal");
        }
        return split;
    }

    private static ReplayScoring.Songs songs(ReplayWorld world, EventSplit split) {
        return new ReplayScoring.Songs(ReplayEvaluation.playsBefore(split.before()), world.catalog.count(ItemType.SONG));
    }

    private static List<String> notes(Options o, double handScore, double bestScore) {
        return List.of(
                String.format(Locale.ROOT, "Search on the validation window (one horizon before the cut): NDCG@10 of held-out plays "
                        + "%.4f with the hand-set values, %.4f with the chosen ones (%+.1f%%). The test rows above are the first time "
                        + "the chosen values meet the test window.", handScore, bestScore, 100 * (bestScore - handScore) / handScore),
                "Coordinate ascent over Daily's familiar share, each channel's fusion weight (×0, ×½, ×2) and quota (10, 30, none), "
                        + "up to " + o.rounds() + " passes; a change is kept only when validation NDCG@10 rises. Channels are asked once "
                        + "per listener on the frozen validation state, so every value is compared on the same candidates.",
                "Both rows run the production Daily code on the state at the cut (catalog, aggregation, embeddings and FTRL "
                        + "from events before it), with every channel's budget raised to " + o.budget().toMillis() + " ms.",
                "Private FM is not tuned: its replay writes each listener's reactions into the replayed journal, so each value "
                        + "tried would need its own state (minutes per try); its hand-set weights stay.");
    }
}
