package io.melograph.eval.fm;

import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimSong;
import io.melograph.sim.SyntheticCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmReplayTest {
    private final List<SimSong> catalog = SyntheticCatalog.generate(300, 5);
    private final ListenerSimulator sim = new ListenerSimulator(catalog, SimConfig.defaults(12, 7, 5), PopularityPrior.defaults());

    /** Each listener's pool: 80 songs of the catalog, scored by an arbitrary order unrelated to their taste. */
    private List<FmReplay.Pool> pools() {
        List<FmReplay.Pool> pools = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            List<FmReplay.Song> songs = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                SimSong s = catalog.get((u * 17 + i * 3) % catalog.size());
                songs.add(new FmReplay.Song(s.id(), 1.0 / (1 + (i * 7 % 80)), s.artists(), s.genres()));
            }
            pools.add(new FmReplay.Pool(sim.users().get(u).id(), songs));
        }
        return pools;
    }

    @Test
    void everyChooserPlaysEverySessionAndTheOracleTakesThePoolsBestMatches() {
        List<FmReplay.Result> r = FmReplay.run(sim, pools(), 20, new long[] {1, 2});
        assertEquals(List.of(FmReplay.RANKER, FmReplay.SESSION, FmReplay.ORACLE), r.stream().map(FmReplay.Result::chooser).toList());
        r.forEach(x -> assertEquals(10 * 2 * 20, x.songs()));
        double oracle = r.get(2).meanMatch();
        assertTrue(oracle > r.get(0).meanMatch() && oracle > r.get(1).meanMatch(),
                "20 best matches of each pool beat any other 20: " + r);
        assertEquals(5, r.get(0).blockSkipRates().length);
    }

    @Test
    void sameStreamsSameNumbers() {
        List<FmReplay.Result> a = FmReplay.run(sim, pools(), 12, new long[] {3});
        List<FmReplay.Result> b = FmReplay.run(sim, pools(), 12, new long[] {3});
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).skips(), b.get(i).skips());
            assertEquals(a.get(i).meanMatch(), b.get(i).meanMatch(), 1e-12);
            assertArrayEquals(a.get(i).blockSkipRates(), b.get(i).blockSkipRates(), 1e-12);
        }
    }
}
