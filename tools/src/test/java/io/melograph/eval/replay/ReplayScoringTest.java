package io.melograph.eval.replay;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayScoringTest {
    private static final long DAY = 86_400_000L;

    private static Event e(String user, String song, Action a, long ts) {
        return new Event(user + song + a + ts, user, song, ItemType.SONG, a, -1, -1, null, ts);
    }

    @Test
    void splitsEachListenerAtTheCutAndDropsEventsAfterTheWindow() {
        long t = Instant.parse("2024-01-22T00:00:00Z").toEpochMilli();
        List<Event> events = List.of(e("u", "a", Action.PLAY, t - DAY), e("u", "b", Action.PLAY, t + 1000),
                e("u", "b", Action.COMPLETE, t + 2000), e("u", "c", Action.SKIP, t + 3000), e("u", "d", Action.PLAY, t + 9 * DAY),
                e("v", "a", Action.PLAY, t + 5000));
        EventSplit split = EventSplit.of(events, ReplayCut.at(Instant.ofEpochMilli(t), Duration.ofDays(7)));
        assertEquals(1, split.before().size());
        HeldOut u = split.heldOut().get("u");
        assertTrue(u.known());
        assertEquals(List.of("b"), List.copyOf(u.truth().plays())); // d is after the window, c only skipped
        assertEquals(List.of("c"), List.copyOf(u.truth().skips()));
        assertFalse(split.heldOut().get("v").known());
    }

    @Test
    void lastDaysCutsEveryListenerAtTheirOwnTime() {
        ReplayCut cut = ReplayCut.lastDays(2);
        List<Event> events = List.of(e("u", "a", Action.PLAY, 0), e("u", "b", Action.PLAY, 10 * DAY),
                e("w", "a", Action.PLAY, 20 * DAY), e("w", "c", Action.PLAY, 30 * DAY));
        EventSplit split = EventSplit.of(events, cut);
        assertEquals(List.of("b"), List.copyOf(split.heldOut().get("u").truth().plays()));
        assertEquals(List.of("c"), List.copyOf(split.heldOut().get("w").truth().plays()));
        assertEquals(2, split.before().size());
        assertEquals(Instant.parse("2024-01-21T00:00:00Z"),
                ReplayCut.at(Instant.parse("2024-01-22T00:00:00Z"), Duration.ofDays(1)).validation().at());
    }

    @Test
    void scoresHitsSkipsAndChannelShares() {
        Truth truth = new Truth(java.util.Set.of("a", "c"), java.util.Set.of("a"), java.util.Set.of(), java.util.Set.of("b"));
        Served served = new Served("u", List.of("a", "b", "x"), List.of(List.of("vector", "kg-co-listened"), List.of("vector"), List.of()),
                new long[] {1_000_000}, truth);
        ReplayScoring.Songs songs = new ReplayScoring.Songs(Map.of("a", 5, "b", 1), 10);
        ReplayScoring.Scored s = ReplayScoring.score("daily", List.of(served), songs, Map.of(), 0);
        assertEquals(1.0, s.result().metrics().get("hitrate@10"));
        assertEquals(0.5, s.result().metrics().get("recall@10"));
        assertEquals(0.5, s.result().metrics().get("skipped@50")); // a played, b skipped
        // a completed at 1 (+1), b skipped at 2 (−1 / log2 3), one complete: IDCG 1
        assertEquals(1 - Math.log(2) / Math.log(3), s.result().metrics().get("net.ndcg@10"), 1e-12);
        assertEquals(Double.NaN, s.result().metrics().get("like.hitrate@10"));
        assertEquals(Map.of("vector", 0.5, "kg-co-listened", 0.5), s.hitsByChannel());
        assertEquals(0.3, s.result().metrics().get("coverage@50"), 1e-9);
    }

    @Test
    void dailyOfTheCutIsTheListMadeAtTheFirstSixOClockAfterIt() {
        assertEquals(Instant.parse("2024-01-22T06:00:00Z"),
                io.melograph.scene.DailyMixScene.nextTurn(Instant.parse("2024-01-22T00:00:00Z"), java.time.ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-23T06:00:00Z"),
                io.melograph.scene.DailyMixScene.nextTurn(Instant.parse("2024-01-22T06:00:00Z"), java.time.ZoneOffset.UTC));
    }
}
