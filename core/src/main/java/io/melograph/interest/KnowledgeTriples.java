package io.melograph.interest;

import java.util.List;

/**
 * Knowledge graph facts {@code (head, relation, tail)} as dense indices. Entities {@code 0..items-1} are the items of
 * the interaction matrix; other entities (tags, writers, albums, users ...) follow. Relation names are kept.
 *
 * @param userOf for each entity, the interaction matrix's user it names (a user's friends, follows ...), or −1;
 *               null when no entity is a user
 */
public record KnowledgeTriples(int entities, List<String> relations, int[] heads, int[] relationOf, int[] tails,
                               int[] userOf) {

    /** Facts about items only: no entity names a user. */
    public KnowledgeTriples(int entities, List<String> relations, int[] heads, int[] relationOf, int[] tails) {
        this(entities, relations, heads, relationOf, tails, null);
    }

    public static KnowledgeTriples empty(int items) {
        return new KnowledgeTriples(items, List.of(), new int[0], new int[0], new int[0]);
    }

    public int size() {
        return heads.length;
    }

    /** The user the entity names, or −1. */
    public int userOf(int entity) {
        return userOf == null || entity >= userOf.length ? -1 : userOf[entity];
    }
}
