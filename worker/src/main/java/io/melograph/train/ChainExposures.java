package io.melograph.train;

import io.melograph.events.Action;
import io.melograph.metric.Auc;
import io.melograph.metric.Gauc;
import io.melograph.metric.LogLoss;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import io.melograph.rank.Head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The labelled exposures of the listening chain, built from events in this one place for the evaluation and for
 * training from the journal: every impression is a click exposure, every play a complete and a like exposure,
 * labelled by whether that behaviour followed on the same song later in the session; each with its time, scene,
 * session position and the listener's behaviour sequences just before it ({@link BehaviourSequences}, which serving
 * feeds the same events).
 */
public final class ChainExposures {
    /** Behaviour → the action that exposes it and the actions that count as it happening later in the session. */
    private static final Map<Head, String[]> BEHAVIOURS = new EnumMap<>(Map.of(
            Head.CLICK, new String[] {"impression", "click", "play"},
            Head.COMPLETE, new String[] {"play", "complete"},
            Head.LIKE, new String[] {"play", "like", "save"}));

    /** Song events as rows: listener and song indices, epoch ms, action and scene (scenes may be null: none known). */
    public record Events(int[] users, int[] items, long[] times, String[] actions, String[] scenes) {
        public int size() {
            return users.length;
        }
    }

    /** Exposures and whether the behaviour followed each. */
    public record Labelled(Exposure[] exposures, boolean[] labels) {
        /**
         * How well {@code p} (one probability per exposure) predicts the labels: {@code auc}, {@code gauc} (grouped by
         * listener), {@code logloss} and the number of {@code exposures}, in that order; empty when there are none.
         */
        public Map<String, Double> judged(double[] p) {
            Map<String, Double> out = new LinkedHashMap<>();
            if (labels.length == 0) {
                return out;
            }
            int[] groups = new int[p.length];
            for (int k = 0; k < p.length; k++) {
                groups[k] = exposures[k].user();
            }
            out.put("auc", Auc.of(p, labels));
            out.put("gauc", Gauc.of(groups, p, labels));
            out.put("logloss", LogLoss.of(p, labels));
            out.put("exposures", (double) p.length);
            return out;
        }
    }

    private ChainExposures() {}

    /**
     * Each impression's and play's behaviour sequences just before it (fed every earlier event of the user, whichever
     * rows are later split off: what had happened by then); null for other rows.
     */
    public static BehaviourSequences.History[] histories(Events d) {
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
     * Each exposing action of {@code head} among {@code rows}, labelled by whether a following action of its session
     * (same item, among the rows) is a success; with its time, scene and session position (plays earlier in its
     * session, from its history: every earlier event of the listener, as serving counts them).
     */
    public static Labelled of(Events d, int[] rows, Head head, BehaviourSequences.History[] histories) {
        String[] behaviour = BEHAVIOURS.get(head);
        Set<String> success = Set.of(Arrays.copyOfRange(behaviour, 1, behaviour.length));
        List<Exposure> pairs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        long gap = BehaviourSequences.SESSION_GAP_MILLIS;
        for (List<Integer> events : byUserInTimeOrder(d, rows)) {
            for (int k = 0; k < events.size(); k++) {
                int r = events.get(k);
                if (!behaviour[0].equals(d.actions()[r])) {
                    continue;
                }
                boolean happened = false;
                for (int m = k + 1; m < events.size(); m++) {
                    int s = events.get(m);
                    if (d.times()[s] - d.times()[events.get(m - 1)] > gap) {
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
                pairs.add(new Exposure(d.users()[r], d.items()[r], d.times()[r], d.scenes() == null ? null : d.scenes()[r],
                        histories[r].position(), histories[r]));
                labels.add(happened);
            }
        }
        boolean[] l = new boolean[labels.size()];
        for (int k = 0; k < l.length; k++) {
            l[k] = labels.get(k);
        }
        return new Labelled(pairs.toArray(Exposure[]::new), l);
    }

    /** The rows of each user, in time order (ties in row order). */
    private static Collection<List<Integer>> byUserInTimeOrder(Events d, int[] rows) {
        Map<Integer, List<Integer>> byUser = new HashMap<>();
        for (int r : rows) {
            byUser.computeIfAbsent(d.users()[r], k -> new ArrayList<>()).add(r);
        }
        for (List<Integer> events : byUser.values()) {
            events.sort(Comparator.<Integer>comparingLong(r -> d.times()[r]).thenComparingInt(r -> r));
        }
        return byUser.values();
    }
}
