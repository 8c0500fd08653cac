package io.melograph.eval;

import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.util.IntList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Interactions read from files, with string ids mapped to dense indices: users {@code 0..U-1}, items {@code 0..I-1};
 * optional timestamps, behaviour (action) and scene per interaction, and an optional knowledge graph over the items.
 *
 * @param checksum SHA-256 over the input files, so a report says exactly what it was computed on
 */
public record Dataset(String name, String checksum, List<String> userIds, List<String> itemIds,
                      int[] users, int[] items, float[] weights, long[] times, String[] actions,
                      KnowledgeTriples graph, List<String> entityIds, String[] scenes) {

    /** Without scenes (data that does not say where an interaction happened). */
    public Dataset(String name, String checksum, List<String> userIds, List<String> itemIds, int[] users, int[] items,
                   float[] weights, long[] times, String[] actions, KnowledgeTriples graph, List<String> entityIds) {
        this(name, checksum, userIds, itemIds, users, items, weights, times, actions, graph, entityIds, null);
    }

    public static final long NO_TIME = Long.MIN_VALUE;

    public int size() {
        return users.length;
    }

    public boolean timed() {
        for (long t : times) {
            if (t != NO_TIME) {
                return true;
            }
        }
        return false;
    }

    /** The matrix of the given interaction rows (all rows when {@code rows} is null), added in time order. */
    public InteractionMatrix matrix(int[] rows) {
        InteractionMatrix.Builder b = new InteractionMatrix.Builder(userIds.size(), itemIds.size());
        int[] ordered = rows == null ? IntStream.range(0, users.length).toArray() : rows;
        ordered = Arrays.stream(ordered).boxed()
                .sorted(Comparator.<Integer>comparingLong(r -> times[r]).thenComparingInt(r -> r))
                .mapToInt(Integer::intValue).toArray();
        for (int r : ordered) {
            b.add(users[r], items[r], weights[r]);
        }
        return b.build();
    }

    /** Builds a dataset from rows of string ids, assigning indices in order of first appearance. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Integer> items = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final IntList u = new IntList();
        private final IntList i = new IntList();
        private final List<Float> w = new ArrayList<>();
        private final List<Long> t = new ArrayList<>();
        private final List<String> a = new ArrayList<>();
        private final List<String> sc = new ArrayList<>();
        private final List<String[]> triples = new ArrayList<>();
        private boolean anyAction;
        private boolean anyScene;

        public Builder(String name) {
            this.name = name;
        }

        public Builder interaction(String user, String item, float weight, long time, String action) {
            return interaction(user, item, weight, time, action, null);
        }

        /** As above, with the scene the interaction happened in (null when unknown). */
        public Builder interaction(String user, String item, float weight, long time, String action, String scene) {
            sc.add(scene);
            anyScene |= scene != null;
            u.add(users.computeIfAbsent(user, k -> { userIds.add(k); return userIds.size() - 1; }));
            i.add(items.computeIfAbsent(item, k -> { itemIds.add(k); return itemIds.size() - 1; }));
            w.add(weight);
            t.add(time);
            a.add(action);
            anyAction |= action != null;
            return this;
        }

        public Builder triple(String head, String relation, String tail) {
            triples.add(new String[] {head, relation, tail});
            return this;
        }

        public Dataset build(String checksum) {
            // items are entities 0..I-1; other heads and tails follow in order of appearance
            Map<String, Integer> entities = new HashMap<>(items);
            List<String> entityIds = new ArrayList<>(itemIds);
            Map<String, Integer> relations = new HashMap<>();
            List<String> relationNames = new ArrayList<>();
            int[] heads = new int[triples.size()];
            int[] rels = new int[triples.size()];
            int[] tails = new int[triples.size()];
            for (int k = 0; k < triples.size(); k++) {
                String[] tr = triples.get(k);
                heads[k] = entities.computeIfAbsent(tr[0], x -> { entityIds.add(x); return entityIds.size() - 1; });
                rels[k] = relations.computeIfAbsent(tr[1], x -> { relationNames.add(x); return relationNames.size() - 1; });
                tails[k] = entities.computeIfAbsent(tr[2], x -> { entityIds.add(x); return entityIds.size() - 1; });
            }
            float[] weights = new float[w.size()];
            long[] times = new long[t.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = w.get(k);
                times[k] = t.get(k);
            }
            // an entity with a user's id (user –friend→ user) is that user, so social scorers can find them
            int[] userOf = new int[entityIds.size()];
            for (int e = 0; e < userOf.length; e++) {
                userOf[e] = e < itemIds.size() ? -1 : users.getOrDefault(entityIds.get(e), -1);
            }
            return new Dataset(name, checksum, List.copyOf(userIds), List.copyOf(itemIds), u.toArray(), i.toArray(),
                    weights, times, anyAction ? a.toArray(String[]::new) : null,
                    new KnowledgeTriples(entityIds.size(), List.copyOf(relationNames), heads, rels, tails, userOf),
                    List.copyOf(entityIds), anyScene ? sc.toArray(String[]::new) : null);
        }
    }
}
