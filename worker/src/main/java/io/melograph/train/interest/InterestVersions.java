package io.melograph.train.interest;

import io.melograph.interest.CatalogFacts;
import io.melograph.interest.SongNeighbourhood;
import io.melograph.interest.NowSteps;
import io.melograph.interest.ListeningHistory;
import io.melograph.interest.InterestModelFile;
import io.melograph.interest.InterestModel;
import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.util.Folders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Interest models as versions of the model registry ({@value InterestModelFile#KIND}): trained on the songs listeners took to in the
 * journal's window {@code [from, to)}, with the catalog's song facts for the song tower, and judged on what came after
 * it ({@link NextSongCheck}). Where a kind has several forms worth trying ({@link InterestTrainer#formsOf}), the form is
 * chosen before that, inside the training window ({@link #chooseForm}), so the held-out window judges one model only. The
 * current version is judged on the same held-out songs; the new one is promoted only
 * when its HitRate@50 is higher. A current version trained past the new one's cut cannot be compared: the new one is
 * kept, not promoted, and its card says why.
 */
public final class InterestVersions {
    /** The models as judged (trained before the version's cut), beside the served refit ones. */
    static final String JUDGED = "judged-" + InterestModelFile.NAME;
    /** The held-out window of the service's retraining and the replay: the journal's last week. */
    public static final Duration HOLDOUT = Duration.ofDays(7);
    /** Fewer listeners to check than this judge nothing. */
    static final int MIN_CHECKED = 20;
    /** At most this many listeners are checked (the check scores every song for each). */
    static final int MAX_CHECKED = 5_000;
    /** The end of the training window on which a kind's forms are compared: this share of it, at most {@link #HOLDOUT}. */
    static final double FORM_CHOICE_SHARE = 0.25;

    /** What training made: the stored card, whether (and why) it was promoted, and the training's own report. */
    public record Trained(ModelCard card, boolean promoted, String reason, InterestTrainer.Trained training) {}

    private InterestVersions() {}

    /**
     * Trains a version on the recorded events (read beside a running service's intake) and
     * stores it, promoting it when it beats the current one.
     *
     * @param facts   the catalog's song facts ({@link CatalogFacts#read}); the journal's songs are added to its songs
     * @param from    events before it are not learned (null: from the start)
     * @param to      where the held-out window starts; null: {@code holdout} before the journal's newest event
     * @param refit   once judged, train again on every event from {@code from} on (held-out window included) and serve that
     */
    public static Trained train(ModelRegistry registry, EventHistory history, CatalogFacts facts, InterestTrainer.Settings settings,
                                NowTrainer.Settings nowSettings, Instant from, Instant to, Duration holdout, boolean refit, long seed,
                                Instant now)
            throws IOException {
        List<Event> events = new ArrayList<>();
        history.readAll((e, after) -> events.add(e));
        if (events.isEmpty()) {
            throw new IllegalArgumentException(history + " is empty: nothing to train on");
        }
        events.sort(Comparator.comparingLong(Event::ts)); // the journal is in arrival order; a history is in time order
        if (to == null) {
            to = Instant.ofEpochMilli(events.get(events.size() - 1).ts()).minus(holdout);
        }
        long cut = to.toEpochMilli();
        ListeningHistory before = new ListeningHistory();
        ListeningHistory after = new ListeningHistory();
        ListeningHistory everything = new ListeningHistory();
        Map<String, NowSteps> plays = new LinkedHashMap<>(); // every play of the window, for the short-term model
        Map<String, NowSteps> allPlays = new LinkedHashMap<>();
        MessageDigest hash = ModelRegistry.dataHash();
        long trained = 0;
        long refitEvents = 0;
        long first = Long.MAX_VALUE;
        for (Event e : events) {
            if (from != null && e.ts() < from.toEpochMilli()) {
                if (e.ts() >= cut) {
                    after.add(e);
                }
                continue;
            }
            everything.add(e);
            allPlays.computeIfAbsent(e.userId(), u -> new NowSteps()).add(e.itemId(), e.itemType(), e.action(), e.ts());
            refitEvents++;
            if (e.ts() >= cut) {
                after.add(e);
            } else {
                before.add(e);
                plays.computeIfAbsent(e.userId(), u -> new NowSteps()).add(e.itemId(), e.itemType(), e.action(), e.ts());
                hash.update((e.eventId() + "\n").getBytes(StandardCharsets.UTF_8));
                trained++;
                first = Math.min(first, e.ts());
            }
        }
        if (before.listeners().isEmpty()) {
            throw new IllegalArgumentException("no listener finished, liked, saved or shared a song in the training window ["
                    + from + ", " + to + ")");
        }
        NextSongCheck check = new NextSongCheck(before, after, MAX_CHECKED);
        if (check.size() < MIN_CHECKED) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the held-out window from %s on has a new song for %d "
                    + "listeners: too few to judge a model (at least %d); end the training window earlier (--to, --holdout-days)",
                    to, check.size(), MIN_CHECKED));
        }
        everything.listeners().values().forEach(facts::songs);
        after.listeners().values().forEach(facts::songs);
        allPlays.values().forEach(p -> p.steps().forEach(step -> facts.song(step.song())));
        List<String> songIds = facts.songIds();
        Map<String, Integer> index = facts.songIndex();
        SongNeighbourhood neighbourhood = settings.graph()
                ? SongNeighbourhood.of(facts, settings.neighbours())
                : SongNeighbourhood.none(songIds.size());
        long fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        FormChoice form = chooseForm(events.stream().filter(e -> e.ts() >= fromMillis && e.ts() < cut).toList(), first, cut,
                InterestTrainer.formsOf(settings.kind()), index, songIds, neighbourhood, settings, seed);
        Fitted judged = fit(before, plays, index, neighbourhood, settings, form.form(), nowSettings, seed);

        String version = registry.newVersion(InterestModelFile.KIND, now);
        Path dir = registry.dir(InterestModelFile.KIND, version);
        Map<String, Double> metrics = new LinkedHashMap<>(check.check(NextSongCheck.of(judged.longTerm().model(), songIds)));
        metrics.putAll(form.metrics());
        Map<String, List<NowSteps.Step>> steps = new LinkedHashMap<>();
        plays.forEach((u, p) -> steps.put(u, p.steps()));
        check.check(NextSongCheck.of(judged.shortTerm().model(), songIds, steps)).forEach((k, v) -> metrics.put("now." + k, v));
        metrics.put("now.training.seconds", judged.shortTerm().millis() / 1000.0);
        check.check(check.popularity(index)).forEach((k, v) -> metrics.put("popularity." + k, v));
        metrics.put("events.trained", (double) trained);
        metrics.put("listeners.trained", (double) judged.listeners());
        metrics.put("songs", (double) songIds.size());
        metrics.put("training.seconds", judged.longTerm().millis() / 1000.0);
        judged.longTerm().relationAttention().forEach((r, a) -> metrics.put("attention." + r, a));
        // what is served learns from the held-out window too, once judged: the week before a retraining matters most
        Fitted served = refit ? fit(everything, allPlays, index, neighbourhood, settings, form.form(), nowSettings, seed) : judged;
        if (refit) {
            metrics.put("refit.events", (double) refitEvents);
        }
        try {
            InterestModelFile.write(dir.resolve(InterestModelFile.NAME), served.longTerm().model(), songIds, served.shortTerm().model(),
                    served.longTerm().tower());
            if (refit) {
                InterestModelFile.write(dir.resolve(JUDGED), judged.longTerm().model(), songIds, judged.shortTerm().model(),
                        judged.longTerm().tower());
            }
        } catch (IOException | RuntimeException e) {
            Folders.delete(dir);
            throw e;
        }
        Verdict verdict = compare(registry, metrics, check, to);
        String reason = verdict.reason();
        boolean promote = verdict.promote();
        String window = "[" + Instant.ofEpochMilli(first) + ", " + to + ")";
        ModelCard card = new ModelCard(InterestModelFile.KIND, version, now.toString(), Instant.ofEpochMilli(first).toString(), to.toString(),
                HexFormat.of().formatHex(hash.digest()), metrics, String.format(Locale.ROOT,
                "%s model (%s), %s song tower, %d dimensions, up to %d interests; trained on %d events of %s (%d listeners, %d songs) "
                        + "in %.1f s; judged on the next new song of %.0f listeners from %s on%s; %s",
                settings.kind().name().toLowerCase(Locale.ROOT), judged.longTerm().model().form().describe() + form.note(),
                settings.graph() && !neighbourhood.empty() ? "knowledge-aware" : "id-only",
                settings.dim(), settings.kind() == InterestModel.Kind.MIND ? settings.maxInterests() : 1, trained, window,
                judged.listeners(), songIds.size(), judged.longTerm().millis() / 1000.0, metrics.get("listeners.checked"), to,
                refit ? String.format(Locale.ROOT, "; then refit on all %d events up to the journal's end (what is served)", refitEvents) : "",
                reason));
        registry.store(card);
        if (promote) {
            registry.promote(InterestModelFile.KIND, version, reason);
        }
        return new Trained(card, promote, reason, judged.longTerm());
    }

    /** Both models trained on one window. */
    private record Fitted(InterestTrainer.Trained longTerm, NowTrainer.Trained shortTerm, int listeners) {}

    private static Fitted fit(ListeningHistory history, Map<String, NowSteps> plays, Map<String, Integer> index,
                              SongNeighbourhood neighbourhood, InterestTrainer.Settings settings, InterestModel.Form form,
                              NowTrainer.Settings nowSettings, long seed) {
        InterestTrainer.Trained t = fitLongTerm(history, index, neighbourhood, settings, form, seed);
        List<NowTrainer.Plays> byListener = plays.values().stream().map(p -> plays(p.steps(), index)).toList();
        return new Fitted(t, new NowTrainer(nowSettings).train(byListener, t.model(), seed), history.listeners().size());
    }

    private static InterestTrainer.Trained fitLongTerm(ListeningHistory history, Map<String, Integer> index, SongNeighbourhood neighbourhood,
                                                       InterestTrainer.Settings settings, InterestModel.Form form, long seed) {
        int[][] sequences = history.listeners().values().stream().map(h -> NextSongCheck.indices(h, index)).toArray(int[][]::new);
        return new InterestTrainer(settings, form).train(sequences, index.size(), neighbourhood, seed);
    }

    /** The form trained and judged, what its choice measured (card metrics) and what the card's note adds about it. */
    record FormChoice(InterestModel.Form form, Map<String, Double> metrics, String note) {}

    /**
     * The form to train, of {@code forms} (a kind's, {@link InterestTrainer#formsOf}; MIND's routed mean won on HetRec
     * and lost on the demo, docs/eval/interests.md): where there are several, each is trained on the training window
     * less its end ({@link #FORM_CHOICE_SHARE}) and judged on the next new song after that, and the better is kept
     * (HitRate@50, then NDCG@10; the first on a tie). Not on the held-out window: that would score the new version by
     * the better of two draws against the current one. Too few listeners to judge at the end of the window: the first.
     *
     * @param training the training window's events in time order, the first at {@code first}; the window ends at {@code cut}
     */
    static FormChoice chooseForm(List<Event> training, long first, long cut, List<InterestModel.Form> forms, Map<String, Integer> index,
                                 List<String> songIds, SongNeighbourhood neighbourhood, InterestTrainer.Settings settings, long seed) {
        if (forms.size() == 1) {
            return new FormChoice(forms.get(0), Map.of(), "");
        }
        long started = System.nanoTime();
        long innerCut = cut - Math.min(HOLDOUT.toMillis(), (long) ((cut - first) * FORM_CHOICE_SHARE));
        ListeningHistory innerBefore = new ListeningHistory();
        ListeningHistory innerAfter = new ListeningHistory();
        training.forEach(e -> (e.ts() < innerCut ? innerBefore : innerAfter).add(e));
        NextSongCheck check = new NextSongCheck(innerBefore, innerAfter, MAX_CHECKED);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("form.listeners.checked", (double) check.size());
        String window = "[" + Instant.ofEpochMilli(innerCut) + ", " + Instant.ofEpochMilli(cut) + ")";
        if (check.size() < MIN_CHECKED) {
            return new FormChoice(forms.get(0), metrics, String.format(Locale.ROOT, "; %s, the first of %d forms: %d listeners with a "
                    + "new song in %s, too few to choose", label(forms.get(0)), forms.size(), check.size(), window));
        }
        InterestModel.Form best = null;
        Map<String, Double> bestScores = null;
        for (InterestModel.Form form : forms) {
            InterestModel model = fitLongTerm(innerBefore, index, neighbourhood, settings, form, seed).model();
            Map<String, Double> scores = check.check(NextSongCheck.of(model, songIds));
            metrics.put("form." + label(form) + ".hitrate@" + NextSongCheck.HIT_AT, scores.get("hitrate@" + NextSongCheck.HIT_AT));
            metrics.put("form." + label(form) + ".ndcg@" + NextSongCheck.NDCG_AT, scores.get("ndcg@" + NextSongCheck.NDCG_AT));
            if (best == null || better(scores, bestScores)) {
                best = form;
                bestScores = scores;
            }
        }
        metrics.put("form.training.seconds", (System.nanoTime() - started) / 1e9);
        return new FormChoice(best, metrics, String.format(Locale.ROOT, "; %s, the better of %d forms on the next new song of %d "
                + "listeners in %s, each trained before it", label(best), forms.size(), check.size(), window));
    }

    /** Higher HitRate@50, or the same and a higher NDCG@10. */
    private static boolean better(Map<String, Double> mine, Map<String, Double> theirs) {
        double a = mine.get("hitrate@" + NextSongCheck.HIT_AT);
        double b = theirs.get("hitrate@" + NextSongCheck.HIT_AT);
        return a > b || a == b && mine.get("ndcg@" + NextSongCheck.NDCG_AT) > theirs.get("ndcg@" + NextSongCheck.NDCG_AT);
    }

    /** A form's name on the card: MIND's capsules with or without their songs' routed mean, or the single vector's cosine. */
    static String label(InterestModel.Form form) {
        return form.routedMean() ? "routed-mean" : form.normalised() ? "cosine" : "capsules";
    }

    /** One listener's plays as the short-term trainer takes them: song indices, outcomes, times. */
    private static NowTrainer.Plays plays(List<NowSteps.Step> steps, Map<String, Integer> index) {
        return new NowTrainer.Plays(steps.stream().mapToInt(s -> index.get(s.song())).toArray(),
                steps.stream().mapToInt(NowSteps.Step::outcome).toArray(), steps.stream().mapToLong(NowSteps.Step::ts).toArray());
    }

    private record Verdict(boolean promote, String reason) {}

    /** Whether and why the new version is promoted (its metrics gain the current version's as {@code current.*}). */
    private static Verdict compare(ModelRegistry registry, Map<String, Double> metrics, NextSongCheck check, Instant to) throws IOException {
        Optional<String> current = registry.current(InterestModelFile.KIND);
        if (current.isEmpty()) {
            return new Verdict(true, "first version of the interest model");
        }
        ModelCard cur = registry.card(InterestModelFile.KIND, current.get()).orElseThrow();
        if (Instant.parse(cur.windowTo()).isAfter(to)) {
            return new Verdict(false, "not promoted: the current version " + cur.version() + " learned from events up to "
                    + cur.windowTo() + ", inside this one's held-out window (from " + to + " on), so the two cannot be compared on it");
        }
        // the current version as it was judged (trained before its own cut), not what it serves after its refit
        Path curDir = registry.dir(InterestModelFile.KIND, cur.version());
        Path judgedFile = java.nio.file.Files.exists(curDir.resolve(JUDGED)) ? curDir.resolve(JUDGED) : curDir.resolve(InterestModelFile.NAME);
        InterestModelFile.Stored stored = InterestModelFile.read(judgedFile);
        Map<String, Double> theirs = check.check(NextSongCheck.of(stored.model(), stored.songIds()));
        theirs.forEach((k, v) -> metrics.put("current." + k, v));
        String key = "hitrate@" + NextSongCheck.HIT_AT;
        double mine = metrics.get(key);
        double other = theirs.get(key);
        boolean better = better(metrics, theirs);
        return new Verdict(better, String.format(Locale.ROOT, "%s: HitRate@50 of the next new song on the held-out window %.4f against %.4f of the "
                + "current version %s", better ? "promoted" : "not promoted", mine, other, cur.version()));
    }
}
