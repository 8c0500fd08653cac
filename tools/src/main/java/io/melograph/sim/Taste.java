package io.melograph.sim;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A listener's latent taste and how well a song matches it.
 * <p>
 * <b>Drawing a taste</b> ({@link #draw}), Dirichlet-like: 2–4 favourite genres drawn by catalog frequency^0.7 (big
 * genres are favourites more often, small ones still get fans), each with an Exp(1) weight (a Dirichlet(1) draw up
 * to scale). Then 12 "anchor" songs the listener loves: 80 % drawn from a favourite genre, 20 % from the whole
 * catalog, always in proportion to the popularity prior. Their primary artists, counted, give the 3–6 favourite
 * artists; their tags give the 2–5 favourite tags; their most common language the preferred language. Artist and
 * tag weights are count × Exp(1). Weights are scaled so the strongest is 1. Anchors make the taste coherent: the
 * favourite artists play the favourite genres, as in real listeners.
 * <p>
 * <b>Match</b> ({@link #match}) in [0, 1]: a weighted mean of four parts, over the parts the song and taste both have:
 * artist 0.35 (the strongest favourite among the song's artists), genre 0.35 (sum of favourite-genre weights, capped
 * at 1), tag 0.20 (likewise), language 0.05–0.30 per listener (1 if the song's language is theirs, else 0). A song
 * with no genres or tags (even inherited from its artist) drops those parts, so the artist carries the match.
 * <p>
 * <b>Drift</b> ({@link #drift}), weekly: every weight is multiplied by {@code exp(0.3·N(0,1))}, and for each of
 * artists, genres and tags, with probability 0.35 the weakest favourite gives way (or a new one joins, up to 8
 * artists, 4 genres, 6 tags) to one taken from a song liked in the last two weeks (60 %) or from a song drawn by
 * popularity (40 %, the radio effect), entering at weight 0.5. Over a month about a third of a listener's favourites
 * change, roughly the turnover of "on repeat" lists.
 */
final class Taste {
    static final double ARTIST_PART = 0.35;
    static final double GENRE_PART = 0.35;
    static final double TAG_PART = 0.20;
    static final int MAX_ARTISTS = 8;
    static final int MAX_GENRES = 4;
    static final int MAX_TAGS = 6;

    int[] artists;
    double[] artistW;
    int[] genres;
    double[] genreW;
    int[] tags;
    double[] tagW;
    int language;
    double languageImportance;

    private Taste() {}

    Taste copy() {
        Taste t = new Taste();
        t.artists = artists.clone();
        t.artistW = artistW.clone();
        t.genres = genres.clone();
        t.genreW = genreW.clone();
        t.tags = tags.clone();
        t.tagW = tagW.clone();
        t.language = language;
        t.languageImportance = languageImportance;
        return t;
    }

    static Taste draw(Catalog c, SplittableRandom r) {
        Taste t = new Taste();
        int wantGenres = Math.min(2 + r.nextInt(3), c.genreNames.length);
        int[] gs = new int[0];
        for (int tries = 0; gs.length < wantGenres && tries < 50; tries++) {
            int g = c.genreChoice.sample(r);
            if (g >= 0 && indexOf(gs, g) < 0) {
                gs = Arrays.copyOf(gs, gs.length + 1);
                gs[gs.length - 1] = g;
            }
        }
        t.genres = gs;
        t.genreW = new double[gs.length];
        for (int i = 0; i < gs.length; i++) {
            t.genreW[i] = Rand.exponential(r) + 1e-3;
        }
        TreeMap<Integer, Double> artistCount = new TreeMap<>();
        TreeMap<Integer, Double> tagCount = new TreeMap<>();
        int[] languageCount = new int[c.languageNames.length];
        for (int k = 0; k < 12; k++) {
            int s = -1;
            if (gs.length > 0 && Rand.chance(r, 0.8)) {
                s = c.byGenre[gs[pick(t.genreW, r)]].sample(r);
            }
            if (s < 0) {
                s = c.all.sample(r);
            }
            int a = c.primaryArtist(s);
            if (a >= 0) {
                artistCount.merge(a, 1.0, Double::sum);
            }
            for (int tag : c.songTags[s]) {
                tagCount.merge(tag, 1.0, Double::sum);
            }
            if (c.songLanguage[s] >= 0) {
                languageCount[c.songLanguage[s]]++;
            }
        }
        int[][] aw = top(artistCount, 3 + r.nextInt(4));
        t.artists = aw[0];
        t.artistW = asDoubles(aw[1]);
        int[][] tw = top(tagCount, 2 + r.nextInt(4));
        t.tags = tw[0];
        t.tagW = asDoubles(tw[1]);
        t.language = -1;
        for (int l = 0; l < languageCount.length; l++) {
            if (languageCount[l] > 0 && (t.language < 0 || languageCount[l] > languageCount[t.language])) {
                t.language = l;
            }
        }
        t.languageImportance = 0.05 + 0.25 * r.nextDouble();
        for (int i = 0; i < t.artistW.length; i++) {
            t.artistW[i] *= Rand.exponential(r) + 0.05;
        }
        for (int i = 0; i < t.tagW.length; i++) {
            t.tagW[i] *= Rand.exponential(r) + 0.05;
        }
        t.normalize();
        return t;
    }

    /** How well song {@code s} suits this taste, in [0, 1]. */
    double match(Catalog c, int s) {
        double a = 0;
        for (int x : c.songArtists[s]) {
            int i = indexOf(artists, x);
            if (i >= 0 && artistW[i] > a) {
                a = artistW[i];
            }
        }
        double num = ARTIST_PART * a;
        double den = ARTIST_PART;
        int[] sg = c.songGenres[s];
        if (sg.length > 0 && genres.length > 0) {
            num += GENRE_PART * Math.min(1, overlap(sg, genres, genreW));
            den += GENRE_PART;
        }
        int[] st = c.songTags[s];
        if (st.length > 0 && tags.length > 0) {
            num += TAG_PART * Math.min(1, overlap(st, tags, tagW));
            den += TAG_PART;
        }
        int sl = c.songLanguage[s];
        if (sl >= 0 && language >= 0) {
            num += sl == language ? languageImportance : 0;
            den += languageImportance;
        }
        return num / den;
    }

    /**
     * A song through the taste: a favourite artist (40 %), genre (40 %) or tag (20 %) chosen by weight, three songs
     * of it drawn by popularity, and one of those kept with probability ∝ (0.05 + match)²; -1 when nothing released
     * came up.
     */
    int sampleSong(Catalog c, SplittableRandom r, long epochDay) {
        double wa = artists.length > 0 ? 0.4 : 0;
        double wg = genres.length > 0 ? 0.4 : 0;
        double wt = tags.length > 0 ? 0.2 : 0;
        double total = wa + wg + wt;
        Sampler from;
        if (total == 0) {
            from = c.all;
        } else {
            double x = r.nextDouble() * total;
            if (x < wa) {
                from = c.byArtist[artists[pick(artistW, r)]];
            } else if (x < wa + wg) {
                from = c.byGenre[genres[pick(genreW, r)]];
            } else {
                from = c.byTag[tags[pick(tagW, r)]];
            }
        }
        int[] cand = new int[3];
        double[] w = new double[3];
        double sum = 0;
        int n = 0;
        for (int k = 0; k < 3; k++) {
            int s = from.sample(r);
            if (s >= 0 && c.isReleased(s, epochDay)) {
                double m = match(c, s);
                cand[n] = s;
                w[n] = (0.05 + m) * (0.05 + m);
                sum += w[n];
                n++;
            }
        }
        if (n == 0) {
            return -1;
        }
        double x = r.nextDouble() * sum;
        for (int k = 0; k < n - 1; k++) {
            x -= w[k];
            if (x < 0) {
                return cand[k];
            }
        }
        return cand[n - 1];
    }

    /** One week of drift; {@code recentLikes[0..likes)} are songs liked lately. */
    void drift(Catalog c, SplittableRandom r, int[] recentLikes, int likes) {
        perturb(artistW, r);
        perturb(genreW, r);
        perturb(tagW, r);
        for (int kind = 0; kind < 3; kind++) {
            if (!Rand.chance(r, 0.35)) {
                continue;
            }
            int song = likes > 0 && Rand.chance(r, 0.6) ? recentLikes[r.nextInt(likes)] : c.all.sample(r);
            int[] features = kind == 0 ? c.songArtists[song] : kind == 1 ? c.songGenres[song] : c.songTags[song];
            int[] mine = kind == 0 ? artists : kind == 1 ? genres : tags;
            int newcomer = -1;
            for (int f : features) {
                if (indexOf(mine, f) < 0) {
                    newcomer = f;
                    break;
                }
            }
            if (newcomer < 0) {
                continue;
            }
            int cap = kind == 0 ? MAX_ARTISTS : kind == 1 ? MAX_GENRES : MAX_TAGS;
            double[] w = kind == 0 ? artistW : kind == 1 ? genreW : tagW;
            int slot;
            if (mine.length < cap) {
                mine = Arrays.copyOf(mine, mine.length + 1);
                w = Arrays.copyOf(w, w.length + 1);
                slot = mine.length - 1;
            } else {
                slot = 0;
                for (int i = 1; i < w.length; i++) {
                    if (w[i] < w[slot]) {
                        slot = i;
                    }
                }
            }
            mine[slot] = newcomer;
            w[slot] = 0.5;
            if (kind == 0) {
                artists = mine;
                artistW = w;
            } else if (kind == 1) {
                genres = mine;
                genreW = w;
            } else {
                tags = mine;
                tagW = w;
            }
        }
        normalize();
    }

    /** Shared favourites (artists and genres), for choosing friends. */
    int similarity(Taste o) {
        int n = 0;
        for (int a : artists) {
            n += indexOf(o.artists, a) >= 0 ? 1 : 0;
        }
        for (int g : genres) {
            n += indexOf(o.genres, g) >= 0 ? 1 : 0;
        }
        return n;
    }

    SimTaste toSimTaste(Catalog c) {
        return new SimTaste(named(artists, artistW, c.artistNames), named(genres, genreW, c.genreNames),
                named(tags, tagW, c.tagNames), language < 0 ? null : c.languageNames[language]);
    }

    private static Map<String, Double> named(int[] ids, double[] w, String[] names) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> w[x] != w[y] ? Double.compare(w[y], w[x]) : Integer.compare(ids[x], ids[y]));
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i : order) {
            m.put(names[ids[i]], Math.round(w[i] * 1000) / 1000.0);
        }
        return Collections.unmodifiableMap(m);
    }

    private void normalize() {
        scaleToMax(artistW);
        scaleToMax(genreW);
        scaleToMax(tagW);
    }

    private static void scaleToMax(double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= max;
            }
        }
    }

    private static void perturb(double[] w, SplittableRandom r) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= Math.exp(0.3 * Rand.gaussian(r));
        }
    }

    private static double overlap(int[] songFeatures, int[] favourites, double[] weights) {
        double sum = 0;
        for (int i = 0; i < favourites.length; i++) {
            if (Arrays.binarySearch(songFeatures, favourites[i]) >= 0) {
                sum += weights[i];
            }
        }
        return sum;
    }

    /** The top {@code k} keys by count (ties: lower key first), and their counts. */
    private static int[][] top(TreeMap<Integer, Double> counts, int k) {
        Integer[] keys = counts.keySet().toArray(new Integer[0]);
        Arrays.sort(keys, (x, y) -> !counts.get(x).equals(counts.get(y)) ? Double.compare(counts.get(y), counts.get(x)) : Integer.compare(x, y));
        int n = Math.min(k, keys.length);
        int[] ids = new int[n];
        int[] cs = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = keys[i];
            cs[i] = (int) Math.round(counts.get(keys[i]));
        }
        return new int[][] {ids, cs};
    }

    private static double[] asDoubles(int[] counts) {
        double[] w = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i] = counts[i];
        }
        return w;
    }

    static int pick(double[] w, SplittableRandom r) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < w.length - 1; i++) {
            x -= w[i];
            if (x < 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
