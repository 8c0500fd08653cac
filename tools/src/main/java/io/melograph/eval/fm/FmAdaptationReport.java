package io.melograph.eval.fm;

import io.melograph.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Summarises an {@link FmAdaptationStudy} (both arms over all sessions, and over first sessions only) and writes it as
 * {@code fm-adaptation.json} and {@code fm-adaptation.md}.
 */
public final class FmAdaptationReport {
    /** The goal: adaptive skip rate at most this share of the non-adaptive one. */
    public static final double GOAL_RATIO = 0.7;

    /** Both arms over one selection of sessions. */
    public record Comparison(String sessions, FmArmSummary adaptive, FmArmSummary baseline, double adaptiveMatch,
                             double baselineMatch) {
        public double ratio() {
            return adaptive.skipRate() / baseline.skipRate();
        }
    }

    /**
     * @param pairedDiff mean over listeners of (adaptive − baseline) skip rate, with its 95 % half-width (normal)
     */
    public record Summary(int songs, Comparison all, Comparison firstSessions, double pairedDiff, double pairedHalfWidth) {}

    private FmAdaptationReport() {}

    public static Summary summarise(List<FmAdaptationStudy.Pair> pairs, int songs) {
        Comparison all = compare("all sessions (crossover)", pairs, p -> true, p -> true, songs);
        Comparison first = compare("first sessions only", pairs, FmAdaptationStudy.Pair::adaptiveFirst, p -> !p.adaptiveFirst(), songs);
        double[] diffs = pairs.stream().mapToDouble(p -> p.adaptive().metrics(songs).skipRate() - p.baseline().metrics(songs).skipRate())
                .toArray();
        double mean = java.util.Arrays.stream(diffs).average().orElse(Double.NaN);
        double var = diffs.length < 2 ? Double.NaN
                : java.util.Arrays.stream(diffs).map(d -> (d - mean) * (d - mean)).sum() / (diffs.length - 1);
        return new Summary(songs, all, first, mean, 1.96 * Math.sqrt(var / diffs.length));
    }

    private static Comparison compare(String name, List<FmAdaptationStudy.Pair> pairs, Predicate<FmAdaptationStudy.Pair> adaptiveIn,
                                      Predicate<FmAdaptationStudy.Pair> baselineIn, int songs) {
        List<FmAdaptationExperiment.Session> a = pairs.stream().filter(adaptiveIn).map(FmAdaptationStudy.Pair::adaptive).toList();
        List<FmAdaptationExperiment.Session> b = pairs.stream().filter(baselineIn).map(FmAdaptationStudy.Pair::baseline).toList();
        return new Comparison(name, arm(a, songs), arm(b, songs), meanMatch(a, songs), meanMatch(b, songs));
    }

    private static FmArmSummary arm(List<FmAdaptationExperiment.Session> sessions, int songs) {
        return FmArmSummary.of(sessions.stream().map(s -> s.metrics(songs)).toList(), songs);
    }

    private static double meanMatch(List<FmAdaptationExperiment.Session> sessions, int songs) {
        return sessions.stream().flatMap(s -> s.reactions().stream().limit(songs)).mapToDouble(r -> r.match()).average().orElse(Double.NaN);
    }

    /** @param setup what was run: command, dataset, seeds, sizes (written first, in order) */
    public static List<Path> write(Summary s, List<FmAdaptationStudy.Pair> pairs, Map<String, Object> setup, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>(setup);
        json.put("goalRatio", GOAL_RATIO);
        json.put("ratioAllSessions", round(s.all().ratio()));
        json.put("ratioFirstSessions", round(s.firstSessions().ratio()));
        json.put("pairedSkipRateDiff", round(s.pairedDiff()));
        json.put("pairedSkipRateDiff95", round(s.pairedHalfWidth()));
        json.put("allSessions", comparison(s.all()));
        json.put("firstSessions", comparison(s.firstSessions()));
        List<Object> sessions = new ArrayList<>();
        for (FmAdaptationStudy.Pair p : pairs) {
            for (FmAdaptationExperiment.Session x : List.of(p.adaptive(), p.baseline())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("user", x.userId());
                m.put("adaptive", x.adaptive());
                m.put("first", x.adaptive() == p.adaptiveFirst());
                StringBuilder played = new StringBuilder();
                x.reactions().forEach(r -> played.append(r.skipped() ? 'S' : r.liked() ? 'L' : 'C'));
                m.put("played", played.toString());
                m.put("songs", x.reactions().stream().map(r -> r.songId()).toList());
                sessions.add(m);
            }
        }
        json.put("sessions", sessions);
        Path jsonFile = dir.resolve("fm-adaptation.json");
        Files.writeString(jsonFile, Json.write(json) + "\n", StandardCharsets.UTF_8);
        Path md = dir.resolve("fm-adaptation.md");
        Files.writeString(md, markdown(s, setup), StandardCharsets.UTF_8);
        return List.of(jsonFile, md);
    }

    private static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adaptive", arm(c.adaptive(), c.adaptiveMatch()));
        m.put("baseline", arm(c.baseline(), c.baselineMatch()));
        return m;
    }

    private static Map<String, Object> arm(FmArmSummary a, double match) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", a.sessions());
        m.put("songs", a.songs());
        m.put("skips", a.skips());
        m.put("skipRate", round(a.skipRate()));
        m.put("likedShare", round(a.likedShare()));
        m.put("firstLikeMedian", Double.isInfinite(a.firstLikeMedian()) ? "never" : round(a.firstLikeMedian()));
        m.put("firstLikeMeanOfLiked", round(a.firstLikeMeanLiked()));
        m.put("firstLikeMeanCensored", round(a.firstLikeMeanCensored()));
        m.put("burstSessions", a.burstSessions());
        m.put("afterBurstSongs", a.afterBurstSongs());
        m.put("afterBurstSkipRate", round(a.afterBurstSkipRate()));
        m.put("meanTasteMatch", round(match));
        return m;
    }

    static String markdown(Summary s, Map<String, Object> setup) {
        StringBuilder md = new StringBuilder("# Private FM adaptation (protocol 4)\n\n");
        md.append("A simulated listener with a known taste plays the live Private FM of a running service song by song: "
                + "`POST /users/{id}/fm/next`, the listener hears the song with the simulator's own behaviour model "
                + "(scene fm: skip, complete, like, save, dislike from the taste match and the listener's traits), its "
                + "events go to `POST /events` and are acknowledged before the next request. Each listener plays one "
                + "session with the adaptive radio and one with `adaptive=false` (feedback ignored), with the same random "
                + "stream; half of them adaptive first (crossover). \"First sessions only\" compares listeners' first "
                + "sessions, where nothing of the other arm was carried over into their history.\n\n");
        md.append("| setting | value |\n|---|---|\n");
        setup.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(k.equals("command") ? "`" + v + "`" : v).append(" |\n"));
        md.append('\n');
        for (Comparison c : List.of(s.all(), s.firstSessions())) {
            md.append("## ").append(c.sessions()).append("\n\n");
            md.append(String.format(Locale.ROOT, "| metric (first %d songs) | adaptive | feedback ignored |%n|---|---:|---:|%n", s.songs()));
            row(md, "sessions", c, a -> Integer.toString(a.sessions()));
            row(md, "songs played", c, a -> Integer.toString(a.songs()));
            row(md, "**skip rate**", c, a -> pct(a.skipRate()));
            row(md, "sessions with a like", c, a -> pct(a.likedShare()));
            row(md, "songs until the first like: median (never counted as never)", c,
                    a -> Double.isInfinite(a.firstLikeMedian()) ? "never" : fmt(a.firstLikeMedian()));
            row(md, "songs until the first like: mean of sessions that liked", c, a -> fmt(a.firstLikeMeanLiked()));
            row(md, String.format(Locale.ROOT, "songs until the first like: mean, never = %d", s.songs() + 1), c,
                    a -> fmt(a.firstLikeMeanCensored()));
            row(md, "sessions with a burst of ≥ 2 skips in a row", c, a -> Integer.toString(a.burstSessions()));
            row(md, "skip rate of the " + FmSessionMetrics.AFTER_BURST + " songs after the first burst", c,
                    a -> pct(a.afterBurstSkipRate()) + " (" + a.afterBurstSongs() + " songs)");
            md.append(String.format(Locale.ROOT, "| mean taste match of the songs played | %.3f | %.3f |%n", c.adaptiveMatch(), c.baselineMatch()));
            md.append(String.format(Locale.ROOT, "%n**Skip-rate ratio adaptive / ignored: %.2f** (goal ≤ %.1f: %s)%n%n", c.ratio(), GOAL_RATIO,
                    c.ratio() <= GOAL_RATIO ? "met" : "missed"));
        }
        md.append(String.format(Locale.ROOT, "Paired over listeners (all sessions): adaptive − ignored skip rate = %+.3f ± %.3f (95 %%).%n",
                s.pairedDiff(), s.pairedHalfWidth()));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Comparison c, Function<FmArmSummary, String> f) {
        md.append("| ").append(name).append(" | ").append(f.apply(c.adaptive())).append(" | ").append(f.apply(c.baseline())).append(" |\n");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Object round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
