package io.melograph.scene;

import io.melograph.events.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmSessionTest {
    private final FmSession s = new FmSession("u", 0, 0);

    /** The session's weight of a candidate whose ranker score is 1 (so only what the session learned counts). */
    private double w(List<String> artists, List<String> genres) {
        return s.taste.weigh(1.0, artists, genres);
    }

    private void on(Action a, String song, String artist, String... genres) {
        s.feedback(a, song, song, List.of(artist), List.of(artist.toUpperCase()), List.of(genres));
    }

    @Test
    void oneSkipLowersAnArtistTwoDropIt() {
        on(Action.SKIP, "s1", "a", "rock");
        double afterOne = w(List.of("a"), List.of("rock"));
        assertTrue(afterOne < 0.85 && afterOne > 0, "one skip lowers the artist: " + afterOne);
        assertTrue(w(List.of("b"), List.of("rock")) < 1, "and a little its genre");
        assertEquals(1.0, w(List.of("b"), List.of("jazz")), 1e-9, "others untouched");
        on(Action.SKIP, "s2", "a", "pop");
        assertEquals(0, w(List.of("a"), List.of()));
        assertEquals(List.of("A"), s.taste.avoiding());
        // when no song weighs above 0, the radio still orders them: the dropped artist last whatever the ranker says,
        // and songs the ranker scored 0 by what the session learned
        on(Action.COMPLETE, "s3", "c", "pop");
        double dropped = s.taste.leastBad(1.0, List.of("a"), List.of());
        double untried = s.taste.leastBad(0, List.of("b"), List.of());
        double completed = s.taste.leastBad(0, List.of("c"), List.of());
        assertTrue(dropped > 0 && dropped < untried && untried < completed, dropped + " < " + untried + " < " + completed);
    }

    @Test
    void threeSkipsInAGenreDropTheGenreUnlessTheSessionCompletedOneOfIt() {
        on(Action.SKIP, "s1", "a", "metal");
        on(Action.SKIP, "s2", "b", "metal");
        on(Action.SKIP, "s3", "c", "metal");
        assertEquals(0, w(List.of("d"), List.of("metal")));
        assertTrue(w(List.of("d"), List.of("jazz")) > 0);
        on(Action.COMPLETE, "s4", "e", "metal");
        assertTrue(w(List.of("d"), List.of("metal")) > 0, "a complete brings the genre back");
        assertTrue(s.taste.avoiding().stream().noneMatch("metal"::equals));
    }

    @Test
    void completesLiftArtistAndGenresAndBecomeSeeds() {
        on(Action.COMPLETE, "s1", "a", "folk", "acoustic");
        assertTrue(w(List.of("a"), List.of()) > 1.2);
        assertTrue(w(List.of("z"), List.of("folk")) > 1, "what was learned of the genre carries to other artists");
        assertTrue(s.toExplore);
        assertEquals(FmSession.COMPLETED_BOOST, s.exploreBoost("s1"), 1e-9);
        assertEquals(1.0, s.exploreBoost("s-other"), 1e-9);
    }

    @Test
    void aLikeLiftsMoreThanACompleteUndoesSkipsAndQueuesAnExploration() {
        on(Action.SKIP, "s1", "a", "rock");
        on(Action.COMPLETE, "s2", "a", "rock");
        double completed = w(List.of("a"), List.of("rock"));
        on(Action.LIKE, "s2", "a", "rock");
        assertTrue(w(List.of("a"), List.of("rock")) > Math.max(1, completed), "the like counts on top of the complete and outweighs one skip");
        assertTrue(s.toExplore);
        assertEquals("s2", s.liked.get(0).id());
        assertEquals(FmSession.LIKED_BOOST, s.exploreBoost("s2"), 1e-9);
        on(Action.SKIP, "s3", "a", "rock");
        assertTrue(w(List.of("a"), List.of()) > 0, "skips before the like no longer count towards a drop");
    }

    @Test
    void theRankersOrderIsFlattenedSoThatFeedbackCanOvertakeIt() {
        assertEquals(Math.pow(0.5, SessionTaste.RANKER_SHARE), s.taste.weigh(0.5, List.of("x"), List.of()), 1e-9);
        on(Action.COMPLETE, "s1", "a", "pop");
        on(Action.LIKE, "s1", "a", "pop");
        assertTrue(s.taste.weigh(0.3, List.of("a"), List.of()) > s.taste.weigh(0.75, List.of("b"), List.of()),
                "a liked artist's song at 40 % of the score comes first");
    }

    @Test
    void aDislikeDropsTheSongAndItsArtist() {
        on(Action.DISLIKE, "s1", "a");
        assertTrue(s.disliked.contains("s1"));
        assertEquals(0, w(List.of("a"), List.of()));
    }

    @Test
    void theSessionsSayGrowsSlowerWithEachLikeAndIsBounded() {
        for (int i = 0; i < 50; i++) {
            on(Action.LIKE, "s" + i, "a", "rock");
        }
        double w = w(List.of("a"), List.of("rock"));
        assertTrue(w > 4 && w <= Math.exp(SessionTaste.MAX_LOGIT) + 1e-9, "grows ever more slowly, and bounded: " + w);
        assertEquals(FmSession.EXPLORE_SEEDS, s.explorationSeeds().size());
        assertEquals("s49", s.explorationSeeds().get(FmSession.EXPLORE_SEEDS - 1).id(), "the newest seeds");
    }
}
