package io.melograph.interest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the song tower attends over: one- and two-hop entities with their relation paths, never users or songs. */
class SongNeighbourhoodTest {
    // songs 0..2; 3 artist, 4 genre, 5 tag "rock", 6 tag "live", 7 a user, 8 album
    private static final List<String> RELATIONS = List.of("by", "genre", "tagged", "follows", "similar", "on");

    private static KnowledgeTriples graph() {
        List<int[]> t = new ArrayList<>();
        t.add(new int[] {0, 0, 3});   // song 0 by artist
        t.add(new int[] {3, 1, 4});   // artist's genre
        t.add(new int[] {0, 2, 6});   // song 0 tagged live once
        t.add(new int[] {0, 2, 5});   // ... and rock three times (three listeners' tags)
        t.add(new int[] {0, 2, 5});
        t.add(new int[] {0, 2, 5});
        t.add(new int[] {7, 3, 3});   // a user follows the artist: users are never a song's neighbours
        t.add(new int[] {0, 4, 1});   // song 0 similar to song 1: songs neither
        t.add(new int[] {8, 5, 0});   // album contains song 0, pointing at the song: walked backwards
        t.add(new int[] {2, 0, 3});   // song 2 by the same artist
        int[] userOf = {-1, -1, -1, -1, -1, -1, -1, 0, -1};
        return new KnowledgeTriples(9, RELATIONS, t.stream().mapToInt(x -> x[0]).toArray(),
                t.stream().mapToInt(x -> x[1]).toArray(), t.stream().mapToInt(x -> x[2]).toArray(), userOf);
    }

    private static List<String> row(SongNeighbourhood n, int song) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n.count(song); k++) {
            out.add(n.relations().get(n.relation(song, k)) + ":" + n.entity(song, k));
        }
        return out;
    }

    @Test
    void oneHopMostNamedFirstThenTwoHopsWithTheirPaths() {
        SongNeighbourhood n = SongNeighbourhood.of(graph(), 3, 16);
        // rock was named three times; the album points at the song, so it is reached backwards; then two hops
        assertEquals(List.of("tagged:5", "by:3", "tagged:6", "~on:8", "by>genre:4"), row(n, 0));
        assertEquals(List.of("by:3", "by>genre:4"), row(n, 2));
        assertEquals(List.of(), row(n, 1), "song 1 has only a song next to it");
        assertEquals(Map.of("by", 2, "by>genre", 2, "tagged", 1, "~on", 1), n.coverage());
        assertEquals(9, n.entities());
    }

    @Test
    void theWidthCutsOneHopBeforeTwo() {
        SongNeighbourhood n = SongNeighbourhood.of(graph(), 3, 2);
        assertEquals(List.of("tagged:5", "by:3"), row(n, 0));
        assertTrue(SongNeighbourhood.none(3).empty());
        assertFalse(n.empty());
    }

    @Test
    void aHubsFirstFactsAreWhatASongCanKeep() {
        // song 0 has genre 1 (entity 1), which 500 artists (2..501) also have; width 4
        CatalogFacts facts = new CatalogFacts().songFact("song:0", "genre", "genre:1");
        for (int a = 0; a < 500; a++) {
            facts.entityFact(String.format("artist:%03d", a), "genre", "genre:1");
        }
        SongNeighbourhood n = SongNeighbourhood.of(facts, 4);
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < n.count(0); k++) {
            kept.add(n.relations().get(n.relation(0, k)) + " " + n.entityIds().get(n.entity(0, k)));
        }
        assertEquals(List.of("genre genre:1", "genre>~genre artist:000", "genre>~genre artist:001", "genre>~genre artist:002"), kept,
                "the genre, then the first of its artists in the facts' order");
    }
}
