package io.melograph.eval.replay;

import io.melograph.eval.EvalReport;
import io.melograph.eval.ModelResult;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventHistory;
import io.melograph.events.ItemType;
import io.melograph.graph.GraphConnection;
import io.melograph.scene.SceneConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code melograph eval replay}: the production scenes replayed on a journal split in time. The state as of the cut
 * is built in a scratch home ({@link ReplayWorld}); then, for every listener with held-out plays, the Daily list of
 * their first 06:00 after the cut, Private FM sessions started where their held-out sessions started, and similar
 * songs for held-out seeds are asked of the production code and scored against what they did ({@link ReplayScoring}).
 */
public final class ReplayEvaluation {
    public static final String NAME = "replay";
    public static final List<String> SCENES = List.of("daily", "fm", "similar", ReplayWorld.DAILY_STORED);
    /** The row of Daily's lists without their familiar songs. */
    static final String DISCOVERIES = "daily-discoveries";

    /**
     * @param scenes       which of {@link #SCENES} to replay
     * @param listeners    at most this many listeners (a seeded sample), 0 for all
     * @param dailySize    length of the Daily lists asked for (the service's is 30; 50 scores @50)
     * @param fmSessions   held-out sessions replayed per listener
     * @param fmSteps      songs served per replayed FM session
     * @param similarSeeds held-out seeds per listener for similar songs
     * @param budget       every channel's time budget in the replay (raised so load cannot drop a channel)
     */
    /** @param ranker the deep ranker trained in the replayed world to re-rank FTRL's top candidates (null: FTRL alone) */
    public record Options(ReplayCut cut, List<String> scenes, int listeners, int dailySize, int fmSessions, int fmSteps,
                          int similarSeeds, Duration budget, long seed, String ranker) {
        public Options {
            scenes = List.copyOf(scenes);
            for (String s : scenes) {
                if (!SCENES.contains(s)) {
                    throw new IllegalArgumentException("unknown scene '" + s + "': " + String.join(", ", SCENES));
                }
            }
            if (listeners < 0 || dailySize < 1 || fmSessions < 1 || fmSteps < 1 || similarSeeds < 1 || budget.isNegative()) {
                throw new IllegalArgumentException("listeners >= 0; Daily size, FM sessions and steps, similar seeds >= 1");
            }
        }

        public static Options defaults(ReplayCut cut) {
            return new Options(cut, List.of("daily", "fm", "similar"), 0, 50, 1, 50, 1, Duration.ofSeconds(5), 42, null);
        }
    }

    /** The report, and per scene each channel's share of its hits. */
    public record Outcome(EvalReport report, Map<String, Map<String, Double>> hitsByChannel) {}

    private ReplayEvaluation() {}

    /**
     * @param source     the graph whose catalog and world are copied (never written to)
     * @param history    the events to replay (a journal is read without its lock: a running service may keep writing)
     */
    public static Outcome run(GraphConnection source, EventHistory history, SceneConfig config, Options o, int dimensions,
                              Consumer<String> log) {
        long started = System.nanoTime();
        EventSplit split = EventSplit.of(history, o.cut());
        log.accept(String.format("read %,d events; %,d listeners have held-out plays", split.events(), split.heldOut().size()));
        if (split.heldOut().isEmpty()) {
            throw new IllegalArgumentException("no listener played anything in the held-out window (" + o.cut().describe()
                    + "): choose an earlier cut");
        }
        List<HeldOut> listeners = sample(split.heldOut(), o.listeners(), o.seed());
        List<ModelResult> results = new ArrayList<>();
        Map<String, Map<String, Double>> byChannel = new LinkedHashMap<>();
        Map<String, Object> sizes = new LinkedHashMap<>(split.sizes());
        sizes.put("listeners replayed", listeners.size());
        try (ReplayWorld world = ReplayWorld.build(source, split.before(), config, o.budget(), dimensions, o.seed(), log)) {
            sizes.put("catalog nodes copied", world.copied.nodes());
            sizes.put("songs in the catalog", world.catalog.count(ItemType.SONG));
            if (o.ranker() != null) {
                sizes.put("deep ranker", world.trainRanker(o.ranker(), o.seed(), log));
            }
            ReplayScoring.Songs songs = ReplayScoring.Songs.of(world, split);
            // in the order of SCENES: daily-stored last, since recall answers from the store from then on
            for (String scene : SCENES.stream().filter(o.scenes()::contains).toList()) {
                long t = System.nanoTime();
                Map<String, Object> params = new LinkedHashMap<>();
                List<Served> served = switch (scene) {
                    case "daily" -> {
                        params.put("size", o.dailySize());
                        yield DailyReplay.run(world, listeners, o.dailySize());
                    }
                    case ReplayWorld.DAILY_STORED -> {
                        params.put("size", o.dailySize());
                        yield DailyReplay.run(world.dailyFromNeighbours(log), listeners, o.dailySize());
                    }
                    case "fm" -> {
                        params.put("sessions per listener", o.fmSessions());
                        params.put("songs per session", o.fmSteps());
                        yield FmSessionReplay.run(world, listeners, o.fmSessions(), o.fmSteps());
                    }
                    default -> {
                        params.put("seeds per listener", o.similarSeeds());
                        yield SimilarReplay.run(world, listeners, o.similarSeeds(), 50);
                    }
                };
                double seconds = (System.nanoTime() - t) / 1e9;
                ReplayScoring.Scored s = ReplayScoring.score(scene, served, songs, params, seconds);
                results.add(s.result());
                byChannel.put(scene, s.hitsByChannel());
                if (scene.equals("daily")) { // familiar songs take most hits: the discovery part on its own
                    results.add(ReplayScoring.score(DISCOVERIES, served.stream().map(Served::discoveries).toList(), songs, params,
                            seconds).result());
                }
                log.accept(String.format("%s: %,d answers scored in %.1f s", scene, served.size(), s.result().seconds()));
            }
        }
        EvalReport report = new EvalReport(NAME, history.toString(), split.checksum(), sizes, o.cut().describe(),
                o.seed(), results, Map.of(), notes(o), (System.nanoTime() - started) / 1e9);
        return new Outcome(report, byChannel);
    }

    /** Plays per song before the cut (play and complete events), for popularity-based metrics. */
    static Map<String, Integer> playsBefore(List<Event> before) {
        Map<String, Integer> plays = new HashMap<>();
        for (Event e : before) {
            if (e.itemType() == ItemType.SONG && e.action() == Action.PLAY) {
                plays.merge(e.itemId(), 1, Integer::sum);
            }
        }
        return plays;
    }

    /** All listeners in id order, or a sample of {@code n} drawn with the seed (then in id order again). */
    static List<HeldOut> sample(Map<String, HeldOut> all, int n, long seed) {
        List<HeldOut> list = new ArrayList<>(all.values());
        if (n > 0 && n < list.size()) {
            Collections.shuffle(list, new Random(seed));
            list = new ArrayList<>(list.subList(0, n));
            list.sort(java.util.Comparator.comparing(HeldOut::userId));
        }
        return list;
    }

    private static List<String> notes(Options o) {
        return List.of(
                "State at the cut: the catalog and its world (playlists, videos, MLOGs, profiles, friendships) copied from the "
                        + "source graph; listening aggregated, graph embeddings (FastRP) and the FTRL ranker trained only on events "
                        + "before each listener's cut, through the service's own intake, aggregation and ranking classes.",
                "Scenes are the production classes with the configured policies (melograph.scenes.*); every channel's budget is "
                        + "raised to " + o.budget().toMillis() + " ms and FM's background refills run inline, so the machine's load "
                        + "cannot change the numbers (p50/p99-ms are still the real compute times).",
                "daily: the list of each listener's first 06:00 after their cut (their profile's zone, else UTC), scored against "
                        + "every song they played in the held-out window; familiar songs from their rotation count as hits too. "
                        + "daily-discoveries: the same lists without their familiar songs (the rest moves up), scored the same way.",
                "daily-stored: the same Daily after the neighbour store is built from the state at the cut: recall merges the "
                        + "seed songs' stored neighbour lists instead of asking the graph (listener-level channels and artist seeds "
                        + "still ask it); replayed after the other scenes. Compare with daily: the fast path must recommend as well.",
                "fm: a session started at each held-out session's start (" + o.fmSessions() + " per listener); a served song the "
                        + "listener played in that session gets their real reactions at the radio's time, any other is an exposure; "
                        + "scored against that session.",
                "similar: /songs/{id}/similar for the first song of a held-out session, scored against the other songs played "
                        + "in that session after it.",
                "Listeners new after the cut get no Daily or FM answer (onboarding is not replayed); skipped@50: of the served "
                        + "songs the listener played or skipped, the share skipped; net.ndcg@k: NDCG@k of the completes with each "
                        + "skipped song in the top k counted −1 (a list can score below 0).");
    }

}
