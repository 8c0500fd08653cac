package io.melograph.train.interest;

import io.melograph.interest.NowSteps;
import io.melograph.interest.NowModel;
import io.melograph.interest.ListeningHistory;
import io.melograph.interest.InterestModel;
import io.melograph.util.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The held-out check of an interest-model version: for each listener with a history before the cut, the first song
 * they took to after it that they had not taken to before; a model ranks every song it knows (those heard before
 * left out) from the history alone. HitRate@50 and NDCG@10 of that song, and HitRate@50 on the cold ones (songs
 * fewer than {@value #COLD_BELOW} listeners took to before the cut), where the song tower's graph has to help.
 */
public final class NextSongCheck {
    static final int COLD_BELOW = 5;
    static final int HIT_AT = 50;
    static final int NDCG_AT = 10;

    /**
     * How a model scores the songs it knows: its songs by id, and what writes a score for each of their indices into an
     * array, from what came before the target.
     */
    public record Scores(Map<String, Integer> songs, BiConsumer<Target, float[]> scorer) {
        void score(Target target, float[] out) {
            scorer.accept(target, out);
        }
    }

    /** One listener's check: their songs before the cut, the song to find and when they took to it. */
    public record Target(String listener, List<String> history, String song, long ts, boolean cold) {}

    private final List<Target> targets = new ArrayList<>();
    private final Map<String, Integer> listenersBefore = new HashMap<>();

    /**
     * @param before     the songs taken to before the cut
     * @param after      the songs taken to from the cut on
     * @param maxTargets at most this many listeners are checked (the first ones in {@code before}'s order)
     */
    public NextSongCheck(ListeningHistory before, ListeningHistory after, int maxTargets) {
        for (List<String> songs : before.listeners().values()) {
            new HashSet<>(songs).forEach(s -> listenersBefore.merge(s, 1, Integer::sum));
        }
        for (Map.Entry<String, List<String>> e : before.listeners().entrySet()) {
            if (targets.size() >= maxTargets) {
                break;
            }
            Set<String> heard = new HashSet<>(e.getValue());
            List<String> later = after.of(e.getKey());
            for (int k = 0; k < later.size(); k++) {
                String s = later.get(k);
                if (!heard.contains(s)) {
                    targets.add(new Target(e.getKey(), e.getValue(), s, after.timesOf(e.getKey()).get(k),
                            listenersBefore.getOrDefault(s, 0) < COLD_BELOW));
                    break;
                }
            }
        }
    }

    public int size() {
        return targets.size();
    }

    /** The model's {@code hitrate@50}, {@code ndcg@10}, {@code cold.hitrate@50} and the counts checked. */
    public Map<String, Double> check(Scores model) {
        Map<String, Integer> index = model.songs();
        float[] scores = new float[index.size()];
        double hits = 0;
        double ndcg = 0;
        double coldHits = 0;
        int cold = 0;
        for (Target t : targets) {
            int rank = rank(model, index, scores, t);
            boolean hit = rank < HIT_AT;
            hits += hit ? 1 : 0;
            ndcg += rank < NDCG_AT ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
            if (t.cold()) {
                cold++;
                coldHits += hit ? 1 : 0;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int n = Math.max(1, targets.size());
        out.put("hitrate@" + HIT_AT, hits / n);
        out.put("ndcg@" + NDCG_AT, ndcg / n);
        out.put("cold.hitrate@" + HIT_AT, cold == 0 ? Double.NaN : coldHits / cold);
        out.put("listeners.checked", (double) targets.size());
        out.put("listeners.cold", (double) cold);
        return out;
    }

    /** The target's rank among the songs not heard before (0 = first); past every song when the model does not know it. */
    private static int rank(Scores model, Map<String, Integer> index, float[] scores, Target t) {
        Integer target = index.get(t.song());
        if (target == null) {
            return Integer.MAX_VALUE;
        }
        model.score(t, scores);
        for (String s : t.history()) {
            Integer i = index.get(s);
            if (i != null) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
        }
        float mine = scores[target];
        int rank = 0;
        for (int i = 0; i < scores.length; i++) {
            // ties count against the target: a model that scores everything alike ranks nothing
            if (i != target && scores[i] >= mine) {
                rank++;
            }
        }
        return rank;
    }

    /** Songs by how many listeners took to them before the cut: what a model has to beat to be worth serving. */
    public Scores popularity(Map<String, Integer> songs) {
        return new Scores(songs, (target, out) -> songs.forEach((id, i) -> out[i] = listenersBefore.getOrDefault(id, 0)));
    }

    /** An interest model over its songs. */
    public static Scores of(InterestModel model, List<String> songIds) {
        Map<String, Integer> index = Ids.indexOf(songIds);
        return new Scores(index, (t, out) -> model.score(model.interests(indices(t.history(), index)), out));
    }

    /**
     * A short-term model over its songs, from the listener's latest plays before the cut as seen when they took to the
     * target; a listener none of whose plays it knows gets no scores (all alike: nothing found).
     */
    public static Scores of(NowModel model, List<String> songIds, Map<String, List<NowSteps.Step>> plays) {
        Map<String, Integer> index = Ids.indexOf(songIds);
        return new Scores(index, (t, out) -> {
            NowModel.Now now = model.now(plays.getOrDefault(t.listener(), List.of()), t.ts(), s -> index.getOrDefault(s, -1));
            if (now == null) {
                java.util.Arrays.fill(out, 0f);
            } else {
                model.score(now.vector(), out);
            }
        });
    }


    /** The history's songs the model knows, as its indices, oldest first. */
    public static int[] indices(List<String> history, Map<String, Integer> index) {
        return history.stream().map(index::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
    }
}
