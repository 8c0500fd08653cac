package io.melograph.sim;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopularityPriorTest {

    static Path hetrec() {
        return Path.of(System.getProperty("melograph.shared", "../shared")).resolve("datasets/hetrec2011-lastfm-2k");
    }

    /** The real dataset, where it is (profile shared-datasets). */
    @Test
    @Tag("shared-datasets")
    void theBuiltInConstantsAreTheFitOnTheRealHetrecData() throws IOException {
        PopularityPrior fitted = PopularityPrior.fromHetrec(hetrec());
        PopularityPrior defaults = PopularityPrior.defaults();
        assertEquals(defaults.exponent(), fitted.exponent(), 5e-4);
        assertEquals(defaults.hetrecLongTailShare().getAsDouble(), fitted.hetrecLongTailShare().getAsDouble(), 5e-4);
        assertTrue(fitted.source().contains("17632 artists"), fitted.source());
    }

    @Test
    void theFitRecoversAKnownExponent(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("userID\tartistID\tweight\n");
        for (int r = 1; r <= 500; r++) { // two users share each artist's plays
            long plays = Math.round(1e8 * Math.pow(r, -1.3));
            b.append(1).append('\t').append(1000 + r).append('\t').append(plays / 2).append('\n');
            b.append(2).append('\t').append(1000 + r).append('\t').append(plays - plays / 2).append('\n');
        }
        Files.writeString(dir.resolve("user_artists.dat"), b);
        PopularityPrior p = PopularityPrior.fromHetrec(dir);
        assertEquals(1.3, p.exponent(), 1e-3);
        long[] fiveHundred = new long[500];
        java.util.Arrays.fill(fiveHundred, 3);
        assertEquals(100, PopularityPrior.fitRanks(fiveHundred), "the fit uses the head: 20 % of 500 artists");
        assertTrue(p.hetrecLongTailShare().isPresent());
        assertEquals(Math.pow(10, -1.3), p.weight(10), 1e-3);
    }

    @Test
    void aBrokenFileIsReported(@TempDir Path dir) throws IOException {
        assertThrows(IOException.class, () -> PopularityPrior.fromHetrec(dir));
        Files.writeString(dir.resolve("user_artists.dat"), "userID\tartistID\tweight\n2\t51\tmany\n");
        IOException e = assertThrows(IOException.class, () -> PopularityPrior.fromHetrec(dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void longTailShareAndFitRanks() {
        long[] counts = {0, 50, 10, 10, 10, 10, 5, 5, 0, 0};
        // 7 seen items, head = ceil(1.4) = 2 (50 and 10): tail = 40 of 100
        assertEquals(0.4, PopularityPrior.longTailShare(counts, 0.2), 1e-12);
        assertEquals(2, PopularityPrior.fitRanks(counts));
        long[] many = new long[20_000];
        java.util.Arrays.fill(many, 1);
        assertEquals(PopularityPrior.FIT_RANKS, PopularityPrior.fitRanks(many));
        assertTrue(Double.isNaN(PopularityPrior.longTailShare(new long[3], 0.2)));
        assertTrue(PopularityPrior.of(1.1).hetrecLongTailShare().isEmpty());
    }
}
