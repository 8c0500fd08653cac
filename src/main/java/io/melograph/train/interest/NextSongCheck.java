package io.melograph.train.interest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** How a model scores the songs it knows for a history (song ids, oldest first). */
    public interface Scores {
        /** The model's songs by id. */
        Map<String, Integer> songs();

        /** Writes a score for each of {@link #songs()}' indices into {@code out}. */
        void score(List<String> history, float[] out);
    }

    private record Target(List<String> history, String song, boolean cold) {}

    private final List<Target> targets = new ArrayList<>();
    private final Map<String, Integer> listenersBefore = new HashMap<>();

    /**
     * @param before     per listener, the songs taken to before the cut, oldest first
     * @param after      per listener, the songs taken to from the cut on, oldest first
     * @param maxTargets at most this many listeners are checked (the first ones in {@code before}'s order)
     */
    public NextSongCheck(Map<String, List<String>> before, Map<String, List<String>> after, int maxTargets) {
        for (List<String> songs : before.values()) {
            new HashSet<>(songs).forEach(s -> listenersBefore.merge(s, 1, Integer::sum));
        }
        for (Map.Entry<String, List<String>> e : before.entrySet()) {
            if (targets.size() >= maxTargets) {
                break;
            }
            Set<String> heard = new HashSet<>(e.getValue());
            after.getOrDefault(e.getKey(), List.of()).stream().filter(s -> !heard.contains(s)).findFirst().ifPresent(s ->
                    targets.add(new Target(e.getValue(), s, listenersBefore.getOrDefault(s, 0) < COLD_BELOW)));
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
        model.score(t.history(), scores);
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
        return new Scores() {
            @Override
            public Map<String, Integer> songs() {
                return songs;
            }

            @Override
            public void score(List<String> history, float[] out) {
                songs.forEach((id, i) -> out[i] = listenersBefore.getOrDefault(id, 0));
            }
        };
    }

    /** An interest model over its songs. */
    public static Scores of(InterestModel model, List<String> songIds) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < songIds.size(); i++) {
            index.put(songIds.get(i), i);
        }
        return new Scores() {
            @Override
            public Map<String, Integer> songs() {
                return index;
            }

            @Override
            public void score(List<String> history, float[] out) {
                model.score(model.interests(indices(history, index)), out);
            }
        };
    }

    /** The history's songs the model knows, as its indices, oldest first. */
    public static int[] indices(List<String> history, Map<String, Integer> index) {
        return history.stream().map(index::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
    }
}
