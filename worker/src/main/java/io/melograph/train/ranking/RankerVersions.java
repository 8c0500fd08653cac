package io.melograph.train.ranking;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.events.ItemCatalog;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.Head;
import io.melograph.rank.ItemSideInfo;
import io.melograph.rank.deep.ChainRanker;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerFile;
import io.melograph.rank.deep.RankerModels;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.train.ChainExposures;
import io.melograph.train.FtrlBehaviourRanker;
import io.melograph.util.Folders;
import io.melograph.util.Ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deep rankers as versions of the model registry ({@value RankerFile#KIND}): a {@link ChainRanker} trained on the journal's
 * labelled exposures before a cut ({@link JournalExposures}), judged on those after it by AUC, GAUC and log loss per
 * behaviour, beside FTRL trained on the same exposures (the first stage and fallback it has to beat) and the current
 * version. It is promoted only when its mean AUC over the behaviours is higher than both; a current version trained
 * past the cut cannot be compared, so the new one is kept, not promoted.
 */
public final class RankerVersions {
    /** The held-out window when none is given (as {@code train ranker}'s default {@code --holdout-days}). */
    public static final Duration HOLDOUT = Duration.ofDays(7);
    /** The listener and item standing for any the model never saw (index 0). */
    public static final String OTHER = "";
    /** Fewer held-out exposures than this (over all behaviours) judge nothing. */
    static final int MIN_HELD_OUT = 200;

    public record Trained(ModelCard card, boolean promoted, String reason) {}

    private RankerVersions() {}

    /**
     * @param songs the catalog's facts of a song (null when not a song or unknown): artists and genres for the model's features
     * @param from  events before it are not learned (null: from the start)
     * @param to    where the held-out window starts; null: {@code holdout} before the journal's newest event
     */
    public static Trained train(ModelRegistry registry, EventHistory history, Function<String, ItemCatalog.SongFacts> songs, String model,
                                DnnRanker.Settings settings, Instant from, Instant to, Duration holdout, long seed, Instant now)
            throws IOException {
        RankerModels.create(model, settings); // an unknown name fails before the journal is read
        List<Event> events = new ArrayList<>();
        history.readAll((e, after) -> {
            if (from == null || e.ts() >= from.toEpochMilli()) {
                events.add(e);
            }
        });
        if (events.isEmpty()) {
            throw new IllegalArgumentException(history + " has no events to train on");
        }
        events.sort(Comparator.comparingLong(Event::ts)); // the journal is in arrival order; histories are in time order
        Instant cutAt = to != null ? to : Instant.ofEpochMilli(events.get(events.size() - 1).ts()).minus(holdout);
        long cut = cutAt.toEpochMilli();
        List<Event> training = events.stream().filter(e -> e.ts() < cut).toList();
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no events before " + cutAt + " to train on");
        }
        List<String> userIds = JournalExposures.idsOf(training, Event::userId, OTHER);
        ItemSideInfo side = sideInfo(JournalExposures.idsOf(training, Event::itemId, OTHER), training, songs);
        JournalExposures journal = new JournalExposures(events, Ids.indexOf(userIds), Ids.indexOf(side.itemIds()));
        Map<Head, ChainExposures.Labelled> before = journal.before(cut);
        Map<Head, ChainExposures.Labelled> after = journal.after(cut);
        int heldOut = after.values().stream().mapToInt(l -> l.labels().length).sum();
        if (heldOut < MIN_HELD_OUT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the held-out window from %s on has %d exposures: too few "
                    + "to judge a ranker (at least %d); end the training window earlier (--to, --holdout-days)", cutAt, heldOut, MIN_HELD_OUT));
        }
        Map<Head, BehaviourData> train = new EnumMap<>(Head.class);
        before.forEach((h, l) -> train.put(h, new BehaviourData(userIds, side, l.exposures(), l.labels())));

        long started = System.nanoTime();
        ChainRanker fitted = ChainRanker.fit(model, settings, train, seed);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Head h : Head.values()) {
            judge(after.get(h), fitted.probabilities(h, after.get(h).exposures()), h.wire(), metrics);
            FtrlBehaviourRanker ftrl = new FtrlBehaviourRanker();
            ftrl.fit(train.get(h), seed);
            judge(after.get(h), ftrl.probabilities(after.get(h).exposures()), "ftrl." + h.wire(), metrics);
            metrics.put(h.wire() + ".exposures.trained", (double) before.get(h).labels().length);
        }
        fitted.close(); // judged: its scoring sessions are freed (the service serves a version as read from disk)
        metrics.put("auc.mean", meanAuc(metrics, ""));
        metrics.put("ftrl.auc.mean", meanAuc(metrics, "ftrl."));
        metrics.put("listeners", (double) userIds.size() - 1);
        metrics.put("items", (double) side.size() - 1);
        metrics.put("training.seconds", seconds);

        String version = registry.newVersion(RankerFile.KIND, now);
        Path dir = registry.dir(RankerFile.KIND, version);
        try {
            fitted.write(dir);
        } catch (IOException | RuntimeException e) {
            Folders.delete(dir);
            throw e;
        }
        Verdict verdict = compare(registry, metrics, events, cutAt);
        MessageDigest hash = ModelRegistry.dataHash();
        training.forEach(e -> hash.update((e.eventId() + "\n").getBytes(StandardCharsets.UTF_8)));
        Instant first = Instant.ofEpochMilli(training.get(0).ts());
        ModelCard card = new ModelCard(RankerFile.KIND, version, now.toString(), first.toString(), cutAt.toString(),
                HexFormat.of().formatHex(hash.digest()), metrics, String.format(Locale.ROOT,
                "%s ranker: trained on %d events of [%s, %s) (%d listeners, %d items) in %.1f s; judged on %d exposures from %s "
                        + "on against FTRL on the same exposures (mean AUC %.4f against %.4f); %s. Fit: %s",
                model, training.size(), first, cutAt, userIds.size() - 1, side.size() - 1, seconds, heldOut, cutAt,
                metrics.get("auc.mean"), metrics.get("ftrl.auc.mean"), verdict.reason(), fitted.note()));
        registry.store(card);
        if (verdict.promote()) {
            registry.promote(RankerFile.KIND, version, verdict.reason());
        }
        return new Trained(card, verdict.promote(), verdict.reason());
    }

    /** Song facts from the catalog, play counts from the training events (popularity known before the cut). */
    private static ItemSideInfo sideInfo(List<String> itemIds, List<Event> training, Function<String, ItemCatalog.SongFacts> songs) {
        Map<String, Integer> index = Ids.indexOf(itemIds);
        long[] plays = new long[itemIds.size()];
        for (Event e : training) {
            if (e.action() == Action.PLAY) {
                plays[index.get(e.itemId())]++;
            }
        }
        List<List<String>> artists = new ArrayList<>(itemIds.size());
        List<List<String>> genres = new ArrayList<>(itemIds.size());
        for (String id : itemIds) {
            ItemCatalog.SongFacts f = id.equals(OTHER) ? null : songs.apply(id);
            artists.add(f == null ? List.of() : f.artistIds());
            genres.add(f == null ? List.of() : f.genres());
        }
        return new ItemSideInfo(itemIds, artists, genres, plays);
    }

    /** AUC, GAUC (by listener) and log loss of one behaviour's held-out exposures, under {@code prefix}. */
    private static void judge(ChainExposures.Labelled test, double[] p, String prefix, Map<String, Double> metrics) {
        test.judged(p).forEach((name, value) -> metrics.put(prefix + "." + name, value));
    }

    /** The mean AUC over the behaviours that have one (NaN: none). */
    private static double meanAuc(Map<String, Double> metrics, String prefix) {
        double sum = 0;
        int n = 0;
        for (Head h : Head.values()) {
            Double auc = metrics.get(prefix + h.wire() + ".auc");
            if (auc != null && !Double.isNaN(auc)) {
                sum += auc;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private record Verdict(boolean promote, String reason) {}

    /** Against FTRL and the current version, both judged on the same held-out exposures (the current one's metrics added as {@code current.*}). */
    private static Verdict compare(ModelRegistry registry, Map<String, Double> metrics, List<Event> events, Instant cutAt)
            throws IOException {
        double mine = metrics.get("auc.mean");
        double ftrl = metrics.get("ftrl.auc.mean");
        Optional<ModelCard> cur = registry.current(RankerFile.KIND).flatMap(v -> registry.card(RankerFile.KIND, v));
        if (cur.isPresent() && Instant.parse(cur.get().windowTo()).isAfter(cutAt)) {
            return new Verdict(false, "not promoted: the current version " + cur.get().version() + " learned from events up to "
                    + cur.get().windowTo() + ", inside this one's held-out window (from " + cutAt + " on), so the two cannot be compared on it");
        }
        String theirName = null;
        if (cur.isPresent()) {
            try (ChainRanker theirs = ChainRanker.read(registry.dir(RankerFile.KIND, cur.get().version()))) {
                theirName = theirs.name();
                JournalExposures asTheySee = new JournalExposures(events, Ids.indexOf(theirs.userIds()),
                        Ids.indexOf(theirs.itemIds()));
                Map<Head, ChainExposures.Labelled> after = asTheySee.after(cutAt.toEpochMilli());
                for (Head h : Head.values()) {
                    judge(after.get(h), theirs.probabilities(h, after.get(h).exposures()), "current." + h.wire(), metrics);
                }
            }
            metrics.put("current.auc.mean", meanAuc(metrics, "current."));
        }
        if (!(mine > ftrl)) {
            return new Verdict(false, String.format(Locale.ROOT, "not promoted: its mean AUC %.4f does not beat FTRL's %.4f on the same "
                    + "held-out exposures", mine, ftrl));
        }
        if (cur.isEmpty()) {
            return new Verdict(true, String.format(Locale.ROOT, "first ranker version, ahead of FTRL (mean AUC %.4f against %.4f)",
                    mine, ftrl));
        }
        double other = metrics.get("current.auc.mean");
        boolean better = mine > other;
        return new Verdict(better, String.format(Locale.ROOT, "%s: mean AUC on the held-out exposures %.4f against %.4f of the current "
                + "version %s (%s) and %.4f of FTRL", better ? "promoted" : "not promoted", mine, other, cur.get().version(), theirName, ftrl));
    }
}
