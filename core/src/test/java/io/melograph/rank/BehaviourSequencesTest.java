package io.melograph.rank;

import io.melograph.events.Action;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BehaviourSequencesTest {
    private static final long MINUTE = 60_000;

    @Test
    void eachBehaviourHasItsOwnSequenceWithSessionsCountedBack() {
        BehaviourSequences s = new BehaviourSequences();
        s.add(1, Action.PLAY, 0);
        s.add(1, Action.COMPLETE, 3 * MINUTE);
        s.add(1, Action.LIKE, 3 * MINUTE);
        s.add(2, Action.IMPRESSION, 4 * MINUTE);
        s.add(2, Action.PLAY, 5 * MINUTE);
        s.add(2, Action.SKIP, 5 * MINUTE + 10_000);
        // an hour later: a new session
        s.add(3, Action.PLAY, 70 * MINUTE);
        s.add(3, Action.DISLIKE, 71 * MINUTE);
        s.add(4, Action.SAVE, 72 * MINUTE);

        BehaviourSequences.History now = s.at(73 * MINUTE);
        assertArrayEquals(new int[] {1, 2, 3}, now.songs(BehaviourSequences.Kind.PLAY));
        assertArrayEquals(new int[] {1, 1, 0}, now.sessionsBack(BehaviourSequences.Kind.PLAY));
        assertArrayEquals(new int[] {1}, now.songs(BehaviourSequences.Kind.COMPLETE));
        assertArrayEquals(new int[] {2, 3}, now.songs(BehaviourSequences.Kind.SKIP), "a dislike is a skip");
        assertArrayEquals(new int[] {1, 4}, now.songs(BehaviourSequences.Kind.LIKE), "a save is a like");
        // the next day everything is one session further back
        assertArrayEquals(new int[] {2, 2, 1}, s.at(24 * 60 * MINUTE).sessionsBack(BehaviourSequences.Kind.PLAY));
        // the session position: songs played in the moment's session before it (completes and likes are not plays)
        assertEquals(1, now.position(), "one play in the session since 70 min");
        assertEquals(0, s.at(24 * 60 * MINUTE).position(), "the next day starts a session");
        assertEquals(0, new BehaviourSequences().at(0).position());
        BehaviourSequences first = new BehaviourSequences();
        first.add(1, Action.PLAY, 0);
        first.add(1, Action.COMPLETE, MINUTE);
        first.add(2, Action.PLAY, 2 * MINUTE);
        assertEquals(2, first.at(3 * MINUTE).position());
    }

    @Test
    void keepsTheNewestSongsOnly() {
        BehaviourSequences s = new BehaviourSequences();
        for (int k = 0; k < BehaviourSequences.LENGTH + 5; k++) {
            s.add(k, Action.PLAY, k * MINUTE);
        }
        int[] plays = s.at(100 * MINUTE).songs(BehaviourSequences.Kind.PLAY);
        assertEquals(BehaviourSequences.LENGTH, plays.length);
        assertEquals(5, plays[0]);
        assertEquals(BehaviourSequences.LENGTH + 4, plays[plays.length - 1]);
        assertEquals(0, s.at(100 * MINUTE).songs(BehaviourSequences.Kind.LIKE).length);
    }
}
