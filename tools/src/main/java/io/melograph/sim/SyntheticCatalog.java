package io.melograph.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic catalog for tests and demos without a graph ("sim:song:00001", "sim:artist:0001", genre and tag
 * ids like "sim:genre:jazz"). Shaped like a real one: artists have 1–2 genres, a language and a skewed number of
 * songs; 35 % of songs carry no genre and 40 % no tag (the artist's stand in), 8 % have a featured second artist, 5 %
 * an unknown length; lengths are log-normal around 3:35; 85 % of releases are spread over the 10 years before the
 * reference day, 15 % fall within 60 days either side of it (new releases during a simulation).
 */
public final class SyntheticCatalog {
    private SyntheticCatalog() {}

    private static final String[] GENRES = {"pop", "rock", "hip-hop", "electronic", "jazz", "classical", "folk", "metal",
        "r-and-b", "country", "latin", "k-pop", "indie", "soul", "reggae", "blues"};
    private static final String[][] GENRE_TAGS = {
        {"catchy", "dance", "summer", "female-vocals"}, {"guitar", "energetic", "live", "anthem"},
        {"rap", "party", "bass", "urban"}, {"dance", "night-drive", "instrumental", "bass"},
        {"instrumental", "chill", "late-night", "saxophone"}, {"instrumental", "piano", "focus", "orchestral"},
        {"acoustic", "storytelling", "mellow", "chill"}, {"energetic", "heavy", "guitar", "workout"},
        {"smooth", "late-night", "romantic", "female-vocals"}, {"storytelling", "acoustic", "road-trip", "guitar"},
        {"dance", "summer", "party", "romantic"}, {"catchy", "dance", "idol", "energetic"},
        {"mellow", "guitar", "indie-vibes", "road-trip"}, {"smooth", "romantic", "vintage", "female-vocals"},
        {"summer", "chill", "bass", "mellow"}, {"guitar", "vintage", "mellow", "late-night"}};
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "en", "es", "es", "ja", "ko", "de", "fr", "pt"};
    private static final String[] WORDS = {"Midnight", "Golden", "River", "Echo", "Paper", "Neon", "Summer", "Ghost",
        "Velvet", "Northern", "Silver", "Wild", "Quiet", "Electric", "Blue", "Broken", "Shadow", "Sugar", "Ocean",
        "Fire", "Dream", "Lights", "Heart", "City", "Rain", "Stars", "Road", "Glass", "Morning", "Thunder"};

    /** {@code songs} songs around the default simulation start (2024-01-01). */
    public static List<SimSong> generate(int songs, long seed) {
        return generate(songs, seed, Math.floorDiv(SimConfig.DEFAULT_START_MILLIS, SimConfig.DAY_MS));
    }

    /** {@code songs} songs; new releases cluster around {@code referenceEpochDay}. */
    public static List<SimSong> generate(int songs, long seed, long referenceEpochDay) {
        if (songs < 1) {
            throw new IllegalArgumentException("songs must be at least 1");
        }
        SplittableRandom r = new SplittableRandom(seed);
        int artists = Math.max(2, songs / 4);
        String[] artistIds = new String[artists];
        String[][] artistGenres = new String[artists][];
        String[] artistLanguage = new String[artists];
        double[] artistSize = new double[artists];
        for (int a = 0; a < artists; a++) {
            artistIds[a] = "sim:artist:" + World.pad(a + 1, 4);
            int g1 = r.nextInt(GENRES.length);
            int g2 = r.nextInt(GENRES.length);
            artistGenres[a] = g2 == g1 || Rand.chance(r, 0.5) ? new String[] {GENRES[g1]} : new String[] {GENRES[g1], GENRES[g2]};
            artistLanguage[a] = Rand.chance(r, 0.06) ? null : LANGUAGES[r.nextInt(LANGUAGES.length)];
            artistSize[a] = Math.pow(a + 1, -0.8); // a few prolific artists, many with one or two songs
        }
        Sampler artistPick = new Sampler(World.range(artists), artistSize);
        List<SimSong> out = new ArrayList<>(songs);
        for (int i = 0; i < songs; i++) {
            int a = i < artists ? i : artistPick.sample(r); // every artist has a song
            List<String> by = new ArrayList<>(List.of(artistIds[a]));
            if (Rand.chance(r, 0.08)) {
                int b = r.nextInt(artists);
                if (b != a) {
                    by.add(artistIds[b]);
                }
            }
            List<String> genres = new ArrayList<>();
            if (!Rand.chance(r, 0.35)) {
                for (String g : artistGenres[a]) {
                    genres.add("sim:genre:" + g);
                }
            }
            List<String> tags = new ArrayList<>();
            if (!Rand.chance(r, 0.40)) {
                String[] pool = GENRE_TAGS[indexOf(artistGenres[a][0])];
                int k = 1 + r.nextInt(3);
                for (int t = 0; t < k; t++) {
                    String tag = "sim:tag:" + pool[r.nextInt(pool.length)];
                    if (!tags.contains(tag)) {
                        tags.add(tag);
                    }
                }
            }
            int duration = Rand.chance(r, 0.05) ? 0
                    : (int) Math.max(60, Math.min(900, Math.round(215 * Math.exp(0.25 * Rand.gaussian(r)))));
            long released = Rand.chance(r, 0.85)
                    ? referenceEpochDay - 1 - r.nextInt(3_650)
                    : referenceEpochDay - 60 + r.nextInt(121);
            String title = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)];
            out.add(new SimSong("sim:song:" + World.pad(i + 1, 5), title, by, genres, tags, artistLanguage[a], duration, released));
        }
        return out;
    }

    private static int indexOf(String genre) {
        for (int i = 0; i < GENRES.length; i++) {
            if (GENRES[i].equals(genre)) {
                return i;
            }
        }
        return 0;
    }
}
