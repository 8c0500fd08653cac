package io.melograph.eval.fm;

import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.SimUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The crossover design of the FM adaptation experiment: every chosen listener plays one session with the adaptive
 * radio and one with the radio that ignores feedback, the same listener with the same random stream in both (so the
 * same song at the same point gets the same reaction), half of them adaptive first and half baseline first, so the
 * carry-over of the first session into the listener's history (its plays, likes and skips) weighs on both arms
 * alike. The first sessions alone are a clean between-listeners comparison (nothing carried over).
 */
public final class FmAdaptationStudy {
    /** Both sessions of one listener. */
    public record Pair(String userId, boolean adaptiveFirst, FmAdaptationExperiment.Session adaptive,
                       FmAdaptationExperiment.Session baseline) {}

    /** The pairs in candidate order, and how many candidates the service did not know. */
    public record Outcome(List<Pair> pairs, int unknown) {}

    private FmAdaptationStudy() {}

    /**
     * Takes the simulator's listeners in a seeded random order until {@code listeners} of them had both sessions;
     * listeners the radio does not know (no history) are passed over. {@code parallel} listeners play at once.
     */
    public static Outcome run(ListenerSimulator sim, FmAdaptationExperiment experiment, int listeners, int songs, long seed,
                              int parallel, Consumer<String> progress) throws InterruptedException {
        List<String> candidates = candidates(sim, seed);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger unknown = new AtomicInteger();
        List<Pair> pairs = Collections.synchronizedList(new ArrayList<>());
        List<Integer> positions = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, parallel); w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < candidates.size() && done.get() < listeners; i = next.getAndIncrement()) {
                    Optional<Pair> pair = pair(sim, experiment, candidates.get(i), i % 2 == 0, songs, seed);
                    if (pair.isEmpty()) {
                        unknown.incrementAndGet();
                        continue;
                    }
                    synchronized (pairs) {
                        pairs.add(pair.get());
                        positions.add(i);
                    }
                    progress.accept(Math.min(listeners, done.incrementAndGet()) + "/" + listeners + " listeners");
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("the experiment failed: " + e.getCause().getMessage(), e.getCause());
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparing(positions::get));
        // the first known listeners in candidate order, whichever worker finished last (a few more may have played)
        return new Outcome(order.stream().limit(listeners).map(pairs::get).toList(), unknown.get());
    }

    /** The simulator's listeners in the study's seeded order. */
    public static List<String> candidates(ListenerSimulator sim, long seed) {
        List<String> candidates = new ArrayList<>(sim.users().stream().map(SimUser::id).sorted().toList());
        Collections.shuffle(candidates, new java.util.Random(seed));
        return candidates;
    }

    private static Optional<Pair> pair(ListenerSimulator sim, FmAdaptationExperiment experiment, String userId,
                                       boolean adaptiveFirst, int songs, long seed) {
        Optional<FmAdaptationExperiment.Session> first = experiment.session(sim.radioListener(userId, seed), adaptiveFirst, songs);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Optional<FmAdaptationExperiment.Session> second = experiment.session(sim.radioListener(userId, seed), !adaptiveFirst, songs);
        if (second.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(adaptiveFirst ? new Pair(userId, true, first.get(), second.get())
                : new Pair(userId, false, second.get(), first.get()));
    }
}
