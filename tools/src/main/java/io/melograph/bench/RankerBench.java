package io.melograph.bench;

import io.melograph.events.Action;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import io.melograph.rank.Head;
import io.melograph.rank.ItemSideInfo;
import io.melograph.rank.MultiTaskRanker;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a deep ranker costs to score one request in this process: a listener with full behaviour sequences (30 plays,
 * completes, skips and likes over several sessions) and {@code candidates} songs to rank, scored in one batched call
 * (for a multi-task model, every head in that call). The model has the service's settings and the size of a real
 * one (a catalog of {@code songs}, {@code users} listeners, the 2^20 hashed wide features), fitted for one epoch on
 * seeded synthetic exposures: the scores mean nothing, the time is what serving would pay.
 */
public final class RankerBench {
    private static final int SESSIONS = 4;

    public record Report(String model, int songs, int users, int candidates, double fitSeconds, VectorBench.Latency score) {
        public String markdown() {
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %,d | %.2f | %.2f | %.2f |", model, songs, users,
                    candidates, fitSeconds, score.n(), score.p50(), score.p99(), score.mean());
        }

        public static String header() {
            return "| model | songs | listeners | candidates | fit s (1 epoch) | requests | p50 ms | p99 ms | mean ms |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
        }
    }

    private RankerBench() {}

    /** @param warmup requests scored first and not measured */
    public static Report run(String model, int songs, int users, int candidates, int warmup, int requests, int examples, long seed) {
        if (warmup < 0) {
            throw new IllegalArgumentException("the warm-up must not be negative, was " + warmup + " requests");
        }
        SplittableRandom r = new SplittableRandom(seed);
        ItemSideInfo side = catalog(songs, r);
        List<String> userIds = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            userIds.add("user:" + u);
        }
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        DnnRanker ranker = RankerModels.create(model, new DnnRanker.Settings(d.dim(), d.context(), d.hidden(), 1, d.learningRate(),
                d.batch(), 0, d.l2()));
        Exposure[] train = new Exposure[examples];
        boolean[] labels = new boolean[examples];
        for (int k = 0; k < examples; k++) {
            train[k] = exposure(r.nextInt(users), r.nextInt(songs), history(songs, r), k);
            labels[k] = r.nextInt(3) == 0;
        }
        long started = System.nanoTime();
        BehaviourData data = new BehaviourData(userIds, side, train, labels);
        if (ranker instanceof MultiTaskRanker joint) {
            joint.fit(Map.of(Head.CLICK, data, Head.COMPLETE, data, Head.LIKE, data), seed);
        } else {
            ranker.fit(data, seed);
        }
        double fitSeconds = (System.nanoTime() - started) / 1e9;
        long[] nanos = new long[requests];
        for (int q = -warmup; q < requests; q++) {
            int user = r.nextInt(users);
            BehaviourSequences.History h = history(songs, r);
            Exposure[] request = new Exposure[candidates];
            for (int c = 0; c < candidates; c++) {
                request[c] = exposure(user, r.nextInt(songs), h, examples + q);
            }
            long t0 = System.nanoTime();
            if (ranker instanceof MultiTaskRanker joint) {
                joint.allHeads(request);
            } else {
                ranker.probabilities(request);
            }
            if (q >= 0) {
                nanos[q] = System.nanoTime() - t0;
            }
        }
        return new Report(model, songs, users, candidates, fitSeconds, VectorBench.Latency.of(nanos));
    }

    private static Exposure exposure(int user, int song, BehaviourSequences.History h, long k) {
        return new Exposure(user, song, 1_704_067_200_000L + k * 60_000L, "daily", (int) (k % 10), h);
    }

    /** A catalog shaped like the sample's: about 8 songs an artist, one or two of 40 genres. */
    private static ItemSideInfo catalog(int songs, SplittableRandom r) {
        List<String> ids = new ArrayList<>(songs);
        List<List<String>> artists = new ArrayList<>(songs);
        List<List<String>> genres = new ArrayList<>(songs);
        long[] plays = new long[songs];
        for (int i = 0; i < songs; i++) {
            ids.add("song:" + i);
            artists.add(List.of("artist:" + i / 8));
            genres.add(r.nextBoolean() ? List.of("genre:" + i % 40) : List.of("genre:" + i % 40, "genre:" + (i / 40) % 40));
            plays[i] = r.nextInt(1_000);
        }
        return new ItemSideInfo(ids, artists, genres, plays);
    }

    /** Full sequences: 30 events of each kind over {@value #SESSIONS} sessions, an hour apart. */
    private static BehaviourSequences.History history(int songs, SplittableRandom r) {
        BehaviourSequences s = new BehaviourSequences();
        Action[] kinds = {Action.PLAY, Action.COMPLETE, Action.SKIP, Action.LIKE};
        long ts = 0;
        for (int e = 0; e < BehaviourSequences.LENGTH * kinds.length; e++) {
            ts += e % (BehaviourSequences.LENGTH * kinds.length / SESSIONS) == 0 ? 3_600_000L : 1_000L;
            s.add(r.nextInt(songs), kinds[e % kinds.length], ts);
        }
        return s.at(ts + 1_000L);
    }
}
