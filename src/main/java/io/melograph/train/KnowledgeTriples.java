package io.melograph.train;

import java.util.List;

/**
 * Item-side knowledge graph facts {@code (head, relation, tail)} as dense indices. Entities {@code 0..items-1} are the
 * items of the interaction matrix; other entities (tags, writers, albums ...) follow. Relation names are kept.
 */
public record KnowledgeTriples(int entities, List<String> relations, int[] heads, int[] relationOf, int[] tails) {

    public static KnowledgeTriples empty(int items) {
        return new KnowledgeTriples(items, List.of(), new int[0], new int[0], new int[0]);
    }

    public int size() {
        return heads.length;
    }
}
