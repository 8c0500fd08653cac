package io.melograph.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadioListenerTest {
    static List<SimSong> catalog;
    static ListenerSimulator sim;
    static String user;

    @BeforeAll
    static void world() {
        catalog = SyntheticCatalog.generate(1_500, 7);
        sim = new ListenerSimulator(catalog, SimConfig.defaults(40, 7, 3), PopularityPrior.defaults());
        user = sim.users().get(5).id();
    }

    private static List<RadioListener.Reaction> hear(RadioListener l, List<SimSong> songs) {
        return songs.stream().map(s -> l.hear(s.id())).toList();
    }

    @Test
    void theSameSeedAndSongsGiveTheSameReactions() {
        List<SimSong> songs = catalog.subList(0, 200);
        assertEquals(hear(sim.radioListener(user, 11), songs), hear(sim.radioListener(user, 11), songs));
        assertNotEquals(hear(sim.radioListener(user, 11), songs), hear(sim.radioListener(user, 12), songs));
        assertEquals(user, sim.radioListener(user, 1).userId());
        assertThrows(IllegalArgumentException.class, () -> sim.radioListener("sim:user:nobody", 1));
    }

    @Test
    void songsMatchingTheTasteAreSkippedLessAndLikedMore() {
        List<SimSong> byMatch = catalog.stream().sorted(Comparator.comparingDouble(s -> -sim.match(user, s.id()))).toList();
        List<RadioListener.Reaction> best = hear(sim.radioListener(user, 1), byMatch.subList(0, 300));
        List<RadioListener.Reaction> worst = hear(sim.radioListener(user, 1), byMatch.subList(byMatch.size() - 300, byMatch.size()));
        assertEquals(sim.match(user, byMatch.get(0).id()), best.get(0).match(), 1e-12, "the simulator's own match");
        double bestSkips = best.stream().filter(RadioListener.Reaction::skipped).count() / 300.0;
        double worstSkips = worst.stream().filter(RadioListener.Reaction::skipped).count() / 300.0;
        assertTrue(bestSkips + 0.2 < worstSkips, "best " + bestSkips + " worst " + worstSkips);
        assertTrue(best.stream().filter(RadioListener.Reaction::liked).count() > worst.stream().filter(RadioListener.Reaction::liked).count());
        for (RadioListener.Reaction r : best) {
            assertTrue(r.skipped() ? r.stoppedAtMs() < r.durationMs() && !r.liked() : r.stoppedAtMs() == r.durationMs() && !r.disliked(), r.toString());
        }
    }

    @Test
    void theListenerIdsAreKnownWithoutBuildingTheWorld() {
        assertEquals(sim.users().stream().map(SimUser::id).toList(), ListenerSimulator.userIds(40));
        assertEquals("sim:user:12345", ListenerSimulator.userIds(12_345).get(12_344));
    }

    @Test
    void aSongIsLikedOnceAndAnUnknownSongIsAStranger() {
        RadioListener l = sim.radioListener(user, 5);
        String song = catalog.stream().max(Comparator.comparingDouble(s -> sim.match(user, s.id()))).orElseThrow().id();
        long likes = 0;
        for (int i = 0; i < 200; i++) {
            likes += l.hear(song).liked() ? 1 : 0;
        }
        assertTrue(likes <= 1, "liked " + likes + " times");
        RadioListener.Reaction stranger = l.hear("not-in-the-catalog");
        assertFalse(stranger.known());
        assertTrue(stranger.skipped());
    }
}
