package io.melograph.scene;

import io.melograph.events.ListenerState;
import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;
import io.melograph.util.TaggedCounters;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Two-stage ranking: the first stage (FTRL) scores every candidate, then the promoted deep ranker ({@link DeepRanking})
 * re-orders the first stage's top {@code top} by its own heads, combined by the scene's {@link HeadWeights} as FTRL's are
 * and times the fused recall score (as {@link OnlineRanker} does), within a time budget. The top keep the first
 * stage's scores, handed out in the deep ranker's order, so the rest of the list and the scenes' rules see the same
 * scale. When no version is promoted, the deep ranker is busy (every scoring thread taken), over its budget or
 * failing, or the listener's A/B arm of the scene ranks without it, the first stage's ranking stands and the answer
 * says why; {@value #OUTCOMES} counts per scene how each request went, so how often listeners got the deep order shows
 * on {@code /prometheus}.
 */
public final class DeepReranker implements CandidateRanker {
    /** Counter of deep re-ranking requests, tagged by scene and outcome: ranked, busy, over-budget, failed, stopped, interrupted. */
    public static final String OUTCOMES = "melograph.rank.deep.requests";

    /** How many of the first stage's best are re-ranked, and how long a request waits for them. */
    public record Settings(int top, Duration budget, int threads) {
        /** The top re-ranked by default: within the scoring budget for DIN on this machine (docs/benchmarks.md). */
        public static final int TOP = 100;

        public Settings {
            if (top < 1 || threads < 1 || budget.isNegative()) {
                throw new IllegalArgumentException("deep re-ranking needs top ≥ 1, threads ≥ 1 and a budget ≥ 0: " + this);
            }
        }
    }

    private final CandidateRanker first;
    private final DeepRanking deep;
    private final Function<String, List<ListenerState.Recent>> recent;
    private final Function<String, SceneArms<Boolean>> deepArms;
    private final Settings settings;
    private final ExecutorService scoring;
    private final Semaphore slots;
    private final TaggedCounters outcomes;

    /**
     * @param recent   a listener's latest events, newest first (empty for one without)
     * @param deepArms per scene, whether a listener's A/B arm lets the deep ranker re-rank ({@link SceneConfig#deepRanking})
     * @param meters   where {@value #OUTCOMES} counts
     */
    public DeepReranker(CandidateRanker first, DeepRanking deep, Function<String, List<ListenerState.Recent>> recent,
                        Function<String, SceneArms<Boolean>> deepArms, Settings settings, MeterRegistry meters) {
        this.first = first;
        this.deep = deep;
        this.recent = recent;
        this.deepArms = deepArms;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.scoring = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "deep-ranker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // a request that finds every thread scoring falls back at once rather than wait behind others
        this.slots = new Semaphore(settings.threads());
        this.outcomes = new TaggedCounters(meters, OUTCOMES, "Deep re-ranking requests by scene and outcome (ranked, or why the "
                + "first stage's order stood)", "scene", "outcome");
    }

    @Override
    public Ranking rank(String userId, String scene, HeadWeights heads, int sessionPosition, long nowMillis,
                        List<Fusion.Fused> candidates) {
        Ranking stage = first.rank(userId, scene, heads, sessionPosition, nowMillis, candidates);
        Optional<DeepRanking.Served> served = deep.served();
        if (served.isEmpty() || candidates.isEmpty()) {
            return stage;
        }
        SceneArms<Boolean> arms = deepArms.apply(scene);
        if (!arms.of(userId)) {
            return new Ranking(stage.scores(), stage.by() + " (A/B arm " + arms.armOf(userId) + ": " + stage.by() + " only)");
        }
        DeepRanking.Served model = served.get();
        double[] s = stage.scores();
        Integer[] order = new Integer[s.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -s[k]).thenComparingInt(k -> k));
        int n = Math.min(settings.top(), order.length);
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ids.add(candidates.get(order[k]).itemId());
        }
        Scored scored = score(model, userId, scene, nowMillis, ids);
        outcomes.increment(scene, scored.outcome());
        if (scored.heads() == null) {
            return new Ranking(s, stage.by() + " (" + model.label() + " " + scored.whyNot() + ")");
        }
        double[] deepScore = new double[n];
        double[] p = new double[scored.heads().length];
        for (int k = 0; k < n; k++) {
            for (int h = 0; h < p.length; h++) {
                p[h] = scored.heads()[h][k];
            }
            deepScore[k] = candidates.get(order[k]).score() * (OnlineRanker.FLOOR + heads.combine(p));
        }
        Integer[] reordered = new Integer[n];
        Arrays.setAll(reordered, k -> k);
        Arrays.sort(reordered, Comparator.comparingDouble((Integer k) -> -deepScore[k]).thenComparingInt(k -> k));
        double[] out = s.clone();
        for (int k = 0; k < n; k++) {
            out[order[reordered[k]]] = s[order[k]]; // the k-th best first-stage score goes to the deep ranker's k-th
        }
        return new Ranking(out, String.format(Locale.ROOT, "%s over %s (top %d of %d)", model.label(), stage.by(), n, s.length));
    }

    /** The deep heads of the songs ({@code [head][song]}), or why there are none, and the outcome's counter tag. */
    private record Scored(double[][] heads, String whyNot, String outcome) {}

    /** Scores on a scoring thread, waiting at most the budget; a free thread or nothing (no queue). */
    private Scored score(DeepRanking.Served model, String userId, String scene, long nowMillis, List<String> ids) {
        if (!slots.tryAcquire()) {
            return new Scored(null, "busy", "busy");
        }
        Future<double[][]> job;
        try {
            job = scoring.submit(() -> {
                try {
                    return model.heads(userId, scene, nowMillis, ids, recent.apply(userId));
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release(); // shut down: the task never ran
            return new Scored(null, "stopped", "stopped");
        }
        try {
            return new Scored(job.get(settings.budget().toMillis(), TimeUnit.MILLISECONDS), null, "ranked");
        } catch (TimeoutException e) {
            job.cancel(false); // a native scoring call is not interruptible; the answer goes on without it
            return new Scored(null, "over its " + settings.budget().toMillis() + " ms budget", "over-budget");
        } catch (ExecutionException e) {
            return new Scored(null, "failed: " + e.getCause(), "failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Scored(null, "interrupted", "interrupted");
        }
    }

    @Override
    public void served(String userId, String scene, long nowMillis, List<Fusion.Fused> shown) {
        first.served(userId, scene, nowMillis, shown);
    }

    /** Stops the scoring threads (the service's shutdown). */
    public void close() {
        scoring.shutdownNow();
    }
}
