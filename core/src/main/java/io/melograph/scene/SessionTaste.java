package io.melograph.scene;

import io.melograph.events.Action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Private FM session learned of the listener's taste from their feedback, and how it weighs a candidate.
 * <ul>
 * <li>A Bayesian logistic regression (diagonal Laplace approximation) over the song's artists and genres/tags, fitted
 * online to the session's completes and likes (1) against its skips and dislikes (0); a like or dislike follows the
 * complete or skip, so it counts twice. Each weight starts at 0 with a prior variance, larger for artists (one song
 * says much about its artist) than for genres and tags (shared by many songs, some liked and some not), and each
 * observation moves it by {@code (label - p) / precision}, so the first songs of an artist move it most. A candidate
 * is weighed by {@code score^}{@value #RANKER_SHARE}{@code  * exp(sum of its features' weights)}: the ranker's
 * order, flattened so that what the session learned can overturn it.</li>
 * <li>Rules for a burst of skips, which the answer reports as "avoiding": two skips of an artist none of whose songs
 * the session completed (or one dislike) drop the artist for the session; three skips in a row touching a genre that
 * nothing in the session completed drop the genre. A complete protects its artist and genres: a favourite is
 * skipped now and then, and dropping it cost more than it saved.</li>
 * </ul>
 * The settings were chosen with {@code melograph eval fm-replay} (docs/eval/fm-replay.md). Not thread-safe.
 */
public final class SessionTaste {
    static final int ARTIST_SKIPS_TO_DROP = 2;
    static final int GENRE_SKIPS_TO_DROP = 3;
    /** Prior variance of an artist's weight, and of a genre's or tag's. */
    static final double ARTIST_VARIANCE = 0.5;
    static final double GENRE_VARIANCE = 0.1;
    /** The power of the ranker's score in a candidate's weight: below 1 flattens the ranker's order. */
    static final double RANKER_SHARE = 0.3;
    /** Step of the session's base rate (its overall skip rate, so features learn what sets a song apart from it). */
    static final double BIAS_STEP = 0.3;
    /** The model's say on a candidate is bounded (e^±4). */
    static final double MAX_LOGIT = 4.0;
    /** The least ranker score {@link #leastBad} counts (a catalog song nobody played scores 0). */
    static final double ZERO_SCORE = 1e-3;

    /** Mean and precision of a weight per artist ("a:" id) and per genre or tag ("g:" name). */
    private final Map<String, double[]> weights = new HashMap<>();
    private double bias;
    private final Map<String, Integer> artistSkips = new HashMap<>();
    private final Map<String, Integer> genreSkips = new HashMap<>();
    private final Set<String> artistsCompleted = new HashSet<>();
    private final Set<String> genresCompleted = new HashSet<>();
    private final Set<String> droppedArtists = new LinkedHashSet<>();
    private final Set<String> droppedGenres = new LinkedHashSet<>();
    private final Map<String, String> artistNames = new HashMap<>();

    /**
     * One feedback event on a song by these artists (ids, and their names for {@link #avoiding()}) in these genres and
     * tags. Actions other than skip, complete, like, save and dislike teach nothing.
     */
    public void feedback(Action action, List<String> artists, List<String> names, List<String> genres) {
        for (int i = 0; i < artists.size() && i < names.size(); i++) {
            artistNames.put(artists.get(i), names.get(i));
        }
        switch (action) {
            case SKIP -> {
                learn(artists, genres, 0);
                for (String a : artists) {
                    if (artistSkips.merge(a, 1, Integer::sum) >= ARTIST_SKIPS_TO_DROP && !artistsCompleted.contains(a)) {
                        droppedArtists.add(a);
                    }
                }
                for (String g : genres) {
                    if (genreSkips.merge(g, 1, Integer::sum) >= GENRE_SKIPS_TO_DROP && !genresCompleted.contains(g)) {
                        droppedGenres.add(g);
                    }
                }
            }
            case DISLIKE -> {
                learn(artists, genres, 0);
                droppedArtists.addAll(artists);
            }
            case COMPLETE, LIKE, SAVE -> {
                learn(artists, genres, 1);
                artistsCompleted.addAll(artists);
                genreSkips.clear(); // a complete ends the burst
                genresCompleted.addAll(genres);
                genres.forEach(droppedGenres::remove);
                if (action != Action.COMPLETE) {
                    artists.forEach(a -> {
                        droppedArtists.remove(a);
                        artistSkips.remove(a);
                    });
                }
            }
            default -> { }
        }
    }

    /** One observation of this song towards {@code label}. */
    private void learn(List<String> artists, List<String> genres, double label) {
        List<double[]> w = new ArrayList<>();
        artists.forEach(a -> w.add(weights.computeIfAbsent("a:" + a, k -> new double[] {0, 1 / ARTIST_VARIANCE})));
        genres.forEach(g -> w.add(weights.computeIfAbsent("g:" + g, k -> new double[] {0, 1 / GENRE_VARIANCE})));
        double z = bias;
        for (double[] x : w) {
            z += x[0];
        }
        double p = 1 / (1 + Math.exp(-z));
        bias += BIAS_STEP * (label - p);
        for (double[] x : w) {
            x[1] += p * (1 - p);
            x[0] += (label - p) / x[1];
        }
    }

    /** The features' part of the model's logit, bounded. */
    private double logit(List<String> artists, List<String> genres) {
        double z = 0;
        for (String a : artists) {
            z += mean("a:" + a);
        }
        for (String g : genres) {
            z += mean("g:" + g);
        }
        return Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, z));
    }

    private double mean(String feature) {
        double[] x = weights.get(feature);
        return x == null ? 0 : x[0];
    }

    /**
     * How the session weighs a candidate with this ranker score, by these artists and genres: 0 when the session
     * dropped one of them.
     */
    public double weigh(double rankerScore, List<String> artists, List<String> genres) {
        return drops(artists, genres) ? 0 : weight(rankerScore, artists, genres);
    }

    /**
     * How a song ranks when none weighs above 0 (the session dropped every song left, or the ranker scored the rest 0),
     * so that the radio plays the least bad rather than nothing: a song the session did not drop above any it dropped,
     * and within each, as {@link #weigh} would without the drops and with the ranker's score raised to at least
     * {@value #ZERO_SCORE}, so that the skips still count against a song the ranker scored 0. In [1, 2) for a song
     * kept, [0, 1) for one dropped.
     */
    public double leastBad(double rankerScore, List<String> artists, List<String> genres) {
        double w = weight(Math.max(rankerScore, ZERO_SCORE), artists, genres);
        return (drops(artists, genres) ? 0 : 1) + w / (1 + w);
    }

    /** The ranker's score flattened, times what the session learned of these artists and genres. */
    private double weight(double rankerScore, List<String> artists, List<String> genres) {
        return Math.pow(rankerScore, RANKER_SHARE) * Math.exp(logit(artists, genres));
    }

    /** Whether the session dropped one of these artists or genres. */
    private boolean drops(List<String> artists, List<String> genres) {
        return artists.stream().anyMatch(droppedArtists::contains) || genres.stream().anyMatch(droppedGenres::contains);
    }

    /** Artist names and genres the session steers away from, for the answer. */
    public List<String> avoiding() {
        List<String> out = new ArrayList<>();
        droppedArtists.forEach(a -> out.add(artistNames.getOrDefault(a, a)));
        out.addAll(droppedGenres);
        return out;
    }
}
