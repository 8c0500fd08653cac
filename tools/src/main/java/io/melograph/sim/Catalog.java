package io.melograph.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalog as dense indices: songs sorted by id, artists/genres/tags/languages sorted by name, each song's features,
 * its popularity prior, and samplers that draw songs of a feature in proportion to the prior.
 * <p>
 * <b>Sparse metadata.</b> A song without genres takes the union of the genres of its artists' other songs; likewise
 * for tags ("the artist carries the taste"). If the artist has none either, the song simply has none and the taste
 * match rests on the artist (and language).
 * <p>
 * <b>Popularity.</b> Artists get a seeded random order and the Zipf weight of their place, {@code r^-s}; each song's
 * popularity key is its primary artist's weight times a log-normal factor {@code exp(N(0, 1))} (a hit by a small
 * artist happens; a big artist has flops), and songs ranked by that key get the Zipf prior {@code rank^-s}. So song
 * popularity follows the fitted power law exactly while songs of popular artists tend to be popular.
 */
final class Catalog {
    final SimSong[] songs;
    final String[] ids;
    final Map<String, Integer> indexById; // lookups only
    final String[] artistNames;
    final String[] genreNames;
    final String[] tagNames;
    final String[] languageNames;
    final int[][] songArtists;
    final int[][] songGenres; // own genres, or the artists' genres when the song has none
    final int[][] songTags;   // likewise
    final int[] songLanguage; // -1 unknown
    final int[] durationMs;
    final long[] released;    // epoch day or Long.MIN_VALUE
    final double[] prior;     // rank^-s
    final int[] popularityRank; // 1 = most popular
    final Sampler all;
    final Sampler[] byArtist;
    final Sampler[] byGenre;
    final Sampler[] byTag;
    final Sampler genreChoice; // genres by catalog frequency^0.7, for drawing favourite genres
    final int[] byRelease;     // songs with a known release day, ascending by day (then index)

    Catalog(List<SimSong> input, PopularityPrior popularity, SplittableRandom rng) {
        if (input.isEmpty()) {
            throw new IllegalArgumentException("the catalog is empty");
        }
        songs = input.toArray(new SimSong[0]);
        Arrays.sort(songs, Comparator.comparing(SimSong::id));
        int n = songs.length;
        ids = new String[n];
        indexById = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = songs[i].id();
            if (indexById.put(ids[i], i) != null) {
                throw new IllegalArgumentException("song id " + ids[i] + " appears twice in the catalog");
            }
        }
        TreeSet<String> a = new TreeSet<>();
        TreeSet<String> g = new TreeSet<>();
        TreeSet<String> t = new TreeSet<>();
        TreeSet<String> l = new TreeSet<>();
        for (SimSong s : songs) {
            a.addAll(s.artists());
            g.addAll(s.genres());
            t.addAll(s.tags());
            if (s.language() != null) {
                l.add(s.language());
            }
        }
        artistNames = a.toArray(new String[0]);
        genreNames = g.toArray(new String[0]);
        tagNames = t.toArray(new String[0]);
        languageNames = l.toArray(new String[0]);
        Map<String, Integer> ai = index(artistNames);
        Map<String, Integer> gi = index(genreNames);
        Map<String, Integer> ti = index(tagNames);
        Map<String, Integer> li = index(languageNames);

        songArtists = new int[n][];
        int[][] ownGenres = new int[n][];
        int[][] ownTags = new int[n][];
        songLanguage = new int[n];
        durationMs = new int[n];
        released = new long[n];
        for (int i = 0; i < n; i++) {
            SimSong s = songs[i];
            songArtists[i] = s.artists().stream().distinct().mapToInt(ai::get).toArray(); // primary first
            ownGenres[i] = s.genres().stream().mapToInt(gi::get).distinct().sorted().toArray();
            ownTags[i] = s.tags().stream().mapToInt(ti::get).distinct().sorted().toArray();
            songLanguage[i] = s.language() == null ? -1 : li.get(s.language());
            durationMs[i] = s.durationSec() * 1000;
            released[i] = s.releasedEpochDay();
        }
        int[][] artistGenres = artistUnion(ownGenres, artistNames.length);
        int[][] artistTags = artistUnion(ownTags, artistNames.length);
        songGenres = new int[n][];
        songTags = new int[n][];
        for (int i = 0; i < n; i++) {
            songGenres[i] = ownGenres[i].length > 0 ? ownGenres[i] : unionOf(songArtists[i], artistGenres);
            songTags[i] = ownTags[i].length > 0 ? ownTags[i] : unionOf(songArtists[i], artistTags);
        }

        // popularity: artists in a seeded order get Zipf weights; songs ranked by artist weight x log-normal noise
        int[] artistOrder = shuffled(artistNames.length, rng);
        double[] artistWeight = new double[artistNames.length];
        for (int r = 0; r < artistOrder.length; r++) {
            artistWeight[artistOrder[r]] = popularity.weight(r + 1);
        }
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            double w = songArtists[i].length == 0 ? popularity.weight(Math.max(1, artistNames.length)) : artistWeight[songArtists[i][0]];
            key[i] = Math.log(w) + Rand.gaussian(rng);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> key[x] != key[y] ? Double.compare(key[y], key[x]) : Integer.compare(x, y));
        prior = new double[n];
        popularityRank = new int[n];
        for (int r = 0; r < n; r++) {
            popularityRank[order[r]] = r + 1;
            prior[order[r]] = popularity.weight(r + 1);
        }

        int[] everything = new int[n];
        for (int i = 0; i < n; i++) {
            everything[i] = i;
        }
        all = new Sampler(everything, prior);
        byArtist = samplers(songArtists, artistNames.length);
        byGenre = samplers(songGenres, genreNames.length);
        byTag = samplers(songTags, tagNames.length);
        int[] genreIds = new int[genreNames.length];
        double[] genreFreq = new double[genreNames.length];
        for (int x = 0; x < genreIds.length; x++) {
            genreIds[x] = x;
            genreFreq[x] = Math.pow(byGenre[x].size(), 0.7);
        }
        genreChoice = new Sampler(genreIds, genreFreq);
        byRelease = Arrays.stream(everything).filter(i -> released[i] != SimSong.UNKNOWN_RELEASE).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> released[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    int size() {
        return songs.length;
    }

    int primaryArtist(int song) {
        return songArtists[song].length == 0 ? -1 : songArtists[song][0];
    }

    /** Whether the song is out on the given day (unknown release days count as out). */
    boolean isReleased(int song, long epochDay) {
        return released[song] == SimSong.UNKNOWN_RELEASE || released[song] <= epochDay;
    }

    /** Songs released in {@code [fromDay, toDay]}, ascending by day. */
    int[] releasedBetween(long fromDay, long toDay) {
        int lo = lowerBound(fromDay);
        int hi = lowerBound(toDay + 1);
        return Arrays.copyOfRange(byRelease, lo, hi);
    }

    private int lowerBound(long day) {
        int lo = 0;
        int hi = byRelease.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (released[byRelease[mid]] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Sampler[] samplers(int[][] featuresOfSong, int features) {
        List<List<Integer>> songsOf = new ArrayList<>(features);
        for (int f = 0; f < features; f++) {
            songsOf.add(new ArrayList<>());
        }
        for (int s = 0; s < featuresOfSong.length; s++) {
            for (int f : featuresOfSong[s]) {
                songsOf.get(f).add(s);
            }
        }
        Sampler[] out = new Sampler[features];
        for (int f = 0; f < features; f++) {
            int[] items = songsOf.get(f).stream().mapToInt(Integer::intValue).toArray();
            double[] w = new double[items.length];
            for (int k = 0; k < items.length; k++) {
                w[k] = prior[items[k]];
            }
            out[f] = new Sampler(items, w);
        }
        return out;
    }

    private int[][] artistUnion(int[][] own, int artists) {
        List<TreeSet<Integer>> sets = new ArrayList<>(artists);
        for (int x = 0; x < artists; x++) {
            sets.add(new TreeSet<>());
        }
        for (int s = 0; s < own.length; s++) {
            for (int artist : songArtists[s]) {
                for (int f : own[s]) {
                    sets.get(artist).add(f);
                }
            }
        }
        int[][] out = new int[artists][];
        for (int x = 0; x < artists; x++) {
            out[x] = sets.get(x).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static int[] unionOf(int[] artists, int[][] featuresOfArtist) {
        if (artists.length == 1) {
            return featuresOfArtist[artists[0]];
        }
        TreeSet<Integer> u = new TreeSet<>();
        for (int x : artists) {
            for (int f : featuresOfArtist[x]) {
                u.add(f);
            }
        }
        return u.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, Integer> index(String[] names) {
        Map<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i);
        }
        return m;
    }

    static int[] shuffled(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
