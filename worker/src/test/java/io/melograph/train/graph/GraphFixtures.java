package io.melograph.train.graph;

import io.melograph.interest.KnowledgeTriples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-written knowledge graphs for the graph scorer tests: triples by entity index, users marked. */
final class GraphFixtures {
    private final int entities;
    private final int[] userOf;
    private final List<String> relations = new ArrayList<>();
    private final List<int[]> triples = new ArrayList<>();

    /** Entities {@code 0..entities-1}; {@code users[k]} is the entity that names user k. */
    GraphFixtures(int entities, int... userEntities) {
        this.entities = entities;
        this.userOf = new int[entities];
        Arrays.fill(userOf, -1);
        for (int u = 0; u < userEntities.length; u++) {
            userOf[userEntities[u]] = u;
        }
    }

    GraphFixtures add(int head, String relation, int tail) {
        if (!relations.contains(relation)) {
            relations.add(relation);
        }
        triples.add(new int[] {head, relations.indexOf(relation), tail});
        return this;
    }

    KnowledgeTriples build() {
        int n = triples.size();
        int[] h = new int[n];
        int[] r = new int[n];
        int[] t = new int[n];
        for (int k = 0; k < n; k++) {
            h[k] = triples.get(k)[0];
            r[k] = triples.get(k)[1];
            t[k] = triples.get(k)[2];
        }
        return new KnowledgeTriples(entities, List.copyOf(relations), h, r, t, userOf);
    }
}
