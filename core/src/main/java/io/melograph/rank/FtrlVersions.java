package io.melograph.rank;

import io.melograph.metric.Auc;
import io.melograph.metric.LogLoss;
import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.events.ItemCatalog;
import io.melograph.events.JournalPosition;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.util.Folders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * FTRL rankers as versions of the model registry ({@value #KIND}). A version is trained on the journal's events of a
 * window {@code [from, to)} and judged on what came after it: the held-out events from {@code to} on are replayed
 * through the model as the service would meet them (each example predicted, then learned), and each head's AUC and
 * log loss of those predictions are its metrics. The current version is judged the same way on the same held-out
 * events, from the state it would have had at {@code to}; the new one is promoted only when its mean AUC over the
 * heads is higher. A current version that has learned from the held-out window cannot be compared: the new one is
 * kept, not promoted, and its card says why.
 */
public final class FtrlVersions {
    public static final String KIND = "ftrl";
    /** Fewer held-out complete/skip examples than this judge nothing. */
    static final int MIN_HELD_OUT = 200;

    /** What training made: the stored card, and whether (and why) it was promoted. */
    public record Trained(ModelCard card, boolean promoted, String reason) {}

    private record Positioned(Event event, JournalPosition before, JournalPosition after) {}

    private FtrlVersions() {}

    /**
     * Trains a version on the recorded events (read beside a running service's intake) and
     * stores it in the registry, promoting it when it beats the current one.
     *
     * @param from    events before it are not learned (null: from the start)
     * @param to      where the held-out window starts (events from it on are only used to judge); null: {@code holdout}
     *                before the journal's newest event
     * @param holdout the held-out window's length when {@code to} is null
     */
    public static Trained train(ModelRegistry registry, EventHistory history, Instant from, Instant to, java.time.Duration holdout,
                                FtrlRanker.Config config, Function<String, ItemCatalog.SongFacts> songs, Instant now) throws IOException {
        List<Positioned> events = read(history);
        if (events.isEmpty()) {
            throw new IllegalArgumentException(history + " is empty: nothing to train on");
        }
        if (to == null) {
            to = Instant.ofEpochMilli(events.stream().mapToLong(p -> p.event().ts()).max().orElseThrow()).minus(holdout);
        }
        int split = 0;
        while (split < events.size() && events.get(split).event().ts() < to.toEpochMilli()) {
            split++;
        }
        List<Positioned> heldOut = events.subList(split, events.size());
        if (heldOut.isEmpty()) {
            throw new IllegalArgumentException("no events from " + to + " on to judge the new model with: choose an earlier end of "
                    + "its window (--holdout-days)");
        }
        String version = registry.newVersion(KIND, now);
        Path dir = registry.dir(KIND, version);
        OnlineRanking model = OnlineRanking.fresh(dir, config, songs);
        MessageDigest hash = ModelRegistry.dataHash();
        long trained = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Positioned p : events.subList(0, split)) {
            if (from == null || p.event().ts() >= from.toEpochMilli()) {
                model.accept(p.event(), p.before(), p.after());
                hash.update((p.event().eventId() + "\n").getBytes(StandardCharsets.UTF_8));
                trained++;
                first = Math.min(first, p.event().ts());
                last = Math.max(last, p.event().ts());
            }
        }
        if (trained == 0) {
            throw new IllegalArgumentException("no events in the training window [" + from + ", " + to + ")");
        }
        model.snapshot(); // the version is the state at the end of its window
        Map<String, Double> metrics = judge(model, heldOut);
        double judged = metrics.get("examples." + Head.COMPLETE.wire());
        if (judged < MIN_HELD_OUT || Double.isNaN(metrics.get("auc.mean"))) {
            Folders.delete(dir);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the held-out window from %s on holds %d events and "
                    + "%.0f complete-or-skip examples: too few to judge a model (at least %d); end the training window earlier "
                    + "(--to, --holdout-days)", to, heldOut.size(), judged, MIN_HELD_OUT));
        }
        metrics.put("events.trained", (double) trained);
        String window = "[" + Instant.ofEpochMilli(first) + ", " + to + ")";
        Optional<String> current = registry.current(KIND);
        String reason;
        boolean promote;
        if (current.isEmpty()) {
            promote = true;
            reason = "first version of the ranker";
        } else {
            ModelCard cur = registry.card(KIND, current.get()).orElseThrow();
            Optional<Map<String, Double>> curMetrics = judgeCurrent(registry.dir(KIND, cur.version()).resolve(OnlineRanking.FILE),
                    config, songs, events, split);
            if (curMetrics.isEmpty()) {
                promote = false;
                reason = "not promoted: the current version " + cur.version() + " has learned from the held-out window (from "
                        + to + " on), so the two cannot be compared on it";
            } else {
                double mine = metrics.get("auc.mean");
                double theirs = curMetrics.get().get("auc.mean");
                promote = mine > theirs;
                reason = String.format(Locale.ROOT, "%s: mean AUC over the heads on the held-out window %.4f against %.4f of the current "
                        + "version %s", promote ? "promoted" : "not promoted", mine, theirs, cur.version());
                curMetrics.get().forEach((k, v) -> metrics.put("current." + k, v));
            }
        }
        ModelCard card = new ModelCard(KIND, version, now.toString(), Instant.ofEpochMilli(first).toString(), to.toString(),
                HexFormat.of().formatHex(hash.digest()), metrics, "trained on " + trained + " events of " + window + "; judged on "
                + heldOut.size() + " events from " + to + " on; " + reason);
        registry.store(card);
        if (promote) {
            registry.promote(KIND, version, reason);
        }
        return new Trained(card, promote, reason);
    }

    /**
     * The current version as it would have stood at the held-out window's start (its snapshot, then the events up to
     * there it had not learned), judged on the held-out events; empty when it has learned past that start.
     */
    private static Optional<Map<String, Double>> judgeCurrent(Path snapshot, FtrlRanker.Config config,
                                                              Function<String, ItemCatalog.SongFacts> songs,
                                                              List<Positioned> events, int split) {
        OnlineRanking current = OnlineRanking.restore(snapshot, snapshot.getParent(), config, songs)
                .readingLanes(events.isEmpty() ? 1 : events.get(events.size() - 1).after().lanes());
        JournalPosition heldOutStart = split < events.size() ? events.get(split).before() : events.get(events.size() - 1).after();
        if (!current.learnedUpTo().atOrBefore(heldOutStart)) {
            return Optional.empty();
        }
        for (Positioned p : events.subList(0, split)) {
            current.accept(p.event(), p.before(), p.after()); // learned only past its snapshot; before, sessions rebuilt
        }
        return Optional.of(judge(current, events.subList(split, events.size())));
    }

    /** Each head's AUC and log loss of the predictions made before learning each held-out example. */
    static Map<String, Double> judge(OnlineRanking model, List<Positioned> heldOut) {
        EnumMap<Head, List<double[]>> seen = new EnumMap<>(Head.class);
        for (Head h : Head.values()) {
            seen.put(h, new ArrayList<>());
        }
        model.predictions((head, p, label) -> seen.get(head).add(new double[] {p, label ? 1 : 0}));
        for (Positioned p : heldOut) {
            model.accept(p.event(), p.before(), p.after());
        }
        model.predictions(null);
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        int heads = 0;
        for (Head h : Head.values()) {
            List<double[]> rows = seen.get(h);
            double[] scores = rows.stream().mapToDouble(r -> r[0]).toArray();
            boolean[] labels = new boolean[rows.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = rows.get(i)[1] == 1;
            }
            double auc = Auc.of(scores, labels);
            out.put("auc." + h.wire(), auc);
            out.put("logloss." + h.wire(), LogLoss.of(scores, labels));
            out.put("examples." + h.wire(), (double) labels.length);
            if (!Double.isNaN(auc)) {
                sum += auc;
                heads++;
            }
        }
        out.put("auc.mean", heads == 0 ? Double.NaN : sum / heads);
        return out;
    }

    private static List<Positioned> read(EventHistory history) {
        List<Positioned> out = new ArrayList<>();
        JournalPosition[] before = {JournalPosition.START};
        history.readAll((e, after) -> {
            out.add(new Positioned(e, before[0], after));
            before[0] = after;
        });
        return out;
    }
}
