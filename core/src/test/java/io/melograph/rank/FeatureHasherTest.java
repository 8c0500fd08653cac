package io.melograph.rank;

import io.melograph.events.ItemCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureHasherTest {
    private final FeatureHasher hasher = new FeatureHasher(20);

    private static String word(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    /** A cross continued from its prefix lands in the same bucket as the cross hashed whole: weights keep their meaning. */
    @Test
    void aCrossFromItsPrefixIsTheCrossHashedWhole() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) { // odd and even lengths: the prefix may end inside a two-unit block
            String field = "u×" + word(random);
            String a = word(random);
            String b = word(random);
            assertEquals(hasher.index(field, a, b), hasher.index(hasher.prefix(field, a), b), field + "=" + a + "|" + b);
        }
    }

    /** The features of listeners scored in turn (the per-listener prefixes are kept for the last one only) are each their own. */
    @Test
    void listenersScoredInTurnGetTheirOwnFeatures() {
        RankingFeatures features = new RankingFeatures(hasher);
        ItemCatalog.SongFacts song = new ItemCatalog.SongFacts("Song", List.of("ar-1", "ar-2"), List.of("A", "B"), List.of("rock", "pop"));
        ExposureFacts ana = new ExposureFacts("u-ana", "s-1", "daily", 3_600_000L * 7, 2, List.of("kg-tags"), 12, song);
        ExposureFacts ben = new ExposureFacts("u-ben", "s-1", "fm", 3_600_000L * 7, 2, List.of("kg-tags"), 12, song);
        int[] anaAlone = new RankingFeatures(hasher).of(ana);
        int[] benAlone = new RankingFeatures(hasher).of(ben);
        for (int round = 0; round < 3; round++) {
            assertArrayEquals(anaAlone, features.of(ana));
            assertArrayEquals(benAlone, features.of(ben));
        }
        assertEquals(hasher.index("u×artist", "u-ana", "ar-2"), anaAlone[11], "u×artist of the second artist (after bias, song, scene, u×scene, pop, hour, spos, scene×spos, artist 1 and its cross, artist 2), hashed whole");
        assertEquals(hasher.index("scene×channel", "fm", "kg-tags"), benAlone[benAlone.length - 1]);
    }
}
