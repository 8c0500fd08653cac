package io.melograph.rank;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;
import io.melograph.events.JournalPosition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OnlineLabelsTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long MIN = 60_000L;

    private final FtrlRanker ranker = new FtrlRanker(new FtrlRanker.Config(12, Ftrl.Params.defaults()),
            id -> null);
    private final OnlineLabels labels = new OnlineLabels(ranker);
    private final List<OnlineLabels.Example> out = new ArrayList<>();
    private int n;

    private List<String> feed(String user, String item, Action action, long minute) {
        return feed(user, item, ItemType.SONG, action, minute);
    }

    /** Feeds one event; returns the examples it produced as "head item ±". */
    private List<String> feed(String user, String item, ItemType type, Action action, long minute) {
        int before = out.size();
        Event e = new Event("e" + n++, user, item, type, action, -1, -1, "daily", T0 + minute * MIN);
        labels.accept(e, new JournalPosition(0, n), out::add);
        List<String> made = new ArrayList<>();
        for (OnlineLabels.Example x : out.subList(before, out.size())) {
            made.add(x.head().wire() + " " + x.exposure().itemId() + (x.label() ? " +" : " -"));
        }
        return made;
    }

    @Test
    void theWholeChainOfOneSong() {
        assertEquals(List.of(), feed("u", "s1", Action.IMPRESSION, 0));
        assertEquals(List.of("click s1 +"), feed("u", "s1", Action.CLICK, 1));
        assertEquals(List.of(), feed("u", "s1", Action.PLAY, 1));
        assertEquals(List.of("complete s1 +"), feed("u", "s1", Action.COMPLETE, 4));
        assertEquals(List.of("like s1 +"), feed("u", "s1", Action.LIKE, 4));
        assertEquals(0, labels.pending());
    }

    @Test
    void aSkippedSongGetsNoLikeOnceTheListenerMovesOn() {
        feed("u", "s1", Action.IMPRESSION, 0);
        // the radio plays without a click: the play opens the impression
        assertEquals(List.of("click s1 +"), feed("u", "s1", Action.PLAY, 0));
        assertEquals(List.of("complete s1 -"), feed("u", "s1", Action.SKIP, 1));
        assertEquals(List.of("like s1 -"), feed("u", "s2", Action.PLAY, 1));
        // a replay of a song whose play never ended closes the old play
        assertEquals(List.of("complete s2 -", "like s2 -"), feed("u", "s2", Action.PLAY, 2));
        assertEquals(List.of("like s2 -"), feed("u", "s2", Action.DISLIKE, 2));
    }

    @Test
    void impressionsExpireAfterThirtyMinutesOrWhenShownAgain() {
        feed("u", "s1", Action.IMPRESSION, 0);
        feed("u", "s2", Action.IMPRESSION, 0);
        assertEquals(List.of("click s1 -"), feed("u", "s1", Action.IMPRESSION, 5), "shown again without being opened");
        assertEquals(List.of(), feed("u", "s3", Action.PLAY, 30), "s2 is 30 minutes old: not yet expired");
        assertEquals(List.of("click s2 -", "complete s3 +"), feed("u", "s3", Action.COMPLETE, 31),
                "s2 expires while the listener is still active");
        // the listener goes quiet: another listener's events carry the clock past the window
        assertEquals(List.of(), feed("v", "s9", Action.IMPRESSION, 40));
        assertEquals(List.of("click s1 -", "like s3 -", "click s9 +"), feed("v", "s9", Action.CLICK, 62));
        assertEquals(1, labels.openSessions());
    }

    @Test
    void eachExposureKnowsItsSessionPositionAndServedChannels() {
        ranker.served("u", "daily", T0 + 2 * MIN, List.of(new FtrlRanker.Candidate("s3", List.of("kg-tags", "vector"))));
        ranker.served("u", "fm", T0 + 2 * MIN, List.of(new FtrlRanker.Candidate("s3", List.of("interest-now")))); // FM's, not Daily's
        feed("u", "s1", Action.PLAY, 0);
        feed("u", "s2", Action.PLAY, 1);
        feed("u", "p1", ItemType.PLAYLIST, Action.PLAY, 1);
        feed("u", "s3", Action.IMPRESSION, 2);
        assertEquals(2, ranker.sessions().position("u", T0 + 3 * MIN), "two songs played; playlists do not count");
        feed("u", "s3", Action.CLICK, 3);
        ExposureFacts shown = out.get(out.size() - 1).exposure();
        assertEquals(2, shown.sessionPosition());
        assertEquals(List.of("kg-tags", "vector"), shown.channels());
        assertEquals("daily", shown.scene());
        // a new session after 31 quiet minutes starts counting again; unserved songs have no channels
        feed("u", "s4", Action.IMPRESSION, 40);
        feed("u", "s4", Action.PLAY, 41);
        ExposureFacts next = out.get(out.size() - 1).exposure();
        assertEquals(0, next.sessionPosition());
        assertEquals(List.of(), next.channels());
        assertEquals(0, ranker.sessions().position("u", T0 + 90 * MIN), "that session is over by then too");
    }
}
