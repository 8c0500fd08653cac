package io.melograph.scene;

import io.melograph.events.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmSessionTest {
    private final FmSession s = new FmSession("u", 0, 0);

    private void on(Action a, String song, String artist, String... genres) {
        s.feedback(a, song, song, List.of(artist), List.of(artist.toUpperCase()), List.of(genres));
    }

    @Test
    void oneSkipHalvesAnArtistTwoDropIt() {
        on(Action.SKIP, "s1", "a", "rock");
        assertEquals(0.5 * 0.8, s.multiplier(List.of("a"), List.of("rock")), 1e-9);
        on(Action.SKIP, "s2", "a", "pop");
        assertEquals(0, s.multiplier(List.of("a"), List.of()));
        assertEquals(List.of("A"), s.avoiding());
    }

    @Test
    void threeSkipsInAGenreDropTheGenre() {
        on(Action.SKIP, "s1", "a", "metal");
        on(Action.SKIP, "s2", "b", "metal");
        on(Action.SKIP, "s3", "c", "metal");
        assertEquals(0, s.multiplier(List.of("d"), List.of("metal")));
        assertTrue(s.multiplier(List.of("d"), List.of("jazz")) > 0);
    }

    @Test
    void aLikeLiftsTheArtistUndoesItsSkipsAndQueuesAnExploration() {
        on(Action.SKIP, "s1", "a", "rock");
        on(Action.LIKE, "s2", "a", "rock");
        assertEquals(2.0 * 0.8 * 1.3, s.multiplier(List.of("a"), List.of("rock")), 1e-9);
        assertEquals(1, s.toExplore.size());
        assertEquals("s2", s.liked.get(0).id());
    }

    @Test
    void aDislikeDropsTheSongAndItsArtist() {
        on(Action.DISLIKE, "s1", "a");
        assertTrue(s.disliked.contains("s1"));
        assertEquals(0, s.multiplier(List.of("a"), List.of()));
    }
}
