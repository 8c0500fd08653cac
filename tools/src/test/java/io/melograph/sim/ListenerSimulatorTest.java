package io.melograph.sim;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenerSimulatorTest {
    static final long SESSION_GAP_MS = 30 * 60_000L;
    static final Set<String> SCENES = Set.of("daily", "fm", "search", "playlist", "video", "mlog");

    static List<SimSong> catalog;
    static Map<String, SimSong> songsById;
    static SimConfig config;
    static SimResult result;
    static List<Event> events;

    @BeforeAll
    static void runOnce() {
        catalog = SyntheticCatalog.generate(1_500, 7);
        songsById = new HashMap<>();
        catalog.forEach(s -> songsById.put(s.id(), s));
        config = SimConfig.defaults(150, 21, 42);
        events = new ArrayList<>();
        result = new ListenerSimulator(catalog, config, PopularityPrior.defaults()).run(events::add);
    }

    static List<Event> run(List<SimSong> songs, SimConfig cfg) {
        List<Event> out = new ArrayList<>();
        new ListenerSimulator(songs, cfg, PopularityPrior.defaults()).run(out::add);
        return out;
    }

    @Test
    void theSameInputsGiveTheSameEventsAndAnotherSeedOtherEvents() {
        SimConfig small = SimConfig.defaults(40, 7, 7);
        List<Event> first = run(catalog, small);
        List<SimSong> shuffled = new ArrayList<>(catalog);
        Collections.shuffle(shuffled, new Random(1));
        assertEquals(first, run(shuffled, small), "catalog order does not matter");
        ListenerSimulator sim = new ListenerSimulator(catalog, small, PopularityPrior.defaults());
        List<Event> a = new ArrayList<>();
        List<Event> b = new ArrayList<>();
        SimResult ra = sim.run(a::add);
        SimResult rb = sim.run(b::add);
        assertEquals(first, a);
        assertEquals(a, b, "a simulator can run again");
        assertEquals(ra, rb);
        assertEquals("sim-7-1", first.get(0).eventId());

        List<Event> other = run(catalog, small.withSeed(8));
        assertNotEquals(first, other);
        assertTrue(other.get(0).eventId().startsWith("sim-8-"));
    }

    @Test
    void eventsArriveInTimeOrderWithCountingIds() {
        for (int i = 0; i < events.size(); i++) {
            assertEquals("sim-42-" + (i + 1), events.get(i).eventId());
            if (i > 0) {
                assertTrue(events.get(i - 1).ts() <= events.get(i).ts(), "out of order at " + i);
            }
        }
        long start = config.startMillis();
        assertTrue(events.get(0).ts() >= start);
        assertTrue(events.get(events.size() - 1).ts() < start + (config.days() + 1) * 86_400_000L);
    }

    @Test
    void everyActionItemTypeAndSceneOccurs() {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Set<ItemType> types = EnumSet.noneOf(ItemType.class);
        Set<String> scenes = new TreeSet<>();
        for (Event e : events) {
            actions.add(e.action());
            types.add(e.itemType());
            scenes.add(e.scene());
        }
        assertEquals(EnumSet.allOf(Action.class), actions);
        assertEquals(EnumSet.allOf(ItemType.class), types);
        assertEquals(new TreeSet<>(SCENES), scenes);
        Set<Action> clipActions = EnumSet.noneOf(Action.class);
        events.stream().filter(e -> e.itemType() == ItemType.VIDEO || e.itemType() == ItemType.MLOG)
                .forEach(e -> clipActions.add(e.action()));
        assertTrue(clipActions.containsAll(EnumSet.of(Action.IMPRESSION, Action.CLICK, Action.PLAY, Action.COMPLETE,
                Action.SKIP, Action.LIKE)), clipActions.toString());
    }

    /**
     * Per listener and session: a click follows an impression; a song played in daily, search, video or mlog was
     * clicked; a play ends (complete or skip) before the next starts and before the session ends; complete and skip
     * refer to the play just before; feedback only for items played in the session, after the play ended; an
     * unlike only for a liked song, no like twice without an unlike in between; positions make sense.
     */
    @Test
    void behaviourChainsAreConsistent() {
        Map<String, List<Event>> byUser = byUser(events);
        Map<String, Integer> clipDurations = new HashMap<>();
        for (List<Event> list : byUser.values()) {
            Set<String> impressed = new HashSet<>();
            Set<String> clicked = new HashSet<>();
            Set<String> played = new HashSet<>();
            Set<String> liked = new HashSet<>();
            String open = null;
            long last = Long.MIN_VALUE;
            for (Event e : list) {
                String where = e.toString();
                assertTrue(SCENES.contains(e.scene()), where);
                if (e.ts() - last > SESSION_GAP_MS) {
                    assertNull(open, "a play left open at the end of a session: " + where);
                    impressed.clear();
                    clicked.clear();
                    played.clear();
                }
                last = e.ts();
                String item = e.itemType() + " " + e.itemId();
                switch (e.action()) {
                    case IMPRESSION -> {
                        assertEquals(Event.UNKNOWN, e.positionMs(), where);
                        impressed.add(item);
                    }
                    case CLICK -> {
                        assertTrue(impressed.contains(item), "click without impression: " + where);
                        clicked.add(item);
                    }
                    case PLAY -> {
                        assertEquals(0, e.positionMs(), where);
                        if (e.itemType() == ItemType.PLAYLIST) {
                            assertTrue(clicked.contains(item), where);
                        } else {
                            assertNull(open, "a play before the previous one ended: " + where);
                            open = item;
                            if (e.itemType() != ItemType.SONG || !Set.of("fm", "playlist").contains(e.scene())) {
                                assertTrue(clicked.contains(item), "play without click: " + where);
                            } else if (e.scene().equals("fm")) {
                                assertTrue(impressed.contains(item), where);
                            }
                        }
                        played.add(item);
                    }
                    case COMPLETE, SKIP -> {
                        assertEquals(item, open, "end of a play that is not the one running: " + where);
                        open = null;
                        assertEquals(e.positionMs(), e.durationMs(), where);
                        if (e.itemType() == ItemType.SONG) {
                            long length = songsById.get(e.itemId()).durationSec() * 1000L;
                            if (e.action() == Action.COMPLETE) {
                                assertEquals(length, e.positionMs(), where);
                            } else {
                                assertTrue(e.positionMs() > 0 && e.positionMs() < length, where);
                            }
                        } else if (e.action() == Action.COMPLETE) {
                            clipDurations.merge(e.itemId(), (int) e.positionMs(), (x, y) -> {
                                assertEquals(x, y, "a clip always lasts as long: " + where);
                                return x;
                            });
                        }
                    }
                    case LIKE, UNLIKE, DISLIKE, SAVE, SHARE -> {
                        assertTrue(played.contains(item), "feedback on an item not played in the session: " + where);
                        assertNull(open, "feedback while playing: " + where);
                        if (e.action() == Action.LIKE) {
                            assertTrue(liked.add(item), "liked twice: " + where);
                        }
                        if (e.action() == Action.UNLIKE) {
                            assertTrue(liked.remove(item), "unlike of a song not liked: " + where);
                        }
                    }
                }
            }
            assertNull(open);
        }
    }

    @Test
    void sessionsAreWhatA30MinuteSessionizerFindsAndStartAfterRegistration() {
        Map<String, Long> registered = new HashMap<>();
        result.users().forEach(u -> registered.put(u.id(), u.registeredAtMillis()));
        long sessions = 0;
        for (Map.Entry<String, List<Event>> e : byUser(events).entrySet()) {
            long last = Long.MIN_VALUE;
            for (Event ev : e.getValue()) {
                assertTrue(ev.ts() >= registered.get(e.getKey()), "before registration: " + ev);
                if (last == Long.MIN_VALUE || ev.ts() - last > SESSION_GAP_MS) {
                    sessions++;
                }
                last = ev.ts();
            }
        }
        assertEquals(result.summary().sessions(), sessions);
        assertTrue(result.users().stream().anyMatch(u -> u.registeredAtMillis() > config.startMillis()),
                "some listeners join during the simulation");
    }

    @Test
    void syntheticEntitiesExistWithSimIds() {
        assertEquals(config.users(), result.users().size());
        assertEquals("sim:user:0001", result.users().get(0).id());
        assertEquals(config.playlists(), result.playlists().size());
        assertEquals(config.videos(), result.videos().size());
        assertEquals(config.mlogs(), result.mlogs().size());
        Map<String, SimUser> users = new HashMap<>();
        result.users().forEach(u -> users.put(u.id(), u));
        for (SimUser u : result.users()) {
            assertTrue(u.id().startsWith("sim:user:") && !u.name().isBlank() && u.country().length() == 2, u.toString());
            assertTrue(!u.taste().artists().isEmpty() && !u.taste().genres().isEmpty(), u.toString());
            for (String f : u.friends()) {
                assertTrue(users.get(f).friends().contains(u.id()), "friendship is mutual");
            }
        }
        double meanFriends = result.users().stream().mapToInt(u -> u.friends().size()).average().orElse(0);
        assertEquals(config.friendsPerUser(), meanFriends, 0.5);
        result.playlists().forEach(p -> {
            assertTrue(p.id().startsWith("sim:playlist:") && users.containsKey(p.creatorUserId()), p.toString());
            assertTrue(p.songIds().size() >= 10 && songsById.keySet().containsAll(p.songIds()), p.toString());
        });
        result.videos().forEach(v -> assertTrue(v.id().startsWith("sim:video:") && songsById.keySet().containsAll(v.songIds())));
        result.mlogs().forEach(m -> assertTrue(m.id().startsWith("sim:mlog:") && users.containsKey(m.creatorUserId())
                && songsById.keySet().containsAll(m.songIds())));
        for (Event e : events) {
            assertTrue(e.userId().startsWith("sim:user:"), e.toString());
            assertTrue(e.itemType() == ItemType.SONG ? songsById.containsKey(e.itemId()) : e.itemId().startsWith("sim:"), e.toString());
        }
    }

    @Test
    void musicIsReplayedAndTheSummaryIsPlausible() {
        SimSummary s = result.summary();
        assertTrue(s.repeatRate() > 0.2, "repeat rate " + s.repeatRate());
        Map<String, Integer> plays = new HashMap<>();
        events.stream().filter(e -> e.action() == Action.PLAY && e.itemType() == ItemType.SONG)
                .forEach(e -> plays.merge(e.userId() + " " + e.itemId(), 1, Integer::sum));
        assertTrue(plays.values().stream().anyMatch(n -> n >= 5), "some favourites are played again and again");
        long songPlays = events.stream().filter(e -> e.action() == Action.PLAY && e.itemType() == ItemType.SONG).count();
        assertEquals(songPlays, s.plays());
        assertEquals(events.size(), s.events());
        assertTrue(s.skipRate() >= 0.25 && s.skipRate() <= 0.45, "skip rate " + s.skipRate());
        assertEquals(1.0, s.skipRate() + s.completeRate(), 1e-9);
        assertTrue(s.likeRate() > 0.01 && s.likeRate() < 0.10, "like rate " + s.likeRate());
        assertTrue(s.listeners() > 0.9 * s.users());
        assertTrue(s.sessionsPerListenerWeek() >= 3 && s.sessionsPerListenerWeek() <= 12, "sessions/week " + s.sessionsPerListenerWeek());
        assertTrue(s.sessionsPerListenerMedian() < s.sessionsPerListenerMean(), "activity is skewed: a few heavy listeners");
        assertTrue(s.longTailShareSongs() > 0.05 && s.longTailShareSongs() < 0.5, "long tail " + s.longTailShareSongs());
        assertEquals(PopularityPrior.defaults().hetrecLongTailShare().getAsDouble(), s.hetrecLongTailShare());
        assertTrue(s.videoPlays() > 0 && s.mlogPlays() > 0);
        String table = s.format();
        for (String row : List.of("skip rate", "complete rate", "like rate", "repeat rate", "long-tail share, artists",
                "sessions per listener, median", "HetRec")) {
            assertTrue(table.contains(row), row + " missing in\n" + table);
        }
    }

    /**
     * Six disjoint clusters (genre, tag, language and artists of their own): a listener's taste reaches only some of
     * them, so songs of the listener's strongest genre are good matches and songs of clusters they have no genre,
     * artist, tag or language of are poor ones.
     */
    @Test
    void poorMatchesAreSkippedMoreAndEarlierThanGoodOnes() {
        List<SimSong> tiny = new ArrayList<>();
        String[] langs = {"en", "ja", "es", "de", "ko", "fr"};
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 12; i++) {
                tiny.add(new SimSong("t:" + c + ":" + i, null, List.of("t:artist:" + c + ":" + (i % 3)),
                        List.of("t:genre:" + c), List.of("t:tag:" + c), langs[c], 200, SimSong.UNKNOWN_RELEASE));
            }
        }
        SimConfig cfg = SimConfig.defaults(120, 7, 3); // one week: no drift yet
        ListenerSimulator sim = new ListenerSimulator(tiny, cfg, PopularityPrior.defaults());
        List<Event> out = new ArrayList<>();
        SimResult r = sim.run(out::add);
        Map<String, SimTaste> tastes = new HashMap<>();
        r.users().forEach(u -> tastes.put(u.id(), u.taste()));
        long[] plays = new long[2];
        long[] skips = new long[2];
        long[] early = new long[2];
        for (Event e : out) {
            if (e.itemType() != ItemType.SONG || (e.action() != Action.PLAY && e.action() != Action.SKIP)) {
                continue;
            }
            SimTaste t = tastes.get(e.userId());
            String cluster = e.itemId().split(":")[1];
            String top = t.genres().keySet().iterator().next();
            boolean good = top.equals("t:genre:" + cluster);
            boolean poor = !t.genres().containsKey("t:genre:" + cluster) && !t.tags().containsKey("t:tag:" + cluster)
                    && t.artists().keySet().stream().noneMatch(a -> a.startsWith("t:artist:" + cluster + ":"))
                    && !langs[Integer.parseInt(cluster)].equals(t.language());
            int k = good ? 0 : poor ? 1 : -1;
            if (k < 0) {
                continue;
            }
            if (e.action() == Action.PLAY) {
                plays[k]++;
            } else {
                skips[k]++;
                early[k] += e.positionMs() < 30_000 ? 1 : 0;
            }
        }
        assertTrue(plays[0] > 500 && plays[1] > 100, "enough plays of both: " + plays[0] + ", " + plays[1]);
        double goodSkip = skips[0] / (double) plays[0];
        double poorSkip = skips[1] / (double) plays[1];
        assertTrue(poorSkip > goodSkip + 0.25, "skip rate poor " + poorSkip + " vs good " + goodSkip);
        assertTrue(early[1] / (double) skips[1] > early[0] / (double) skips[0], "poor matches are skipped earlier");
        assertTrue(plays[0] > 3 * plays[1], "good matches are played more");
        assertTrue(sim.match(r.users().get(0).id(), "t:0:0") >= 0 && sim.match(r.users().get(0).id(), "t:0:0") <= 1);
    }

    /**
     * With session effects, a skip makes the next song of the session likelier to be skipped, and a session's songs of
     * the genre it finished most are finished more often than its other songs, by more than without them (taste alone
     * links the songs of a session too).
     */
    @Test
    void sessionEffectsTieASongToTheOtherSongsOfItsSession() {
        SimConfig off = SimConfig.defaults(150, 7, 11);
        double[] without = sessionLinks(run(catalog, off));
        double[] with = sessionLinks(run(catalog, off.withSessionEffects(true)));
        assertTrue(with[0] > without[0] + 0.05, "skip after skip minus after complete: " + with[0] + " vs " + without[0]);
        assertTrue(with[1] > without[1] + 0.04, "complete rate of a session's top genre minus its others: " + with[1] + " vs "
                + without[1]);
    }

    /**
     * {P(skip | the previous song of the session was skipped) − P(skip | it was completed), over sessions with at
     * least 6 played songs: the complete rate of songs of the genre the session completed most − of its other songs}.
     */
    private static double[] sessionLinks(List<Event> out) {
        Map<String, Event> previous = new HashMap<>();
        Map<String, Long> lastTs = new HashMap<>();
        List<Map<String, int[]>> sessions = new ArrayList<>(); // per session: genre -> {completed, played}
        Map<String, Map<String, int[]>> current = new HashMap<>();
        long[] n = new long[2];
        long[] skipped = new long[2];
        for (Event e : out) {
            if (e.itemType() != ItemType.SONG || (e.action() != Action.SKIP && e.action() != Action.COMPLETE)) {
                continue;
            }
            String u = e.userId();
            if (!lastTs.containsKey(u) || e.ts() - lastTs.get(u) > SESSION_GAP_MS) {
                previous.remove(u);
                current.put(u, new HashMap<>());
                sessions.add(current.get(u));
            }
            lastTs.put(u, e.ts());
            boolean skip = e.action() == Action.SKIP;
            Event before = previous.put(u, e);
            if (before != null) {
                int k = before.action() == Action.SKIP ? 0 : 1;
                n[k]++;
                skipped[k] += skip ? 1 : 0;
            }
            for (String g : songsById.get(e.itemId()).genres()) { // own genres (a song without inherits its artist's)
                int[] counts = current.get(u).computeIfAbsent(g, x -> new int[2]);
                counts[0] += skip ? 0 : 1;
                counts[1]++;
            }
        }
        long[] top = new long[2];
        long[] rest = new long[2];
        for (Map<String, int[]> genres : sessions) {
            if (genres.values().stream().mapToInt(c -> c[1]).sum() < 6) {
                continue;
            }
            String most = genres.entrySet().stream().max(Comparator.comparingInt(x -> x.getValue()[0])).orElseThrow().getKey();
            genres.forEach((g, c) -> {
                long[] to = g.equals(most) ? top : rest;
                to[0] += c[0];
                to[1] += c[1];
            });
        }
        assertTrue(Math.min(n[0], n[1]) > 200 && Math.min(top[1], rest[1]) > 200, "enough songs of each case");
        return new double[] {skipped[0] / (double) n[0] - skipped[1] / (double) n[1],
                top[0] / (double) top[1] - rest[0] / (double) rest[1]};
    }

    /** Songs released in the first week, played in their first week after release vs in their fifth. */
    @Test
    void newReleasesArePlayedMostInTheirFirstWeek() {
        long day0 = config.startEpochDay();
        Map<String, Long> released = new HashMap<>();
        for (SimSong s : catalog) {
            if (s.releasedEpochDay() >= day0 && s.releasedEpochDay() <= day0 + 6) {
                released.put(s.id(), s.releasedEpochDay());
            }
        }
        List<Event> out = new ArrayList<>();
        new ListenerSimulator(catalog, SimConfig.defaults(150, 42, 5), PopularityPrior.defaults()).run(out::add);
        long firstWeek = 0;
        long fifthWeek = 0;
        for (Event e : out) {
            Long day = released.get(e.itemId());
            if (day == null || e.action() != Action.PLAY) {
                continue;
            }
            long age = Math.floorDiv(e.ts(), 86_400_000L) - day;
            assertTrue(age >= 0, "played before its release: " + e);
            firstWeek += age < 7 ? 1 : 0;
            fifthWeek += age >= 28 && age < 35 ? 1 : 0;
        }
        assertTrue(released.size() >= 10, "new releases in the catalog: " + released.size());
        assertTrue(firstWeek > 1.5 * fifthWeek, "first week " + firstWeek + " vs fifth week " + fifthWeek);
    }

    @Test
    void liveModeShowsWhatTheSourceRecommends() {
        List<String> picks = catalog.subList(100, 120).stream().map(SimSong::id).toList();
        Set<String> asked = new TreeSet<>();
        ListenerSimulator sim = new ListenerSimulator(catalog, SimConfig.defaults(30, 3, 9), PopularityPrior.defaults());
        sim.setRecommendations((user, scene, count) -> {
            assertTrue(user.startsWith("sim:user:") && count > 0);
            asked.add(scene);
            List<String> out = new ArrayList<>(List.of("not-a-song"));
            out.addAll(picks);
            return out;
        });
        List<Event> out = new ArrayList<>();
        sim.run(out::add);
        assertEquals(Set.of("daily", "fm"), asked);
        List<Event> shown = out.stream().filter(e -> e.itemType() == ItemType.SONG && e.action() == Action.IMPRESSION
                && (e.scene().equals("daily") || e.scene().equals("fm"))).toList();
        assertTrue(shown.size() > 50);
        assertTrue(shown.stream().allMatch(e -> picks.contains(e.itemId())));
        sim.setRecommendations(null);
        List<Event> internal = new ArrayList<>();
        sim.run(internal::add);
        assertTrue(internal.stream().anyMatch(e -> e.scene().equals("daily") && !picks.contains(e.itemId())));
    }

    @Test
    void aBadCatalogOrConfigIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ListenerSimulator(List.of(), config, PopularityPrior.defaults()));
        SimSong a = catalog.get(0);
        assertThrows(IllegalArgumentException.class, () -> new ListenerSimulator(List.of(a, a), config, PopularityPrior.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new SimConfig(10, 7, 1, SimConfig.DEFAULT_START_MILLIS + 1, 1, 1, 1, 1, 1, "", false));
        assertEquals(SimSong.UNKNOWN_DURATION_SEC, new SimSong("x", null, null, null, null, null, 0, SimSong.UNKNOWN_RELEASE).durationSec());
    }

    @Test
    void aNamedRunPrefixesEverySyntheticIdAndTheDemoKeepsItsOwn() {
        SimConfig named = new SimConfig(10, 2, 7, SimConfig.DEFAULT_START_MILLIS, 1, 2, 10, 10, 10, "s7", false);
        ListenerSimulator sim = new ListenerSimulator(catalog, named, PopularityPrior.defaults());
        assertTrue(sim.users().stream().allMatch(u -> u.id().startsWith("sim:s7:user:")), sim.users().get(0).id());
        assertTrue(sim.playlists().stream().allMatch(p -> p.id().startsWith("sim:s7:playlist:")));
        assertTrue(sim.videos().stream().allMatch(v -> v.id().startsWith("sim:s7:video:")));
        assertTrue(sim.mlogs().stream().allMatch(m -> m.id().startsWith("sim:s7:mlog:")));
        assertEquals("sim:user:0001", new ListenerSimulator(catalog, SimConfig.defaults(10, 2, 7), PopularityPrior.defaults())
                .users().get(0).id(), "the demo community");
        assertThrows(IllegalArgumentException.class, () -> new SimConfig(10, 2, 7, SimConfig.DEFAULT_START_MILLIS, 1, 2, 10, 10, 10, "Bad Name", false));
    }

    @Test
    void aCatalogWithoutGenresOrTagsStillWorks() {
        List<SimSong> bare = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bare.add(new SimSong("b:" + i, "Song " + i, List.of("b:artist:" + (i % 7)), List.of(), List.of(), null, 180,
                    SimSong.UNKNOWN_RELEASE));
        }
        List<Event> out = run(bare, SimConfig.defaults(20, 3, 1));
        assertTrue(out.stream().anyMatch(e -> e.action() == Action.COMPLETE));
    }

    static Map<String, List<Event>> byUser(List<Event> list) {
        Map<String, List<Event>> m = new HashMap<>();
        for (Event e : list) {
            m.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
        }
        return m;
    }
}
