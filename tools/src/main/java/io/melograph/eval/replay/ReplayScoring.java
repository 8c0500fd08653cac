package io.melograph.eval.replay;

import io.melograph.eval.ModelResult;
import io.melograph.metric.Coverage;
import io.melograph.metric.HitRate;
import io.melograph.metric.Latency;
import io.melograph.metric.LongTailShare;
import io.melograph.metric.Ndcg;
import io.melograph.metric.Novelty;
import io.melograph.metric.Recall;
import io.melograph.events.SongPopularity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a scene's answers against what the listeners did: HitRate, Recall and NDCG at 10 and 50 of the songs they
 * played, completed and liked; NDCG of the completes with each skipped song counted −1 ("net"); the share of served
 * songs they played that they skipped; catalogue coverage, long-tail share and novelty of the top 50 (popularity
 * counted before the cut); request latency; and each channel's share of the hits (a hit found by several channels is
 * shared among them).
 */
final class ReplayScoring {
    static final int[] CUTOFFS = {10, 50};

    /** A scene's metrics and the share of its hits each channel brought. */
    record Scored(ModelResult result, Map<String, Double> hitsByChannel) {}

    /** Songs as dense ids for the metric classes: the songs played before the cut first, then any other id met. */
    static final class Songs {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<String, Integer> plays;
        private final int catalogSize;

        /** The songs of the world's catalog, with the plays before the split's cut. */
        static Songs of(ReplayWorld world, EventSplit split) {
            return new Songs(ReplayEvaluation.playsBefore(split.before()), world.catalog.count(io.melograph.events.ItemType.SONG));
        }

        /** @param plays plays per song before the cut */
        Songs(Map<String, Integer> plays, int catalogSize) {
            this.plays = plays;
            this.catalogSize = catalogSize;
            new TreeMap<>(plays).keySet().forEach(this::id); // every play counts in novelty's total, in a fixed order
        }

        int id(String song) {
            return ids.computeIfAbsent(song, k -> ids.size());
        }

        Set<Integer> ids(Set<String> songs) {
            return songs.stream().map(this::id).collect(Collectors.toSet());
        }

        int size() {
            return Math.max(catalogSize, ids.size());
        }

        int[] counts() {
            int[] out = new int[size()];
            ids.forEach((song, id) -> out[id] = plays.getOrDefault(song, 0));
            return out;
        }
    }

    private ReplayScoring() {}

    /** One metric of the answers ({@code ndcg@10}, say): what the tuner and the embeddings gate compare. */
    static double metric(String key, String scene, List<Served> cases, Songs songs) {
        return score(scene, cases, songs, Map.of(), 0).result().metrics().get(key);
    }

    static Scored score(String scene, List<Served> cases, Songs songs, Map<String, Object> params, double seconds) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("users", (double) cases.stream().map(Served::userId).distinct().count());
        m.put("answers", (double) cases.size());
        List<int[]> lists = new ArrayList<>();
        List<Set<Integer>> played = new ArrayList<>();
        for (Served s : cases) {
            lists.add(s.items().stream().mapToInt(songs::id).toArray());
            played.add(songs.ids(s.truth().plays()));
        }
        Map<String, Function<Truth, Set<String>>> targets = new LinkedHashMap<>();
        targets.put("", Truth::plays);
        targets.put("complete.", Truth::completes);
        targets.put("like.", Truth::likes);
        double[] ndcg10 = new double[cases.size()];
        for (Map.Entry<String, Function<Truth, Set<String>>> t : targets.entrySet()) {
            for (int k : CUTOFFS) {
                double[] hr = new double[cases.size()];
                double[] rc = new double[cases.size()];
                double[] nd = new double[cases.size()];
                for (int i = 0; i < cases.size(); i++) {
                    Set<Integer> relevant = songs.ids(t.getValue().apply(cases.get(i).truth()));
                    hr[i] = HitRate.at(lists.get(i), relevant, k);
                    rc[i] = Recall.at(lists.get(i), relevant, k);
                    nd[i] = Ndcg.at(lists.get(i), relevant, k);
                }
                m.put(t.getKey() + "hitrate@" + k, mean(hr));
                m.put(t.getKey() + "recall@" + k, mean(rc));
                m.put(t.getKey() + "ndcg@" + k, mean(nd));
                if (t.getKey().isEmpty() && k == 10) {
                    System.arraycopy(nd, 0, ndcg10, 0, nd.length);
                }
            }
        }
        for (int k : CUTOFFS) {
            double[] nd = new double[cases.size()];
            for (int i = 0; i < cases.size(); i++) {
                Truth truth = cases.get(i).truth();
                nd[i] = Ndcg.at(lists.get(i), songs.ids(truth.completes()), songs.ids(truth.skips()), k);
            }
            m.put("net.ndcg@" + k, mean(nd));
        }
        m.put("skipped@50", skippedShare(cases, 50));
        int[] counts = songs.counts();
        m.put("coverage@50", Coverage.of(lists, 50, songs.size()));
        m.put("longtail@50", LongTailShare.of(lists, 50, LongTailShare.longTailItems(counts, SongPopularity.HEAD_SHARE)));
        m.put("novelty@50", Novelty.of(lists, 50, counts));
        long[] nanos = cases.stream().flatMapToLong(s -> java.util.Arrays.stream(s.nanos())).toArray();
        m.put("p50-ms", Latency.percentileMillis(nanos, 0.5));
        m.put("p99-ms", Latency.percentileMillis(nanos, 0.99));
        double[][] curve = new double[50][];
        for (int k = 1; k <= 50; k++) {
            double[] hr = new double[cases.size()];
            for (int i = 0; i < cases.size(); i++) {
                hr[i] = HitRate.at(lists.get(i), played.get(i), k);
            }
            curve[k - 1] = new double[] {k, mean(hr)};
        }
        ModelResult result = new ModelResult(scene, params, m, Map.of("ndcg@10", finite(ndcg10)), Map.of("hitrate@k", curve),
                seconds, "");
        return new Scored(result, hitsByChannel(cases, 50));
    }

    /** Of the top-k songs the listener played or skipped, the share they skipped (pooled over answers). */
    static double skippedShare(List<Served> cases, int k) {
        long reacted = 0;
        long skipped = 0;
        for (Served s : cases) {
            for (String song : s.items().subList(0, Math.min(k, s.items().size()))) {
                boolean skip = s.truth().skips().contains(song);
                if (skip || s.truth().plays().contains(song)) {
                    reacted++;
                    skipped += skip ? 1 : 0;
                }
            }
        }
        return reacted == 0 ? Double.NaN : (double) skipped / reacted;
    }

    /** Each channel's share of the hits (played songs in a top k), a hit split evenly among the channels that found it. */
    static Map<String, Double> hitsByChannel(List<Served> cases, int k) {
        Map<String, Double> credit = new TreeMap<>();
        double hits = 0;
        for (Served s : cases) {
            for (int p = 0; p < Math.min(k, s.items().size()); p++) {
                if (!s.truth().plays().contains(s.items().get(p))) {
                    continue;
                }
                List<String> found = s.channels().get(p).isEmpty() ? List.of("(none)") : s.channels().get(p);
                found.forEach(c -> credit.merge(c, 1.0 / found.size(), Double::sum));
                hits++;
            }
        }
        double total = hits;
        credit.replaceAll((c, v) -> v / total);
        return credit;
    }

    /** Mean over the answers that can be scored (NaN: nothing relevant), NaN when none can. */
    private static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
