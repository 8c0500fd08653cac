package io.melograph.scene;

import io.melograph.TestGraph;
import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventIntake;
import io.melograph.events.FileJournal;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerStates;
import io.melograph.events.SongPopularity;
import io.melograph.graph.GraphConnection;
import io.melograph.rank.HeadWeights;
import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerProfile;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.RecallService;
import io.melograph.util.BusyCpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Path;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scenes on a small graph through the real recall channels, event intake and journal: Daily's rules and
 * stability, Private FM reacting to skips and likes without repeats, onboarding of a cold listener, playlists,
 * videos and MLOGs with reasons, and the popularity fallback when every channel runs out of time.
 */
class ScenesTest {
    @TempDir
    static Path home;
    private static GraphConnection graph;
    private static FileJournal journal;
    private static EventIntake intake;
    private static RecallService recall;
    private static DailyMixScene daily;
    private static PrivateFmScene fm;
    private static ListScene playlists;
    private static ListScene videos;
    private static ListScene mlogs;
    private static ItemCatalog catalog;
    private static SceneRecall sceneRecall;
    private static Picks picks;
    private static SceneKit kit;
    private static Set<String> known;
    private static final ExecutorService background = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void scenes() {
        TestGraph.clear();
        graph = TestGraph.connection();
        try (Session s = graph.session()) {
            // 6 artists (3 rock, 3 jazz), an album of 8 songs each; Ana plays rock artist 1 and disliked one song;
            // songs of the same artist are co-listened; Ben made a playlist of artist 2's songs
            s.run("""
                    UNWIND range(1, 6) AS a
                    MERGE (g:Genre {id: CASE WHEN a <= 3 THEN 'g-rock' ELSE 'g-jazz' END})
                      ON CREATE SET g.name = CASE WHEN a <= 3 THEN 'rock' ELSE 'jazz' END
                    CREATE (ar:Artist {id: 'a' + a, name: 'Artist ' + a})-[:HAS_GENRE]->(g)
                    CREATE (al:Album {id: 'al' + a, name: 'Album ' + a})-[:BY]->(ar)
                    WITH a, ar, al, g
                    UNWIND range(1, 8) AS i
                    CREATE (s:Song {id: 's' + a + '-' + i, name: 'Song ' + a + '.' + i})-[:ON_ALBUM {track: i}]->(al)
                    CREATE (s)-[:PERFORMED_BY]->(ar)
                    CREATE (s)-[:HAS_GENRE]->(g)
                    """).consume();
            s.run("""
                    MATCH (a:Song), (b:Song) WHERE a.id < b.id AND split(a.id, '-')[0] = split(b.id, '-')[0]
                    CREATE (a)-[:CO_LISTENED {weight: 3}]->(b)
                    """).consume();
            s.run("""
                    CREATE (ana:User {id: 'u-ana', name: 'Ana'}), (ben:User {id: 'u-ben', name: 'Ben'}), (cy:User {id: 'u-cy', name: 'Cy'})
                    WITH ana, ben, cy
                    MATCH (s:Song) WHERE s.id STARTS WITH 's1-' AND s.id <> 's1-8'
                    CREATE (ana)-[:LISTENED {plays: 10, completes: 8}]->(s)
                    WITH DISTINCT ana, ben, cy
                    MATCH (bad:Song {id: 's1-8'}) CREATE (ana)-[:LISTENED {plays: 1, skips: 1, disliked: true}]->(bad)
                    WITH ana, ben, cy
                    MATCH (s:Song) WHERE s.id STARTS WITH 's1-' OR s.id STARTS WITH 's2-'
                    CREATE (ben)-[:LISTENED {plays: 3}]->(s)
                    CREATE (cy)-[:LISTENED {plays: 1}]->(s)
                    WITH DISTINCT ben, cy
                    CALL { WITH cy MATCH (j:Song) WHERE j.id >= 's4' CREATE (cy)-[:LISTENED {plays: 1}]->(j) }
                    WITH DISTINCT ben
                    CREATE (ben)-[:CREATED]->(p:Playlist {id: 'pl-ben', name: 'Ben mix'})
                    WITH p
                    MATCH (s:Song) WHERE s.id STARTS WITH 's2-'
                    CREATE (p)-[:CONTAINS]->(s)
                    """).consume();
            s.run("""
                    MATCH (s1:Song {id: 's1-1'}), (s2:Song {id: 's1-2'})
                    CREATE (:Video {id: 'v1', name: 'Video one'})-[:FEATURES]->(s1)
                    CREATE (:Mlog {id: 'm1', name: 'Mlog one'})-[:USES]->(s2)
                    """).consume();
        }
        journal = FileJournal.open(home.resolve("journal"));
        catalog = new ItemCatalog(graph).reload();
        ListenerStates states = new ListenerStates(catalog);
        intake = new EventIntake(journal, catalog, states).awaitCaughtUp();
        // profiles remembered as the service does: onboarding must tell them (aColdListenerStartsFromOnboarding)
        recall = new RecallService(graph, new ListenerProfiles(graph, states, 1_000, Duration.ofMinutes(10)), Duration.ofSeconds(10),
                new SimpleMeterRegistry());
        SongPopularity popularity = new SongPopularity(graph).reload();
        sceneRecall = new SceneRecall(recall, popularity, catalog, new PopularItems(graph));
        picks = new Picks(catalog, popularity);
        known = recall.channels().keySet();
        String songChannels = "kg-co-listened,kg-same-artist,kg-same-album,kg-tags,kg-playlists,vector";
        kit = new SceneKit(recall, sceneRecall, CandidateRanker.FUSED_SCORE, picks);
        daily = new DailyMixScene(kit,
                ScenePolicies.parse("daily", List.of(songChannels.split(",")), "kg-co-listened=1", "", "", "", 60, 10_000, known),
                new DailyMixScene.Settings(12, 0.25, 2), new DailyStore(home.resolve("daily"), 1_000), background, Duration.ofSeconds(10));
        fm = fmScene();
        playlists = new ListScene("playlists", "playlist", kit,
                ScenePolicies.parse("playlists", List.of("pl-with-your-songs,pl-similar-listeners,pl-your-genres".split(",")), "", "", "", "", 50, 10_000, known));
        videos = new ListScene("videos", "video", kit,
                ScenePolicies.parse("videos", List.of("kg-videos".split(",")), "", "", "", "", 200, 10_000, known));
        mlogs = new ListScene("mlogs", "mlog", kit,
                ScenePolicies.parse("mlogs", List.of("kg-videos".split(",")), "", "", "", "", 200, 10_000, known));
    }

    @AfterAll
    static void close() {
        background.shutdownNow();
        recall.close();
        journal.close();
    }

    private static void send(String user, Action action, String song) {
        long before = intake.states().get(user).map(st -> st.events()).orElse(0L);
        intake.accept(List.of(new Event(UUID.randomUUID().toString(), user, song, ItemType.SONG, action, Event.UNKNOWN,
                Event.UNKNOWN, "fm", System.currentTimeMillis()))).join();
        long deadline = System.currentTimeMillis() + 5_000;
        while (intake.states().get(user).map(st -> st.events()).orElse(0L) <= before && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static String artistOf(String songId) {
        return songId.substring(1, songId.indexOf('-'));
    }

    @Test
    void dailyMixesFamiliarAndDiscoveryCapsArtistsLeavesOutDislikesAndStaysAllDay() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        DailyList list = daily.daily("u-ana", ZoneId.of("UTC"), 12, now).orElseThrow();
        List<String> ids = list.items().stream().map(Pick::id).toList();
        assertEquals(12, ids.size(), ids.toString());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates");
        assertFalse(ids.contains("s1-8"), "never a disliked song");
        Map<String, Integer> perArtist = new HashMap<>();
        ids.forEach(id -> perArtist.merge(artistOf(id), 1, Integer::sum));
        assertTrue(perArtist.values().stream().allMatch(n -> n <= 2), perArtist.toString());
        long familiar = list.items().stream().filter(Pick::familiar).count();
        assertTrue(familiar >= 1 && familiar <= 3, "a quarter familiar (capped per artist): " + familiar);
        list.items().forEach(p -> {
            assertFalse(p.reason().isBlank(), p.toString());
            assertFalse(p.channels().isEmpty(), p.toString());
        });
        assertTrue(list.items().stream().filter(p -> !p.familiar()).allMatch(p -> !p.id().startsWith("s1-")),
                "discoveries are songs Ana has not heard");
        assertEquals("ok", list.channels().get("kg-co-listened"));
        assertTrue(list.items().stream().anyMatch(p -> p.channels().equals(List.of(SceneRecall.POPULAR))),
                "recall reaches only rock; popular songs fill the list");

        DailyList later = daily.daily("u-ana", ZoneId.of("UTC"), 12, now.plus(Duration.ofHours(10))).orElseThrow();
        assertEquals(list.items(), later.items(), "same list all day");
        assertEquals("2026-11-28", later.day());
        DailyList nextDay = daily.daily("u-ana", ZoneId.of("UTC"), 12, Instant.parse("2026-11-29T06:00:01Z")).orElseThrow();
        assertEquals("2026-11-29", nextDay.day());
        assertNotEquals(list.generatedAt(), nextDay.generatedAt(), "recomputed at 06:00");
        assertTrue(daily.daily("u-nobody", null, 12, now).isEmpty());
    }

    @Test
    void aServingProcessThatLosesTheDailyRaceAnswersTheWinnersListAndTeachesItsRankerThatList() {
        // two serving processes sharing the Daily folder, ranking differently: the second is still ranking when the
        // first keeps its list (lists of 4, so the two rankings pick different songs from Ben's candidates)
        Path shared = home.resolve("daily-shared");
        Instant now = Instant.parse("2026-11-28T11:00:00Z");
        List<Told> firstServed = new ArrayList<>();
        List<Told> secondServed = new ArrayList<>();
        CandidateRanker lastIdsFirst = (user, scene, heads, position, at, candidates) -> {
            List<String> ids = candidates.stream().map(Fusion.Fused::itemId).sorted().toList();
            return new CandidateRanker.Ranking(candidates.stream().mapToDouble(f -> ids.indexOf(f.itemId())).toArray(), "ids");
        };
        DailyMixScene first = dailyOver(shared, recording(lastIdsFirst, firstServed));
        CandidateRanker slow = (user, scene, heads, position, at, candidates) -> {
            first.daily(user, ZoneId.of("UTC"), 4, now); // the other process finishes first
            return CandidateRanker.FUSED_SCORE.rank(user, scene, heads, position, at, candidates);
        };
        DailyMixScene second = dailyOver(shared, recording(slow, secondServed));

        DailyList answered = second.daily("u-ben", ZoneId.of("UTC"), 4, now).orElseThrow();

        DailyList kept = first.daily("u-ben", ZoneId.of("UTC"), 4, now).orElseThrow();
        assertEquals(kept, answered, "the loser answers the list kept first");
        List<String> shown = kept.items().stream().filter(p -> !p.familiar()).map(p -> p.id() + " " + p.channels()).toList();
        List<String> own = dailyOver(home.resolve("daily-alone"), CandidateRanker.FUSED_SCORE)
                .daily("u-ben", ZoneId.of("UTC"), 4, now).orElseThrow().items().stream().filter(p -> !p.familiar())
                .map(p -> p.id() + " " + p.channels()).toList();
        assertNotEquals(shown, own, "the two processes' lists differ");
        assertEquals(List.of(shown, shown), firstServed.stream().map(Told::songs).toList(),
                "the winner's ranker learns the songs it showed, with their channels, at each of its two answers");
        assertEquals(List.of(shown), secondServed.stream().map(Told::songs).toList(),
                "and so does the loser's: the songs the listener was shown");
    }

    @Test
    void aDailyListComputedAheadIsLearnedFromWhenTheListenerOpensIt() {
        List<Told> told = new ArrayList<>();
        DailyMixScene ahead = dailyOver(home.resolve("daily-ahead"), recording(CandidateRanker.FUSED_SCORE, told));
        Instant before = Instant.parse("2026-12-05T04:00:00Z");
        assertTrue(ahead.prepare("u-ben", before.plus(Duration.ofHours(2)), before), "5 December's list computed at 04:00");
        assertEquals(List.of(), told, "nobody has seen it yet");

        Instant opened = Instant.parse("2026-12-05T09:00:00Z"); // beyond ServedLists' hours after 04:00
        DailyList list = ahead.daily("u-ben", null, 4, opened).orElseThrow();
        assertEquals(before.toString(), list.generatedAt(), "the list computed ahead is answered");
        List<String> shown = list.items().stream().filter(p -> !p.familiar()).map(p -> p.id() + " " + p.channels()).toList();
        assertFalse(shown.isEmpty());
        assertEquals(List.of(new Told(opened.toEpochMilli(), shown)), told,
                "the ranker learns the songs shown, with their channels, at the time they were shown");
    }

    /** What one call of {@code served} told a ranker: when, and each song with its channels. */
    private record Told(long at, List<String> songs) {}

    /** Daily lists of 4 songs kept in {@code folder}. */
    private static DailyMixScene dailyOver(Path folder, CandidateRanker ranker) {
        String songChannels = "kg-co-listened,kg-same-artist,kg-same-album,kg-tags,kg-playlists,vector";
        return new DailyMixScene(new SceneKit(recall, sceneRecall, ranker, picks),
                ScenePolicies.parse("daily", List.of(songChannels.split(",")), "kg-co-listened=1", "", "", "", 60, 10_000, known),
                new DailyMixScene.Settings(4, 0.25, 2), new DailyStore(folder, 1_000), background, Duration.ofSeconds(10));
    }

    /** The ranker, with what each call of {@code served} was told added to {@code told}. */
    private static CandidateRanker recording(CandidateRanker ranker, List<Told> told) {
        return new CandidateRanker() {
            @Override
            public Ranking rank(String user, String scene, HeadWeights heads, int position, long at,
                                List<Fusion.Fused> candidates) {
                return ranker.rank(user, scene, heads, position, at, candidates);
            }

            @Override
            public void served(String userId, String scene, long nowMillis, List<Fusion.Fused> shown) {
                told.add(new Told(nowMillis, shown.stream().map(f -> f.itemId() + " " + f.channels()).toList()));
            }
        };
    }

    @Test
    void dailyListsAreComputedAheadOfTheListenersTurnAndThenOnlyRead() {
        send("u-ana", Action.PLAY, "s1-1"); // listeners with live state: the ones the pass looks at, two threads at once
        send("u-ben", Action.PLAY, "s1-1");
        DailyPrecompute ahead = new DailyPrecompute(daily, intake.states(), Duration.ofHours(1), 100, 2, BusyCpus.NEVER);
        Instant before = Instant.parse("2026-12-05T05:30:00Z");
        assertTrue(ahead.sweep(before) >= 2, "Ana's and Ben's lists of 5 December computed before their 06:00");
        assertEquals(0, ahead.sweep(before.plusSeconds(60)), "a second pass finds every list stored");
        DailyList list = daily.daily("u-ana", null, 12, Instant.parse("2026-12-05T09:00:00Z")).orElseThrow();
        assertEquals("2026-12-05", list.day());
        assertEquals(before.toString(), list.generatedAt(), "the request read the list computed ahead");
        DailyList stillYesterday = daily.daily("u-ana", null, 12, Instant.parse("2026-12-05T05:59:00Z")).orElseThrow();
        assertEquals("2026-12-04", stillYesterday.day(), "before 06:00 it is the day before's list");
        ahead.stop(); // shutting down
        assertEquals(0, ahead.sweep(before.plus(Duration.ofDays(1))), "a stopped precompute starts no list, though 6 December's are due");
    }

    @Test
    void aDailyListFromDegradedRecallIsAnsweredButNotKeptAndIsComputedAgainInTheBackground() throws InterruptedException {
        // 1 ms for each channel, as in the first minutes after a start: the list is popular songs
        DailyMixScene hurried = new DailyMixScene(kit,
                ScenePolicies.parse("daily", List.of("kg-same-artist,kg-same-album,kg-tags,vector".split(",")), "", "", "", "", 60, 1, known),
                new DailyMixScene.Settings(12, 0.25, 2), new DailyStore(home.resolve("daily-hurried"), 1_000), background,
                Duration.ofSeconds(10));
        Instant now = Instant.now();
        DailyList first = hurried.daily("u-ben", null, 12, now).orElseThrow();
        assumeTrue(first.provisional(), "every channel answered within 1 ms: nothing degraded");
        DailyList later = first;
        for (int i = 0; i < 100 && later.provisional(); i++) {
            Thread.sleep(100);
            later = hurried.daily("u-ben", null, 12, now.plusMillis(DailyMixScene.PROVISIONAL_MS + i)).orElseThrow();
        }
        assertFalse(later.provisional(), "recomputed in the background with 10 s budgets and kept: " + later.channels());
        assertNotEquals(first.generatedAt(), later.generatedAt(), "the provisional list was not kept as the day's");
        assertFalse(later.fallback());
        // later the same day: an hour on, or half-way to the 06:00 turn when that comes sooner (the test may run at 05:30)
        Instant turn = DailyMixScene.nextTurn(now, java.time.ZoneOffset.UTC);
        Instant sameDay = now.plusMillis(Math.min(3_600_000, java.time.Duration.between(now, turn).toMillis() / 2));
        assertEquals(later, hurried.daily("u-ben", null, 12, sameDay).orElseThrow(), "now the day's list, the same all day");
    }

    @Test
    void fmReactsToSkipsAndLikesAtOnceAndNeverRepeats() {
        long now = System.currentTimeMillis();
        Set<String> served = new HashSet<>();
        FmNext first = fm.next("u-cy", true, now).orElseThrow();
        served.add(first.item().id());
        String skipped = artistOf(first.item().id());
        send("u-cy", Action.SKIP, first.item().id());
        // a second skip of the same artist drops it for the session
        FmNext second = fm.next("u-cy", true, now + 1).orElseThrow();
        served.add(second.item().id());
        if (artistOf(second.item().id()).equals(skipped)) {
            send("u-cy", Action.SKIP, second.item().id());
        } else {
            send("u-cy", Action.SKIP, "s" + skipped + "-7");
        }
        for (int i = 0; i < 8; i++) {
            FmNext n = fm.next("u-cy", true, now + 2 + i).orElseThrow();
            assertNotEquals(skipped, artistOf(n.item().id()), "artist " + skipped + " was skipped twice: " + n);
            assertTrue(served.add(n.item().id()), "no repeats: " + n.item().id());
            assertFalse(n.avoiding().isEmpty());
        }
        FmNext liked = fm.next("u-cy", true, now + 20).orElseThrow();
        send("u-cy", Action.LIKE, liked.item().id());
        FmNext after = fm.next("u-cy", true, now + 21).orElseThrow();
        assertEquals(artistOf(liked.item().id()), artistOf(after.item().id()), "a like explores around the song: " + after);
        assertEquals(List.of(liked.item().name()), after.exploring());
        assertTrue(journalHas("u-cy", Action.IMPRESSION), "each answer is recorded as an impression");
    }

    @Test
    void fmKeepsPlayingWhenTheListenerSkipsEverything() {
        new Onboarding(graph, recall.profiles()).choose("u-skipper", List.of("a2"), List.of("ROCK"), "UTC");
        PrivateFmScene radio = fmScene();
        long now = System.currentTimeMillis();
        Set<String> played = new HashSet<>();
        FmNext n = null;
        for (int i = 0; i < 20; i++) {
            n = radio.next("u-skipper", true, now + i).orElseThrow();
            assertNotNull(n.item(), "after " + i + " skips the radio still plays a song: " + n);
            assertTrue(played.add(n.item().id()), "no repeats: " + n.item().id());
            send("u-skipper", Action.SKIP, n.item().id());
        }
        assertTrue(n.avoiding().containsAll(List.of("rock", "jazz")), "both genres were dropped on the way, and songs still came: "
                + n.avoiding());
    }

    @Test
    void anotherInstanceCarriesTheFmSessionOnFromTheLog() {
        // two instances of the scene over one log (here: one intake), as two serving processes of a split deployment
        PrivateFmScene here = fmScene();
        PrivateFmScene there = fmScene();
        long now = System.currentTimeMillis();
        FmNext first = here.next("u-ana", true, now).orElseThrow();
        send("u-ana", Action.SKIP, first.item().id());
        FmNext second = here.next("u-ana", true, now + 1).orElseThrow();
        send("u-ana", Action.LIKE, second.item().id());

        FmNext moved = there.next("u-ana", true, now + 2).orElseThrow();
        assertEquals(second.position() + 1, moved.position(), "the session goes on: " + moved);
        assertEquals(first.sessionStartedAt(), moved.sessionStartedAt());
        assertFalse(List.of(first.item().id(), second.item().id()).contains(moved.item().id()), "no repeats: " + moved);
        assertTrue(moved.exploring().contains(second.item().name()), "the like is carried over: " + moved);
        assertEquals(artistOf(second.item().id()), artistOf(moved.item().id()), "and explored around: " + moved);
    }

    private static PrivateFmScene fmScene() {
        String songChannels = "kg-co-listened,kg-same-artist,kg-same-album,kg-tags,kg-playlists,vector";
        return new PrivateFmScene(kit, catalog, intake,
                ScenePolicies.parse("fm", List.of(songChannels.split(",")), "", "", "", "", 60, 10_000, known),
                ScenePolicies.parse("fm-explore", List.of("kg-co-listened,kg-same-artist".split(",")), "", "", "", "", 40, 10_000, known), background,
                Duration.ofSeconds(10));
    }

    @Test
    void fmStartedOnThePopularFallbackRecallsAgainInTheBackground() throws InterruptedException {
        // 1 ms for each channel at the start, as under load or before the queries are planned: popular songs stand in
        PrivateFmScene hurried = new PrivateFmScene(kit, catalog, intake,
                ScenePolicies.parse("fm", List.of("kg-same-artist,kg-same-album,kg-tags,vector".split(",")), "", "", "", "", 60, 1, known),
                ScenePolicies.parse("fm-explore", List.of("kg-co-listened".split(",")), "", "", "", "", 40, 1, known), background, Duration.ofSeconds(10));
        long now = System.currentTimeMillis();
        FmNext first = hurried.next("u-ben", true, now).orElseThrow();
        assumeTrue(first.fallback(), "every channel answered within 1 ms: nothing to recover from");
        assertEquals(List.of(SceneRecall.POPULAR), first.item().channels());
        FmNext later = first;
        for (int i = 1; i < 40 && later.fallback(); i++) {
            Thread.sleep(50);
            later = hurried.next("u-ben", true, now + i).orElseThrow();
        }
        assertFalse(later.fallback(), "the background refill (10 s budgets) replaced the fallback pool: " + later);
        assertFalse(later.item().channels().contains(SceneRecall.POPULAR), "a recalled song now: " + later.item());
        assertTrue(hurried.stats().refillsAhead() >= 1);
    }

    @Test
    void anFmSessionsPoolCanBeReadForOfflineReplays() {
        long now = System.currentTimeMillis();
        assertTrue(fm.pool("u-nobody", now).isEmpty());
        FmNext first = fm.next("u-ana", true, now).orElseThrow();
        List<PrivateFmScene.PoolSong> pool = fm.pool("u-ana", now).orElseThrow().songs();
        assertTrue(pool.size() > 1, pool.toString());
        assertEquals(List.of(first.item().id()), pool.stream().filter(PrivateFmScene.PoolSong::played).map(PrivateFmScene.PoolSong::songId).toList());
        for (int i = 1; i < pool.size(); i++) {
            assertTrue(pool.get(i - 1).score() >= pool.get(i).score(), "best score first");
        }
        assertTrue(pool.stream().allMatch(p -> p.artistIds().size() == 1 && p.genres().size() == 1 && !p.channels().isEmpty()), pool.toString());
    }

    @Test
    void fmWithoutAdaptationIgnoresTheSkips() {
        long now = System.currentTimeMillis();
        FmNext first = fm.next("u-ben", false, now).orElseThrow();
        send("u-ben", Action.SKIP, first.item().id());
        send("u-ben", Action.SKIP, first.item().id());
        FmNext next = fm.next("u-ben", false, now + 1).orElseThrow();
        assertFalse(next.adaptive());
        assertTrue(next.avoiding().isEmpty());
        assertNotEquals(first.item().id(), next.item().id());
        FmNext adaptive = fm.next("u-ben", true, now + 2).orElseThrow();
        assertEquals(1, adaptive.position(), "switching to the adaptive radio starts a new session: " + adaptive);
        assertTrue(adaptive.adaptive());
    }

    @Test
    void aColdListenerStartsFromOnboarding() {
        assertTrue(recall.profiles().of("u-new").isEmpty(), "not known yet (and remembered so)");
        Onboarding.Result r = new Onboarding(graph, recall.profiles()).choose("u-new", List.of("a5", "no-such-artist"), List.of("JAZZ"), "Asia/Tokyo");
        assertEquals(List.of("a5"), r.artists());
        assertEquals(List.of("g-jazz"), r.genres());
        assertEquals(List.of("no-such-artist"), r.unknown());
        assertEquals("Asia/Tokyo", r.timeZone());
        FmNext n = fm.next("u-new", true, System.currentTimeMillis()).orElseThrow();
        assertTrue(Set.of("5", "4", "6").contains(artistOf(n.item().id())), n.toString());
        DailyList d = daily.daily("u-new", null, 12, Instant.parse("2026-11-28T20:00:00Z")).orElseThrow();
        assertEquals("Asia/Tokyo", d.timeZone());
        assertEquals("2026-11-28", d.day(), "20:00Z is 05:00 on the 29th in Tokyo: still the 28th's list");
    }

    @Test
    void anOnboardingWithNothingInTheCatalogWritesNothing() {
        Onboarding.Result r = new Onboarding(graph, recall.profiles()).choose("u-refused", List.of("no-such-artist"), List.of("no-such-genre"), "Asia/Tokyo");
        assertTrue(r.artists().isEmpty() && r.genres().isEmpty(), r.toString());
        assertEquals(List.of("no-such-artist", "no-such-genre"), r.unknown());
        try (Session s = graph.session()) {
            assertEquals(0, s.run("MATCH (u:User {id: 'u-refused'}) RETURN count(u) AS n").single().get("n").asInt(),
                    "no listener created, no time zone set");
        }
    }

    @Test
    void playlistsVideosAndMlogsWithReasons() {
        SceneAnswer p = playlists.list("u-ana", 5, System.currentTimeMillis()).orElseThrow();
        assertEquals("pl-ben", p.items().get(0).id(), p.toString());
        assertTrue(p.items().get(0).reasons().stream().anyMatch(x -> x.contains("Ben")), p.toString());
        SceneAnswer v = videos.list("u-ana", 5, System.currentTimeMillis()).orElseThrow();
        assertEquals(List.of("v1"), v.items().stream().map(Pick::id).toList());
        assertTrue(v.items().get(0).reason().startsWith("Uses *Song 1.1*"), v.items().get(0).reason());
        SceneAnswer m = mlogs.list("u-ana", 5, System.currentTimeMillis()).orElseThrow();
        assertEquals(List.of("m1"), m.items().stream().map(Pick::id).toList());
    }

    /** Ana heard most of rock: her heard songs are left out before the channel cuts its five, not after. */
    @Test
    void heardSongsAreLeftOutBeforeEachChannelCutsItsList() {
        ScenePolicy tags = ScenePolicies.parse("daily", List.of("kg-tags".split(",")), "", "", "", "", 5, 10_000, known);
        ListenerProfile ana = recall.profiles().of("u-ana").orElseThrow();
        Set<String> heard = ana.heard().keySet();
        SceneRecall.Recalled r = sceneRecall.recall(tags, ana.context(), heard, 5);
        assertFalse(r.fallback(), r.status().toString());
        assertEquals(5, r.candidates().size(), "five rock songs she has not heard, though the five strongest she has");
        assertTrue(r.candidates().stream().noneMatch(f -> heard.contains(f.itemId())), r.candidates().toString());
    }

    @Test
    void whenEveryChannelRunsOutOfTimeThePopularSongsAnswer() {
        ScenePolicy starved = ScenePolicies.parse("daily", List.of("kg-co-listened,kg-same-artist".split(",")), "", "", "", "", 50, 1,
                recall.channels().keySet());
        SceneRecall.Recalled r = sceneRecall.recall(starved, recall.profiles().of("u-ana").orElseThrow().context(), Set.of(), 10);
        assertTrue(r.fallback(), r.status().toString());
        assertEquals("ok", r.status().get(SceneRecall.POPULAR));
        assertEquals("timeout", r.status().get("kg-co-listened"), r.status().toString());
        assertTrue(r.candidates().get(0).itemId().startsWith("s1-"), "the most played songs: " + r.candidates());
        // a cold listener without onboarding: nothing to recall from, popularity answers
        SceneRecall.Recalled cold = sceneRecall.recall(starved, new io.melograph.recall.ListenerContext("x", List.of(), List.of(), List.of()), Set.of(), 5);
        assertTrue(cold.fallback());
        assertEquals(5, cold.candidates().size());
    }

    @Test
    void whenTooFewSongsHaveBeenPlayedTheFallbackOffersOtherCatalogSongs() {
        // every song but artist 3's has been played: with those left out, only the never played ones remain
        Set<String> played = new HashSet<>();
        for (int a : new int[] {1, 2, 4, 5, 6}) {
            for (int i = 1; i <= 8; i++) {
                played.add("s" + a + "-" + i);
            }
        }
        assertEquals(List.of(), sceneRecall.popular(played, 10), "nothing else was played");
        List<Fusion.Fused> fallback = sceneRecall.popularThenCatalog(played, 10);
        assertEquals(8, fallback.size(), "the catalog's eight songs nobody played: " + fallback);
        assertTrue(fallback.stream().allMatch(f -> artistOf(f.itemId()).equals("3")), fallback.toString());
        assertTrue(fallback.stream().allMatch(f -> f.reason().contains("too few plays yet")), fallback.toString());
        // played songs first, most played first, then the others make up the number
        List<Fusion.Fused> mixed = sceneRecall.popularThenCatalog(Set.of(), 45);
        assertEquals(45, mixed.size());
        assertTrue(mixed.get(0).itemId().startsWith("s1-"), mixed.toString());
        assertEquals(5, mixed.stream().filter(f -> artistOf(f.itemId()).equals("3")).count(), "never played songs only after the 40 played");
        assertTrue(mixed.subList(40, 45).stream().allMatch(f -> artistOf(f.itemId()).equals("3")), mixed.toString());
    }

    private static boolean journalHas(String user, Action action) {
        List<Event> seen = new ArrayList<>();
        journal.replay(io.melograph.events.JournalPosition.START, (e, after) -> {
            if (e.userId().equals(user) && e.action() == action) {
                seen.add(e);
            }
        });
        return !seen.isEmpty();
    }
}
