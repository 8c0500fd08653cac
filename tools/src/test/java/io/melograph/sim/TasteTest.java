package io.melograph.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog index and the taste model underneath the simulator. */
class TasteTest {

    static SimSong song(String id, String artist, List<String> genres, List<String> tags) {
        return new SimSong(id, null, List.of(artist), genres, tags, "en", 200, SimSong.UNKNOWN_RELEASE);
    }

    @Test
    void aSongWithoutGenresOrTagsTakesItsArtists() {
        List<SimSong> songs = List.of(
                song("s1", "a", List.of("rock"), List.of("loud")),
                song("s2", "a", List.of("blues"), List.of()),
                song("s3", "a", List.of(), List.of()),
                song("s4", "b", List.of(), List.of()));
        Catalog c = new Catalog(songs, PopularityPrior.defaults(), new SplittableRandom(1));
        int s3 = c.indexById.get("s3");
        assertEquals(List.of("blues", "rock"), Arrays.stream(c.songGenres[s3]).mapToObj(g -> c.genreNames[g]).toList());
        assertEquals(List.of("loud"), Arrays.stream(c.songTags[s3]).mapToObj(t -> c.tagNames[t]).toList());
        assertEquals(0, c.songGenres[c.indexById.get("s4")].length, "an artist without genres has none to give");
        assertEquals(List.of("loud"), Arrays.stream(c.songTags[c.indexById.get("s2")]).mapToObj(t -> c.tagNames[t]).toList(),
                "own genres but no tags: the tags come from the artist");
        int[] ranks = c.popularityRank.clone();
        Arrays.sort(ranks);
        assertArrayEquals(new int[] {1, 2, 3, 4}, ranks);
        for (int s = 0; s < c.size(); s++) {
            assertEquals(Math.pow(c.popularityRank[s], -PopularityPrior.defaults().exponent()), c.prior[s], 1e-12);
        }
    }

    @Test
    void tastesAreAHandfulOfFavouritesAndMatchFavouritesBest() {
        List<SimSong> catalog = SyntheticCatalog.generate(800, 3);
        Catalog c = new Catalog(catalog, PopularityPrior.defaults(), new SplittableRandom(2));
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 20; k++) {
            Taste t = Taste.draw(c, r);
            assertTrue(t.genres.length >= 2 && t.genres.length <= 4, "genres " + t.genres.length);
            assertTrue(t.artists.length >= 1 && t.artists.length <= 6, "artists " + t.artists.length);
            assertTrue(t.tags.length <= 5);
            assertEquals(1.0, Arrays.stream(t.genreW).max().orElseThrow(), 1e-12);
            double best = 0;
            double worst = 1;
            for (int s = 0; s < c.size(); s++) {
                double m = t.match(c, s);
                assertTrue(m >= 0 && m <= 1);
                best = Math.max(best, m);
                worst = Math.min(worst, m);
            }
            assertTrue(best > 0.6 && worst < 0.1, "best " + best + ", worst " + worst);
            // the taste channel finds songs that match far better than the catalog on average
            double sampled = 0;
            double any = 0;
            for (int i = 0; i < 200; i++) {
                sampled += t.match(c, t.sampleSong(c, r, Long.MAX_VALUE));
                any += t.match(c, c.all.sample(r));
            }
            assertTrue(sampled > any * 1.5, "taste " + sampled / 200 + " vs popular " + any / 200);
        }
    }

    @Test
    void tasteDriftsTowardsWhatWasLiked() {
        List<SimSong> catalog = SyntheticCatalog.generate(800, 3);
        Catalog c = new Catalog(catalog, PopularityPrior.defaults(), new SplittableRandom(2));
        SplittableRandom r = new SplittableRandom(4);
        Taste start = Taste.draw(c, r);
        Taste t = start.copy();
        int[] liked = new int[16];
        int n = 0;
        for (int s = 0; s < c.size() && n < liked.length; s++) {
            if (start.match(c, s) < 0.05) {
                liked[n++] = s; // songs far from the starting taste
            }
        }
        for (int week = 0; week < 8; week++) {
            t.drift(c, r, liked, n);
            assertTrue(t.artists.length <= Taste.MAX_ARTISTS && t.genres.length <= Taste.MAX_GENRES && t.tags.length <= Taste.MAX_TAGS);
        }
        double before = 0;
        double after = 0;
        for (int i = 0; i < n; i++) {
            before += start.match(c, liked[i]);
            after += t.match(c, liked[i]);
        }
        assertTrue(after > before + 0.5, "liked songs match better after 8 weeks: " + before + " -> " + after);
        assertTrue(!Arrays.equals(start.artists, t.artists) || !Arrays.equals(start.genres, t.genres));
    }

    @Test
    void theIntSetAddsAndRemoves() {
        IntSet s = new IntSet();
        List<Integer> in = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            int v = r.nextInt(500);
            if (r.nextBoolean()) {
                assertEquals(!in.contains(v), s.add(v));
                if (!in.contains(v)) {
                    in.add(v);
                }
            } else {
                assertEquals(in.contains(v), s.remove(v));
                in.remove((Integer) v);
            }
            assertEquals(in.size(), s.size());
        }
        for (int v = 0; v < 500; v++) {
            assertEquals(in.contains(v), s.contains(v));
        }
    }
}
