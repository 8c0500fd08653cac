package io.melograph.train.graph;

import io.melograph.interest.KnowledgeTriples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class GraphLinksTest {

    /** Items 0-2; entity 3 a tag, 4 a genre, 5 and 6 users 0 and 1. */
    private static KnowledgeTriples graph() {
        return new GraphFixtures(7, 5, 6)
                .add(0, "tagged", 3).add(0, "tagged", 3)       // a repeat counts once
                .add(4, "labels", 1)                           // attribute pointing at the item
                .add(2, "tagged", 3).add(2, "similar", 0)      // item–item: not an attribute
                .add(1, "likedBy", 5)                          // item–user: not an attribute
                .add(5, "friend", 6).add(6, "follows", 5).add(5, "friend", 5)
                .build();
    }

    @Test
    void attributesAreNonItemNonUserNeighboursInEitherDirection() {
        int[][] attributes = GraphLinks.attributesOfItems(graph(), 3);
        assertArrayEquals(new int[][] {{3}, {4}, {3}}, attributes);
        int[][] itemsOf = GraphLinks.transpose(attributes, 7);
        assertArrayEquals(new int[] {0, 2}, itemsOf[3]);
        assertArrayEquals(new int[] {1}, itemsOf[4]);
    }

    @Test
    void usersLinkTheirHeadToTheirTailWithoutSelfLinks() {
        assertArrayEquals(new int[][] {{1}, {0}}, GraphLinks.usersLinkedFrom(graph(), 2));
        assertArrayEquals(new int[][] {{}, {}}, GraphLinks.usersLinkedFrom(KnowledgeTriples.empty(3), 2));
    }
}
